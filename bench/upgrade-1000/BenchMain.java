import java.util.Set;

import dev.retort.MigrationListener;
import dev.retort.Retort;

/** Loads the generated migrations and upgrades (or prints the offline script), timing each phase. */
public final class BenchMain {
    public static void main(String[] args) {
        String url = args[1];
        long t0 = System.nanoTime();
        try (Retort retort = Retort.configure().url(url).user("postgres").migrationsPackage("bench.migrations")
                .listener(MigrationListener.none()).load()) {
            long t1 = System.nanoTime();
            if (args[0].equals("sql")) {
                System.out.print(retort.upgradeSql(Set.of(), "head"));
                return;
            }
            int steps = retort.upgrade().steps().size();
            long t2 = System.nanoTime();
            System.err.printf("revisions=%d scan+validate_ms=%d upgrade_ms=%d%n", steps, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
    }
}
