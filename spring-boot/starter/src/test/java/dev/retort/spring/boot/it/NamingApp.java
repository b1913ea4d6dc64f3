package dev.retort.spring.boot.it;

import static dev.retort.testing.InvokerSupport.buildLog;
import static dev.retort.testing.InvokerSupport.check;
import static dev.retort.testing.InvokerSupport.column;
import static dev.retort.testing.InvokerSupport.copySources;
import static dev.retort.testing.InvokerSupport.dropDatabase;

import java.io.File;
import java.util.List;

/**
 * What the naming ITs check after their builds: {@code migrations:generate} wrote the only migration there is, with the
 * naming it printed; the application started from its jar on the IT's database, upgraded with that migration and passed
 * Hibernate's validation; its smoke runner wrote and read a note through every table; a second generate found nothing
 * and {@code migrations:check} passed. The applications share one entity model ({@code src/it-shared/naming-app}), copied
 * into each before its builds.
 */
public final class NamingApp {

    private NamingApp() {
    }

    /** Copies the shared application (entities, repositories, the smoke runner) into the IT's {@code src/main/java}. */
    public static void prepare(File basedir, String sharedSources) {
        copySources(basedir, sharedSources);
    }

    /**
     * Checks the IT's build log and database, then drops the database.
     *
     * @param naming the naming line generate and check print
     * @param tables the application's tables, sorted
     */
    public static void verify(File basedir, String naming, List<String> tables) {
        try {
            String log = buildLog(basedir);
            File[] migrations = new File(basedir, "src/main/java/db/migrations").listFiles();
            check(migrations != null && migrations.length == 1, "generate wrote one migration, and only the first time");
            check(log.contains(naming), "generate and check say which naming they read the entities with: " + naming);
            check(log.contains("Upgraded 1 revision"), "the application upgraded with the generated migration at start-up");
            check(log.contains("Started Application"), "the application started: Hibernate validated the schema");
            check(log.lines().anyMatch(line -> line.startsWith("Smoke: 1 note(s) at Main Street 1 with 1 tag link(s)")),
                    "the application wrote and read a note through every table");
            check(log.contains("No changes detected: the database matches the entities. Nothing written."),
                    "a second generate after the application's start finds nothing");
            check(log.contains("Migrations check passed"), "migrations:check passes");
            check(column(basedir, "select tablename from pg_tables where schemaname = 'public' and tablename not like 'retort%' order by 1")
                    .equals(tables), "the tables are named as the application names them: " + tables);
        } finally {
            dropDatabase(basedir);
        }
    }
}
