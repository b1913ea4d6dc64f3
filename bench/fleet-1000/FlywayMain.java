import org.flywaydb.core.Flyway;

/** One Flyway run, as a deploy step makes it: migrate the schema ARGS[1] of the database ARGS[0] with the SQL files in ARGS[2]. */
public final class FlywayMain {
    public static void main(String[] args) {
        int applied = Flyway.configure().dataSource(args[0], "postgres", "").schemas(args[1]).locations("filesystem:" + args[2])
                .load().migrate().migrationsExecuted;
        System.out.println("applied=" + applied);
    }
}
