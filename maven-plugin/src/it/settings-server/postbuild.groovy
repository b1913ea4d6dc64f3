import static dev.retort.testing.InvokerSupport.*

try {
    check(column(basedir, "select version_num from retort_version") == ["a10000000001"], "upgrade must succeed with the server's credentials")
} finally {
    dropDatabase(basedir)
}
