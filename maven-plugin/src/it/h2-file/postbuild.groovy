import static dev.retort.testing.InvokerSupport.*

def generated = new File(basedir, "src/main/java/db/migrations").listFiles()
check(generated != null && generated.length == 1, "one migration file must be generated")
def log = buildLog(basedir)
check(log.contains("Upgraded 1 revision"), "upgrade must print its summary")
def props = new Properties()
props.setProperty("user", "sa")
props.setProperty("password", "")
def c = new org.h2.Driver().connect("jdbc:h2:file:" + new File(basedir, "target/db/app").absolutePath, props)
try {
    def rs = c.createStatement().executeQuery("select count(*) from information_schema.tables where table_name in ('AUTHOR', 'RETORT_VERSION')")
    rs.next()
    check(rs.getInt(1) == 2, "the file holds table author (AUTHOR, as Hibernate looks for it on H2) and Retort's version table")
} finally {
    c.close()
}
