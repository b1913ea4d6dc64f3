import static dev.retort.testing.InvokerSupport.*

// Keep the first file aside and generate again, now against the live (empty, so at head) database.
def dir = new File(basedir, "src/main/java/db/migrations")
def aside = new File(basedir, "with-dev-database")
aside.mkdirs()
dir.listFiles().each { it.renameTo(new File(aside, it.name)) }
property(context.userProperties, "migrations.url", database(basedir).jdbcUrl())
true
