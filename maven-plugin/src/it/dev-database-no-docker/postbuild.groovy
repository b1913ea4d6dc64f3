import static dev.retort.testing.InvokerSupport.*

try {
    def log = buildLog(basedir)
    check(log.contains("migrations.devDatabase=docker needs Docker, which is not available here (DOCKER_HOST=unix:///nonexistent/docker.sock names no socket); start Docker, or set migrations.devDatabase to embedded (no Docker needed) or to the JDBC URL of a scratch PostgreSQL server."), "the error must say how to provide a dev database")
    check(!(log =~ /\n\s+at dev\.retort\./).find(), "no stack trace may be printed")
    check(!new File(basedir, "src/main/java/db/migrations").exists(), "no migration may be written")
    check(column(basedir, "select to_regclass('retort_version')::text") == [null], "nothing may be applied")
} finally {
    dropDatabase(basedir)
}
