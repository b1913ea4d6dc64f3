dev.retort.testing.InvokerSupport.createDatabase(basedir, context.userProperties)
dev.retort.testing.InvokerSupport.execute(basedir, "create table a (id integer not null)")
