import static dev.retort.testing.InvokerSupport.*

try {
    check(column(basedir, "select version_num from retort_version") == ["a10000000001"], "upgrade must succeed with the server's credentials")
    def log = buildLog(basedir)
    check(log.contains("[DEBUG]") && log.contains("(f) serverId = retort-it"), "the second build ran with -X")
    checkNoSecret(basedir)
} finally {
    dropDatabase(basedir)
}
