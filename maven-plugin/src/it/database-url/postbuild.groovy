import dev.retort.testing.PostgresServer
import dev.retort.testing.TestDatabase

import static dev.retort.testing.InvokerSupport.*

// The database was made before the builds (see ItDatabaseUrl), not by a pre-build script.
def props = new Properties()
new File(basedir, "../../it-database-url.properties").withReader { props.load(it) }
def db = new TestDatabase(props["retort.it.databaseUrl.name"], props["retort.it.databaseUrl.jdbc"], "", "", PostgresServer.forIntegrationTests().source())
try {
    def log = buildLog(basedir)
    check(log.contains("Upgraded 1 revision"), "upgrade must run against DATABASE_URL")
    def url = props["retort.it.databaseUrl"]
    check(url.contains(URLEncoder.encode(SECRET, "UTF-8")), "the URL carries the password: " + url.replaceAll(/:[^:@]*@/, ":***@"))
    check(!log.contains(url), "the URL with its password must not be printed")
    check(log.contains("[DEBUG]"), "the second build ran with -X")
    checkNoSecret(basedir)
} finally {
    PostgresServer.forIntegrationTests().dropDatabase(db)
    PostgresServer.forIntegrationTests().dropRole(props["retort.it.databaseUrl.role"])
}
