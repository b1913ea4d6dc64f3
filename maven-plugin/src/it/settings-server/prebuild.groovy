import static dev.retort.testing.InvokerSupport.*

createDatabase(basedir, context.userProperties)
// Only the URL on the command line: the user and password come from the <server> in settings.xml.
def role = secretOwner(basedir, context.userProperties)
addServerToSettings(basedir, "retort-it", role, SECRET)
