import static dev.retort.testing.InvokerSupport.*

// verify runs on a scratch server: a fresh database on the same server, dropped afterwards.
def db = database(basedir)
def scratch = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user() + (db.password() ? "&password=" + db.password() : "")
property(context.userProperties, "migrations.devDatabase", scratch)
true
