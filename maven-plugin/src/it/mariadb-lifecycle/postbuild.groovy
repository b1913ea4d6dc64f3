import static dev.retort.testing.InvokerSupport.*

try {
    def generated = new File(basedir, "src/main/java/db/migrations").listFiles()
    check(generated != null && generated.length == 1, "one migration file must be generated")
    def revision = (generated[0].text =~ /id = "([0-9a-f]+)"/)[0][1]
    def db = database(basedir)
    // Without Spring's naming, Hibernate names the table after the entity, and MariaDB keeps the case of table names.
    check(db.tableExists("Author"), "table Author must exist")
    def type = column(basedir, "select column_type from information_schema.columns where table_schema = '" + db.name() + "' "
            + "and table_name = 'Author' and column_name = 'name'")
    check(type == ["varchar(200)"], "Author.name is the entity's varchar(200), not " + type)
    check(column(basedir, "select version_num from retort_version") == [revision], "retort_version must hold the head " + revision)
    check(column(basedir, "select concat(direction, ' ', success) from retort_history order by id") == ["up 1", "down 1", "up 1"],
            "the history: upgraded, downgraded to base, released: " + column(basedir, "select concat(direction, ' ', success) from retort_history order by id"))
    def log = buildLog(basedir)
    check(log.contains("Upgraded 1 revision"), "upgrade must print its summary")
    check(log.contains("base"), "the downgrade names base")
    def report = new File(basedir, "target/migrations/release.json").text
    check(report.contains('"outcome":"upgraded"') && report.contains('"after":["' + revision + '"]'), "the report of the release: " + report)
    check(!log.contains("PostgreSQL") && !log.contains("pg_advisory"), "nothing in the build speaks of PostgreSQL")
} finally {
    dropDatabase(basedir)
}
