import static dev.retort.testing.InvokerSupport.*

try {
    def log = buildLog(basedir)
    check(log.contains("g00000000003 (pending), right") && log.contains("l00000000002 (pending), left"), "heads must list both branches")
    check(log.contains("Target 'head' is ambiguous: there are 2 heads (l00000000002, g00000000003)") || log.contains("Target 'head' is ambiguous: there are 2 heads (g00000000003, l00000000002)"), "upgrade to head must fail clearly")
    def merge = new File(basedir, "src/main/java/db/migrations").listFiles().find { it.name.contains("JoinBranches") }
    check(merge != null, "merge must write a revision")
    def mergeId = (merge.text =~ /id = "([0-9a-f]{12})"/)[0][1]
    check(column(basedir, "select version_num from retort_version") == [mergeId], "the database must end at the merge revision")
} finally {
    dropDatabase(basedir)
}
