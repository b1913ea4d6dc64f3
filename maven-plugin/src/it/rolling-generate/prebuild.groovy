dev.retort.testing.InvokerSupport.createDatabase(basedir, context.userProperties)
