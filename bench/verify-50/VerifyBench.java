import java.util.Set;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.Verification;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;

/**
 * Times {@code Retort.verify} on the generated revisions: the entities are the schema the revisions build (read from a
 * reference database upgraded to head), so verify must pass. Usage: VerifyBench referenceJdbcUrl scratchServerJdbcUrl
 */
public final class VerifyBench {

    public static void main(String[] args) {
        SchemaModel entities;
        try (Retort reference = Retort.configure().url(args[0]).user("postgres").migrationsPackage("bench.migrations")
                .listener(MigrationListener.none()).load()) {
            reference.upgrade();
            entities = reference.introspect(Set.of("public"));
        }
        long start = System.nanoTime();
        // Settings first: later builder calls override them, not the other way round.
        try (Retort retort = Retort.configure()
                .settings(dev.retort.config.Settings.builder().set(dev.retort.config.Setting.DEV_DATABASE, args[1] + "?user=postgres").build())
                .url(args[0]).user("postgres").migrationsPackage("bench.migrations").listener(MigrationListener.none()).load()) {
            Verification result = retort.verify(SchemaSource.of(entities));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (!result.passed()) {
                throw new IllegalStateException("verify failed: " + result.problems());
            }
            System.err.println("revisions=" + result.revisions().size() + " verify_ms=" + ms);
        }
    }
}
