import static dev.retort.testing.InvokerSupport.*

property(context.userProperties, "migrations.url", database(basedir).jdbcUrl())
property(context.userProperties, "migrations.user", "no_such_role_here")
property(context.userProperties, "migrations.password", "hunter2")
