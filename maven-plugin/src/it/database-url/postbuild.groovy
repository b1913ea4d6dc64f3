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
    def password = url.replaceAll(/^postgresql:\/\/[^:@]*:?([^@]*)@.*$/, '$1')
    check(!log.contains(url) && (password.isEmpty() || !log.contains(":" + password + "@")), "the URL's password must not be printed")
} finally {
    PostgresServer.forIntegrationTests().dropDatabase(db)
}
