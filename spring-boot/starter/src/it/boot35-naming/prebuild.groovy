dev.retort.testing.InvokerSupport.createDatabase(basedir, context.userProperties)
dev.retort.spring.boot.it.NamingApp.prepare(basedir, namingApp)
