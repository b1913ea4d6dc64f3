import static dev.retort.testing.InvokerSupport.*

try {
    def normalise = { String text -> text.replaceAll(/[0-9a-f]{12}/, "ID").replaceAll(/created = "[^"]*"/, "created") }
    def dev = new File(basedir, "with-dev-database").listFiles()
    def live = new File(basedir, "src/main/java/db/migrations").listFiles()
    check(dev.length == 1 && live.length == 1, "each generate must write one file")
    check(normalise(dev[0].text) == normalise(live[0].text), "the dev-database migration must equal the live one:\n" + dev[0].text + "\n---\n" + live[0].text)
    def log = buildLog(basedir)
    check((log =~ /Started dev database \S+ \(\S+\) in \d+\.\d s\./).find(), "the container start-up time must be printed")
    check(log.contains("Removed the dev database container."), "the container must be removed")
    check(!log.contains("secret"), "no password may be printed")
    check(log.contains("The dev database image 127.0.0.1:1/retort/missing:1 is not on this machine, and it cannot be pulled from 127.0.0.1:1: "),
            "an image that cannot be had is named with the daemon's answer")
    check(log.contains("Set migrations.devImage to an image this machine has (docker images), or set migrations.devDatabase to embedded"),
            "and the failure says what to set instead")
    check(!log.contains("Error during callback"), "a failed pull is not logged with a stack trace")
    check(column(basedir, "select to_regclass('retort_version')::text") == [null], "generate must not touch the configured database")
} finally {
    dropDatabase(basedir)
}
