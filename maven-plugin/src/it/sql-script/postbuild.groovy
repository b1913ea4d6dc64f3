import static dev.retort.testing.InvokerSupport.*

try {
    def script = new File(basedir, "target/migrations/upgrade.sql")
    check(script.isFile(), "the script must be written")
    check(script.text.contains("CREATE TABLE a (\n    id integer NOT NULL\n);"), "the script holds the migration's SQL")
    check(script.text.contains("INSERT INTO retort_version (version_num) VALUES ('a10000000001');"), "the script updates the version table")
    check(column(basedir, "select to_regclass('retort_version')::text") == [null], "nothing may be executed")
    check(column(basedir, "select to_regclass('a')::text") == [null], "nothing may be executed")

    def down = new File(basedir, "target/migrations/downgrade.sql")
    check(down.isFile(), "direction=down writes the downgrade script beside it")
    check(down.text.contains("DROP TABLE a;"), "the downgrade script holds the migration's downgrade:\n" + down.text)
    check(down.text.contains("DELETE FROM retort_version WHERE version_num IN ('a10000000001');"), "and takes the revision out of the version table:\n" + down.text)
    def log = buildLog(basedir)
    check(log.contains("Wrote the SQL of 1 revision(s) down to "), "the goal says what it wrote")
    check(!log.contains("127.0.0.1:1") && !log.contains("Cannot connect"), "with from given, the database is not connected to")
    check(!log.contains("secret"), "no password may be printed")
} finally {
    dropDatabase(basedir)
}
