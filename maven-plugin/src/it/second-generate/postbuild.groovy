import static dev.retort.testing.InvokerSupport.*

try {
    def files = new File(basedir, "src/main/java/db/migrations").listFiles().sort { it.lastModified() }
    check(files.length == 2, "two migrations must be generated, found " + files.length)
    def first = (files[0].text =~ /id = "([0-9a-f]{12})"/)[0][1]
    def second = (files[1].text =~ /id = "([0-9a-f]{12})"/)[0][1]
    check(files[1].text.contains('parents = "' + first + '"'), "the second revision's parent must be the first")
    check(files[1].text.contains('op.addColumn("author", column("email", varchar(320)))'), "the second revision adds the column")
    check(column(basedir, "select version_num from retort_version") == [second], "the database must be at the second revision")
    check(column(basedir, "select column_name from information_schema.columns where table_name = 'author' and column_name = 'email'") == ["email"], "email must exist")
} finally {
    dropDatabase(basedir)
}
