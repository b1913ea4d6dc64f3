import static dev.retort.testing.InvokerSupport.*

try {
    def generated = new File(basedir, "src/main/java/db/migrations").listFiles()
    check(generated != null && generated.length == 1, "one migration file must be generated")
    check(column(basedir, "select to_regclass('author')::text") == ["author"], "table author must exist")
    check(column(basedir, "select count(*) from retort_version") == ["1"], "retort_version must hold the head")
    def log = buildLog(basedir)
    check(log.contains("create table public.author"), "generate must list the change")
    check(log.contains("Upgraded 1 revision"), "upgrade must print its summary")
    check(log.contains("Review it and compile; then migrations:upgrade applies it to the database it was compared with."),
            "generate must say what to do with a revision pending on the database it compared with")
    check(log.contains("The project has no Hibernate ORM on its class path; reading the entities with Retort's own Hibernate ORM "),
            "a project without Hibernate is read with the plugin's own, and generate says so")
} finally {
    dropDatabase(basedir)
}
