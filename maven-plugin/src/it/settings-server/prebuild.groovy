import static dev.retort.testing.InvokerSupport.*

createDatabase(basedir, context.userProperties)
// Only the URL on the command line: user and password come from the <server> in settings.xml.
property(context.userProperties, "migrations.user", null)
property(context.userProperties, "migrations.password", null)
addServerToSettings(basedir, "retort-it")
