import static dev.retort.testing.InvokerSupport.*

createDatabase(basedir, context.userProperties)
// The configured database is unreachable: the dev database must be all generate needs.
property(context.userProperties, "migrations.url", "postgresql://app:secret@127.0.0.1:1/unreachable")
