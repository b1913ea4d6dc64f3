dev.retort.testing.InvokerSupport.createDatabase(basedir, context.userProperties)
dev.retort.testing.InvokerSupport.copySources(basedir, customerMigrations)
