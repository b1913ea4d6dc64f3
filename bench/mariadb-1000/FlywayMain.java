import org.flywaydb.core.Flyway;

/** One Flyway migrate in one JVM, as a deploy step makes it: the database ARGS[0] as root, the V__ SQL files in ARGS[1]. */
public final class FlywayMain {
    public static void main(String[] args) {
        long t = System.nanoTime();
        int applied = Flyway.configure().dataSource(args[0], "root", "").locations("filesystem:" + args[1]).load().migrate().migrationsExecuted;
        System.out.println("applied=" + applied + " elapsed_ms=" + (System.nanoTime() - t) / 1_000_000);
    }
}
