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
    def scripts = new File(basedir, "target/fleet-sql")
    check(new File(scripts, "acme.sql").text.contains("-- retort sql: acme, at head b00700000002: nothing to do"), "acme's script: at head")
    def initech = new File(scripts, "initech.sql").text
    check(initech.startsWith("-- retort sql: initech, from base to b00700000002 (2 revision(s))") && initech.contains("customer"),
            "initech's script builds it from base: " + initech)
    check(log.contains("Wrote 3 script(s) to"), "sql says where the scripts are")
    check(column(basedir, "select count(*) from information_schema.schemata where schema_name = 'initech'") == ["0"], "sql executed nothing")
    check(log.contains("lint over 3 target(s)") && log.contains("2 at head, 1 linted."), "the lint summary")
    check((log =~ /initech +base +b00700000002 .* linted \(2\) +0 error\(s\)/).find(), "lint's row for initech, with its findings")
    check(log.contains("migrations:downgrade does not run over a fleet"), "downgrade refuses a fleet")
} finally {
    dropDatabase(basedir)
}
