import static dev.retort.testing.InvokerSupport.*

import java.util.jar.JarFile

import dev.retort.MigrationListener
import dev.retort.Retort
import dev.retort.revision.RevisionSource

def jar = new File(basedir, "target/app.jar")
try {
    check(new JarFile(jar).getEntry("BOOT-INF/classes/db/migrations/M1_CreateCustomer.class") != null, "the jar is a Spring Boot executable jar")
    check(new JarFile(jar).getEntry("BOOT-INF/classes/db/migrations/0003_phone.sql") != null, "the SQL revision is packed beside the classes")
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
    check(output.contains("Found 3 revisions in db.migrations.M1_CreateCustomer via org.springframework.boot.loader"), output)
    check(output.contains("Upgraded 3 revisions"), output)
    check(column(basedir, "select version_num from retort_version") == ["b00700000003"], "the database is at the jar's head, a SQL revision")
    check(column(basedir, "select column_name from information_schema.columns where table_name = 'customer' order by 1") == ["email", "id", "name", "phone"], "the Java and SQL revisions ran")

    def jarFile = new JarFile(jar)
    def index = jarFile.getInputStream(jarFile.getEntry("BOOT-INF/classes/db/migrations/retort.revisions")).text
    check(index.contains("revision.b00700000003.file=db/migrations/0003_phone.sql"), "the index is packed, naming the SQL revision's file:\n" + index)
    jarFile.close()

    // The command line in the same jar, through Spring Boot's launcher: nothing to do, deployable, a JSON release report.
    def cli = { String... args ->
        def command = [java, "-Dloader.main=dev.retort.cli.Main", "-cp", jar.path, "org.springframework.boot.loader.launch.PropertiesLauncher"]
        command.addAll(args)
        def builder = new ProcessBuilder(command)
        builder.environment().put("DATABASE_URL", db.jdbcUrl())
        builder.environment().put("RETORT_USER", db.user())
        builder.environment().put("RETORT_PASSWORD", db.password())
        def p = builder.start()
        def out = p.inputStream.text
        def err = p.errorStream.text
        [p.waitFor(), out, err]
    }
    def (code, out, err) = cli("upgrade")
    check(code == 0 && out.contains("Nothing to do: the database is already at b00700000003."), "CLI upgrade: " + out + err)
    (code, out, err) = cli("check-deployable")
    check(code == 0 && out.contains("Deployable: the database is at the artifact's head b00700000003."), "CLI check-deployable: " + out + err)
    (code, out, err) = cli("release", "--json")
    check(code == 0 && out.contains('"outcome":"nothing_to_do"'), "CLI release: " + out + err)
    (code, out, err) = cli("history")
    check(code == 0 && out.contains("b00700000003  b00700000002  current"), "CLI history: " + out + err)

    // From outside: the core API reads the archive itself and downgrades with the same migrations.
    def retort = Retort.configure().revisions(RevisionSource.archive(jar.toPath(), "db.migrations", "db/migrations"))
            .url(db.jdbcUrl()).user(db.user()).password(db.password()).listener(MigrationListener.none()).load()
    try {
        check(retort.graph().heads() == ["b00700000003"], "the archive's graph, SQL revision included")
        check(retort.downgrade("base").steps().size() == 3, "every revision reverted from the archive")
    } finally {
        retort.close()
    }
    check(column(basedir, "select to_regclass('customer')::text") == [null], "the table is gone")
} finally {
    dropDatabase(basedir)
}
