import static dev.retort.testing.InvokerSupport.*

try {
    def log = buildLog(basedir)
    check(log.contains("[WARNING] LINT error not-null-without-default"), "generate must print the hazard")
    check(log.contains("Safe: Add it with a default"), "generate must print the safe alternative")
    def files = new File(basedir, "src/main/java/db/migrations").listFiles().sort { it.lastModified() }
    check(files[1].text.contains("// LINT not-null-without-default (error)"), "the hazard must be written above the operation")
    check(log.contains("Verified 2 revision(s)"), "verify must step through both revisions")
    check(log.contains("migrations:lint found 1 error(s), the first: error not-null-without-default"), "lint must fail on the error")
} finally {
    dropDatabase(basedir)
}
