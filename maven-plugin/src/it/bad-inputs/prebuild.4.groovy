import static dev.retort.testing.InvokerSupport.*

property(context.userProperties, "migrations.user", database(basedir).user())
property(context.userProperties, "migrations.password", database(basedir).password())
