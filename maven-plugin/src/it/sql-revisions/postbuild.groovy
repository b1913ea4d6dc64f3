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

    // The repeatable: in the script and the first upgrade after every versioned revision, with its placeholder, and not again.
    check(script.indexOf("create or replace view a_view as select id, 'first'::text as label from a") > script.indexOf("'c30000000003'"),
            "the script applies the repeatable after the revisions, its placeholder replaced:\n" + script)
    check(column(basedir, "select revision || ' ' || direction from retort_history where direction in ('up', 'repeat') order by id").take(4)
            == ["a10000000001 up", "b20000000002 up", "c30000000003 up", "a_view repeat"], "the repeatable ran after the revisions")
    check(column(basedir, "select count(*)::text from retort_history where revision = 'a_view'") == ["1"],
            "an unchanged repeatable does not run again")
    check(column(basedir, "select pg_get_viewdef('a_view')").get(0).contains("'first'::text"), "the view was made with the placeholder's value")
    check((log =~ /a_view\s+applied\s+\d{4}-/).find(), "history lists the repeatable as applied")
    // afterRun.sql ran after each of the three runs (upgrade, downgrade, upgrade), and after none of the refused goals.
    check(column(basedir, "select count(*)::text from run_log") == ["3"], "afterRun ran once per run")
    check(log.contains("Ran the afterRun callback db/migrations/afterRun.sql"), "the run says it ran the callback")
    check(log.contains("db/migrations/R__a_view.sql uses the placeholder \${label}, which has no value: set it with migrations.placeholders "
            + "(label=<value>)"), "a placeholder without a value is named, with the Maven parameter that sets it")
    check(log.contains("set migrations.cleanEnabled to yes to allow it on this development or test database. Nothing was changed."),
            "clean is refused unless enabled")
    check(log.contains("clean never runs in production, whatever is confirmed. Nothing was changed."), "clean is refused in production")
} finally {
    dropDatabase(basedir)
}
