import static dev.retort.testing.InvokerSupport.*

try {
    def log = buildLog(basedir)
    check(log.contains("entities differ from the migrations: add column public.author.email"), "check must name the difference")
    check(log.contains("migrations:check found 1 problem(s)"), "check must fail the build")
} finally {
    dropDatabase(basedir)
}
