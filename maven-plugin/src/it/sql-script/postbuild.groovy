import static dev.retort.testing.InvokerSupport.*

try {
    def script = new File(basedir, "target/migrations/upgrade.sql")
    check(script.isFile(), "the script must be written")
    check(script.text.contains("CREATE TABLE a (\n    id integer NOT NULL\n);"), "the script holds the migration's SQL")
    check(script.text.contains("INSERT INTO retort_version (version_num) VALUES ('a10000000001');"), "the script updates the version table")
    check(column(basedir, "select to_regclass('retort_version')::text") == [null], "nothing may be executed")
    check(column(basedir, "select to_regclass('a')::text") == [null], "nothing may be executed")
} finally {
    dropDatabase(basedir)
}
