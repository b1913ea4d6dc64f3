import static dev.retort.testing.InvokerSupport.*

try {
    def log = buildLog(basedir)
    check(log.contains("[WARNING] LINT error not-null-without-default"), "generate must print the hazard")
    check(log.contains("Safe: Add it with a default"), "generate must print the safe alternative")
    def files = new File(basedir, "src/main/java/db/migrations").listFiles().sort { it.lastModified() }
    check(files[1].text.contains("// LINT not-null-without-default (error)"), "the hazard must be written above the operation")
    check(log.contains("Verified 2 revision(s)"), "verify must step through both revisions")
    check(log.contains("migrations:lint found 1 error(s), the first: error not-null-without-default"), "lint must fail on the error")
    def second = files[1].name.replaceAll(/^M([0-9a-f]+)_.*/, '$1')
    def verdicts = log.readLines().findAll { it.startsWith("[WARNING] LINT error not-null-without-default (" + second + " upgrade #1: ALTER TABLE author ") }
    check(verdicts.size() == 2 && verdicts[0] == verdicts[1], "lint and release print the same finding, once each: " + verdicts)
    check(log.contains("Release refused, nothing was changed: 1 lint error(s) in the pending revisions, nothing applied: "
            + "not-null-without-default in " + second + " upgrade #1."), "release refuses on rows, naming the finding printed above")
    check(log.contains("Linted 1 revision(s) as one run (tables the run creates hold no rows and serve no running code): 1 error(s)"),
            "lint says how it judged the run")
    check(log.contains("Release succeeded: applied 2 revisions"), "release builds the fresh database, refusing nothing")
    check(column(basedir, "select count(*) from retort_version") == ["1"], "the fresh database is at head")
} finally {
    dropDatabase(basedir)
}
