import static dev.retort.testing.InvokerSupport.*

import java.util.jar.JarFile

def jar = new File(basedir, "target/app.jar")
try {
    def jarFile = new JarFile(jar)
    check(jarFile.getEntry("BOOT-INF/classes/db/migrations/M1_CreateCustomer.class") != null, "the jar is a Spring Boot executable jar")
    check(jarFile.getEntry("BOOT-INF/classes/db/migrations/0003_phone.sql") != null, "the SQL revision is packed beside the classes")
    check(jarFile.manifest.mainAttributes.getValue("Start-Class") == "dev.retort.cli.Main", "java -jar runs the command line")
    jarFile.close()
    def db = database(basedir)
    check(db.platform() == "mariadb", "the database is MariaDB: " + db)
    def java = new File(System.getProperty("java.home"), "bin/java").path

    // The command line as a container runs it: the jar, DATABASE_URL and the user from the environment, nothing else.
    def run = { List<String> command ->
        def builder = new ProcessBuilder(command)
        builder.environment().put("DATABASE_URL", db.jdbcUrl())
        builder.environment().put("RETORT_USER", db.user())
        if (db.password()) {
            builder.environment().put("RETORT_PASSWORD", db.password())
        }
        def p = builder.start()
        def err = new StringBuilder()
        def drain = Thread.start { err << p.errorStream.text }
        def out = p.inputStream.text
        drain.join()
        [p.waitFor(), out, err.toString()]
    }
    def cli = { String... args -> run([java, "-jar", jar.path] + args.toList()) }
    def columns = { column(basedir, "select column_name from information_schema.columns where table_schema = database() "
            + "and table_name = 'customer' order by 1") }

    def (code, out, err) = cli("upgrade")
    check(code == 0 && out.contains("Upgraded 3 revisions"), "CLI upgrade: " + out + err)
    check(column(basedir, "select version_num from retort_version") == ["b00700000003"], "the database is at the jar's head, a SQL revision")
    check(columns() == ["email", "id", "name", "phone"], "the Java and SQL revisions ran: " + columns())
    check(column(basedir, "select count(*) from retort_history where direction = 'up' and success") == ["3"], "each revision once in the history")

    (code, out, err) = cli("current")
    check(code == 0 && out.contains("b00700000003 (head)"), "CLI current: " + out + err)
    // The launcher form the release docs give for a Spring Boot jar whose main class is the application's.
    (code, out, err) = run([java, "-Dloader.main=dev.retort.cli.Main", "-cp", jar.path, "org.springframework.boot.loader.launch.PropertiesLauncher",
            "current", "--json"])
    check(code == 0 && out.contains('"b00700000003"'), "CLI current through PropertiesLauncher: " + out + err)

    (code, out, err) = cli("history")
    check(code == 0 && out.contains("b00700000003  b00700000002  current") && out.contains("add phone to customer"), "CLI history: " + out + err)

    (code, out, err) = cli("check")
    check(code == 0 && out.contains("Check passed"), "CLI check at head: " + out + err)

    (code, out, err) = cli("downgrade", "-1")
    check(code == 0 && out.contains("Downgraded 1 revision") && out.contains("now at b00700000002."), "CLI downgrade: " + out + err)
    check(column(basedir, "select version_num from retort_version") == ["b00700000002"], "one revision back")
    check(columns() == ["email", "id", "name"], "the SQL revision's downgrade dropped phone: " + columns())

    (code, out, err) = cli("check")
    check(code == 1 && out.contains("not at head b00700000003"), "CLI check behind head fails: " + out + err)

    (code, out, err) = cli("release", "--json")
    check(code == 0 && out.contains('"outcome":"upgraded"'), "CLI release: " + out + err)
    check(column(basedir, "select version_num from retort_version") == ["b00700000003"], "released to head again")
    check(columns() == ["email", "id", "name", "phone"], "phone is back: " + columns())
    check(column(basedir, "select count(*) from retort_history where revision = 'b00700000003' and direction = 'up' and success") == ["2"],
            "the SQL revision applied twice, once per upgrade")

    (code, out, err) = cli("check")
    check(code == 0 && out.contains("Check passed"), "CLI check after the release: " + out + err)
} finally {
    dropDatabase(basedir)
}
