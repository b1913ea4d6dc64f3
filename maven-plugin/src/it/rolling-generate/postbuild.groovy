import static dev.retort.testing.InvokerSupport.*

try {
    def files = new File(basedir, "src/main/java/db/migrations").listFiles().sort { it.name }
    check(files.length == 5, "the first revision, then expand, backfill, contract and its NOT NULL must be generated, found " + files.length)
    def byMessage = { m -> files.find { it.text.contains('message = "' + m + '"') } }
    def expand = byMessage("full-name (expand)")
    def backfill = byMessage("full-name (backfill)")
    def contract = byMessage("full-name (contract)")
    def notNull = byMessage("full-name (contract, NOT NULL)")
    check(expand != null && backfill != null && contract != null && notNull != null, "expand, backfill and contract revisions: " + files*.name)
    def expandId = (expand.text =~ /id = "([0-9a-f]{12})"/)[0][1]
    def contractId = (contract.text =~ /id = "([0-9a-f]{12})"/)[0][1]
    def notNullId = (notNull.text =~ /id = "([0-9a-f]{12})"/)[0][1]
    check(expand.text.contains("phase = Revision.Phase.EXPAND"), "the expand is marked")
    check(backfill.text.contains("op.backfill(Backfill.of(\"author\")"), "the backfill revision backfills")
    check(contract.text.contains("phase = Revision.Phase.CONTRACT") && contract.text.contains('expand = "' + expandId + '"'), "the contract is marked and names its expand")
    def log = new File(basedir, "build.log").text
    check(log.contains("held for the next deploy"), "the first release after generate holds the contract")
    check(log.contains("No changes detected"), "generate with -Dmigrations.rolling=false and -Dmigrations.safe=true runs in place and finds nothing")
    check(notNull.text.contains("transactional = false") && notNull.text.contains('expand = "' + expandId + '"')
            && notNull.text.contains("op.validateConstraint("), "NOT NULL follows the contract through a validated check")
    check(column(basedir, "select version_num from retort_version") == [notNullId], "the second release applies the contract and its NOT NULL")
    check(column(basedir, "select is_nullable from information_schema.columns where table_name = 'author' and column_name = 'full_name'") == ["NO"], "full_name is NOT NULL")
    check(column(basedir, "select column_name from information_schema.columns where table_name = 'author' order by column_name") == ["full_name", "id"], "name is gone, full_name stays")
    check(column(basedir, "select outcome from retort_deploys order by started_at") == ["upgraded", "upgraded", "upgraded"], "three deploys recorded")
} finally {
    dropDatabase(basedir)
}
