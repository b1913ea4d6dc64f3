import static dev.retort.testing.InvokerSupport.*

try {
    def log = buildLog(basedir)
    check(log.contains("The project's classes are not compiled"), "a missing compile must be named")
    check(log.contains("Cannot connect to the database: "), "an unreachable host must be named")
    check(log.contains("no_such_role_here"), "an unknown user must be named")
    check(log.contains("No revision matches 'zzz'"), "an unknown target must be named")
    check(log.contains("Revision prefix 'aa' is ambiguous: it matches aaa111111111, aab222222222."), "an ambiguous prefix must list the candidates")
    check(!log.contains("hunter2"), "a password must never be printed")
    def timeout = log.readLines().find { it.contains("migrations.lockTimeout is 'soon'") }
    check(timeout != null, "a bad setting must be named as Maven users set it")
    check(timeout.count("'soon'") == 1 && !log.contains("retort.lockTimeout"), "a bad setting is said once, never in core's words: " + timeout)
    check(log.count("verify runs every revision up and down on a throwaway database") == 1 && !log.contains("retort.devDatabase"),
            "verify without a dev database says so once, in Maven's words")
    check(log.contains("set migrations.devDatabase to embedded, docker, or the JDBC URL of a scratch server"), "and says what to set")
    // From build 3 on a password arrives as -Dmigrations.password: each such Maven run warns once, not once per goal.
    def warning = "The database password was given as the migrations.password parameter, which Maven prints with -X"
    def runs = log.split(/\[INFO\] BUILD (SUCCESS|FAILURE)/).collect { it.count(warning) }
    check(runs.any { it == 1 } && runs.every { it <= 1 }, "a password given as a parameter must be warned about once per run: " + runs)
    check(log.contains("use serverId (settings.xml, encryptable), DATABASE_URL, RETORT_PASSWORD or RETORT_PASSWORD_FILE"),
            "the warning must name the safe ways")
    check(column(basedir, "select to_regclass('retort_version')::text") == [null], "nothing may be applied")
    check(column(basedir, "select count(*) from pg_tables where tablename in ('a', 'b')") == ["0"], "nothing may be applied")
} finally {
    dropDatabase(basedir)
}
