import static dev.retort.testing.InvokerSupport.*

// The project's database and a twin that stays as Flyway leaves it; the role the afterMigrate callback grants to.
createDatabases(basedir, context.userProperties, ["from_flyway", "from_flyway_twin"])
def db = database(basedir, "from_flyway")
context.userProperties.put("it.app.url", db.jdbcUrl())
context.userProperties.put("it.twin.url", database(basedir, "from_flyway_twin").jdbcUrl())
db.execute("do \$\$ begin create role it_from_flyway_reader; exception when duplicate_object then null; end \$\$")
