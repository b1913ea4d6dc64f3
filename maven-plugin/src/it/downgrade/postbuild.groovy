import static dev.retort.testing.InvokerSupport.*

try {
    check(column(basedir, "select count(*) from retort_version") == ["0"], "base must empty the version table")
    check(column(basedir, "select count(*) from pg_tables where tablename in ('a', 'b')") == ["0"], "no table may be left")
    check(buildLog(basedir).contains("Downgraded 1 revision"), "downgrade prints its summary")
} finally {
    dropDatabase(basedir)
}
