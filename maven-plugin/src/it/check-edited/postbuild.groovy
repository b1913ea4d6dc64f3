import static dev.retort.testing.InvokerSupport.*

try {
    def log = buildLog(basedir)
    check(log.contains("migration a10000000001 (db.migrations.M1_CreateA) was edited after it was applied"), "check must name the edited migration")
} finally {
    dropDatabase(basedir)
}
