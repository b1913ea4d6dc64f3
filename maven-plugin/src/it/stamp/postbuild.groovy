import static dev.retort.testing.InvokerSupport.*

try {
    check(column(basedir, "select version_num from retort_version") == ["a10000000001"], "stamp must write the head")
    check(column(basedir, "select direction from retort_history") == ["stamp"], "only the stamp is recorded")
    def log = buildLog(basedir)
    check(log.contains("Nothing to do: the database is already at a10000000001."), "upgrade must have nothing to do")
    check((log =~ /\[INFO\] stamp base -> a10000000001 \(\d+ ms\)/).find(), "the stamp's line names the stamp once")
} finally {
    dropDatabase(basedir)
}
