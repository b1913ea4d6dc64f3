import static dev.retort.testing.InvokerSupport.*

import java.util.jar.JarFile

try {
    def log = buildLog(basedir)
    check(log.contains("Release refused, nothing was changed: The database is a production database (migrations.environment is production, from explicit)"), "the refusal names the setting")
    check(log.contains("set migrations.confirm to yes to go ahead"), "the refusal says what to set")
    def report = new File(basedir, "target/migrations/release.json").text
    check(report.contains('"outcome":"upgraded"') && report.contains('"after":["b00700000002"]'), "the report of the confirmed release: " + report)
    check(column(basedir, "select version_num from retort_version") == ["b00700000002"], "released to head")
    check(column(basedir, "select count(*) from retort_history where direction = 'up' and success") == ["2"], "each revision applied once")
    check((log =~ /\[INFO\] up    base -> b00700000001/).count == 1 && !log.contains("applied b00700000001"),
            "the release prints each revision once")
    check((log =~ /\[INFO\] up    base -> b00700000001, .* \(\d+ ms\)/).find(), "a revision's line carries its time")

    def jar = new JarFile(new File(basedir, "target/release-goal-1.0.jar"))
    check(jar.getEntry("db/migrations/retort.revisions") != null, "the jar carries the revision index")
    check(jar.manifest.mainAttributes.getValue("Retort-Head") == "b00700000002", "the manifest records the head")
    check(log.contains("Deployable: the database is at the artifact's head b00700000002."), "check-deployable read the jar")
} finally {
    dropDatabase(basedir)
}
