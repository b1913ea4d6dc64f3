import static dev.retort.testing.InvokerSupport.*

try {
    def script = new File(basedir, "target/migrations/upgrade.sql").text
    check(script.contains("create function b_note() returns trigger language plpgsql as \$\$\nbegin\n"),
            "the script holds the SQL revision's function, dollar quotes and all:\n" + script)
    check(script.contains("'b20000000002'") && script.contains("'c30000000003'"), "the script moves the version through the SQL revision")
    check(column(basedir, "select version_num from retort_version") == ["c30000000003"], "upgraded to the Java revision after the SQL one")
    check(column(basedir, "select revision || ' ' || direction from retort_history where revision = 'b20000000002' order by id")
            == ["b20000000002 up", "b20000000002 down", "b20000000002 up"], "the SQL revision went up, down (with the Java one after it) and up again")
    execute(basedir, "insert into b (id) values (1)")
    check(column(basedir, "select note from b") == ["set by the trigger; not by the insert"], "the SQL revision's trigger is in place")
    def log = buildLog(basedir)
    check(log.contains("create b with its trigger"), "history and show print the SQL revision's message")
    check(log.contains("db/migrations/0002_b.sql"), "show names the file")
} finally {
    dropDatabase(basedir)
}
