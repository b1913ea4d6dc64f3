dev.retort.testing.InvokerSupport.createDatabase(basedir, context.userProperties)
dev.retort.testing.Recipes.prepareBootApplication(basedir)
