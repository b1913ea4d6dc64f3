import static dev.retort.testing.InvokerSupport.*

try {
    def log = buildLog(basedir)
    for (tenant in ["acme", "globex"]) {
        check(column(basedir, "select version_num from ${tenant}.retort_version") == ["b00700000002"], "$tenant is at head")
        check(column(basedir, "select count(*) from ${tenant}.retort_history where direction = 'up' and success") == ["2"],
                "each revision once in $tenant")
        check(column(basedir, "select count(*) from information_schema.tables where table_schema = '${tenant}' and table_name = 'customer'") == ["1"],
                "the migrations ran in $tenant's schema")
    }
    check(column(basedir, "select count(*) from information_schema.tables where table_name = 'retort_version' and table_schema = 'public'") == ["0"],
            "the default schema is no tenant")
    check(log.contains("upgrade over 2 target(s)") && log.contains("2 migrated."), "the upgrade's summary")
    check((log =~ /initech +base +b00700000002 .* behind/).find(), "current shows the tenant that is behind")
    check(log.contains("status over 3 target(s)") && log.contains("2 at head, 1 behind."), "the status summary")
    check(log.contains("migrations:downgrade does not run over a fleet"), "downgrade refuses a fleet")
} finally {
    dropDatabase(basedir)
}
