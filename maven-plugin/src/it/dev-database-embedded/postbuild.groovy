import static dev.retort.testing.InvokerSupport.*

def written = new File(basedir, "src/main/java/db/migrations").listFiles()
check(written != null && written.length == 1, "generate must write one migration")
check(written[0].text.contains('op.createTable("author"'), "the migration creates the entity's table:\n" + written[0].text)
def log = buildLog(basedir)
check((log =~ /Started embedded dev database \(PostgreSQL 17\.\d+\) in \d+\.\d s\./).find(), "the embedded database's start must be printed")
check(log.contains("Stopped the embedded dev database."), "the embedded database must be stopped")
check(log.contains("Migrations check passed"), "check passes once the migration exists")
check(log.contains("then migrations:upgrade builds a new database with it, and migrations:stamp -Dmigrations.target=head records it on "
        + "a database that already has this schema, running nothing."), "a first revision from a dev database names upgrade and stamp")
check(log.contains("entities differ from the migrations: add column public.author.phone"), "check names the entity's new column")
check(!log.contains("Database: "), "no database is configured, so none is named")
check(!log.contains("initdb completed"), "the embedded library's start-up chatter stays out of the build output")
def beforeFailure = log.substring(0, log.lastIndexOf("BUILD SUCCESS"))
check(!beforeFailure.contains("[ERROR]"), "the successful builds print no [ERROR] line")
// Maven 4's resolver warns when a repository serves no prefix file (.meta/prefixes.txt): its noise, not the build's.
def warnings = beforeFailure.readLines().findAll { it.contains("[WARNING]") && !it.contains("/.meta/prefixes.txt") }
check(warnings.isEmpty(), "nor a warning: " + warnings)
