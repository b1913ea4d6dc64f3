import static dev.retort.testing.InvokerSupport.*

import java.util.jar.JarFile

import dev.retort.MigrationListener
import dev.retort.Retort
import dev.retort.revision.RevisionSource

def jar = new File(basedir, "target/app.jar")
try {
    check(new JarFile(jar).getEntry("BOOT-INF/classes/db/migrations/M1_CreateCustomer.class") != null, "the jar is a Spring Boot executable jar")
    def db = database(basedir)

    // From inside: Spring Boot's launcher runs a main class of the application, which finds its migrations in BOOT-INF/classes.
    def java = new File(System.getProperty("java.home"), "bin/java").path
    def process = new ProcessBuilder(java, "-Dloader.main=app.Migrate", "-cp", jar.path,
            "org.springframework.boot.loader.launch.PropertiesLauncher").redirectErrorStream(true)
    process.environment().put("DATABASE_URL", db.jdbcUrl())
    process.environment().put("RETORT_USER", db.user())
    process.environment().put("RETORT_PASSWORD", db.password())
    def started = process.start()
    def output = started.inputStream.text
    check(started.waitFor() == 0, "the launcher run must succeed:\n" + output)
    check(output.contains("Found 2 revisions in db.migrations.M1_CreateCustomer via org.springframework.boot.loader"), output)
    check(output.contains("Upgraded 2 revisions"), output)
    check(column(basedir, "select version_num from retort_version") == ["b00700000002"], "the database is at the jar's head")
    check(column(basedir, "select column_name from information_schema.columns where table_name = 'customer' order by 1") == ["email", "id", "name"], "both revisions ran")

    // From outside: the core API reads the archive itself and downgrades with the same migrations.
    def retort = Retort.configure().revisions(RevisionSource.archive(jar.toPath(), "db.migrations"))
            .url(db.jdbcUrl()).user(db.user()).password(db.password()).listener(MigrationListener.none()).load()
    try {
        check(retort.graph().heads() == ["b00700000002"], "the archive's graph")
        check(retort.downgrade("base").steps().size() == 2, "both revisions reverted from the archive")
    } finally {
        retort.close()
    }
    check(column(basedir, "select to_regclass('customer')::text") == [null], "the table is gone")
} finally {
    dropDatabase(basedir)
}
