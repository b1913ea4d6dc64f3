// A fresh MariaDB database (MariaDB 10.11 on 127.0.0.1:3306, or RETORT_TEST_MARIADB_URL), which postbuild.groovy hands to the jar.
dev.retort.testing.InvokerSupport.createDatabase(basedir, context.userProperties, "mariadb")
dev.retort.testing.InvokerSupport.copySources(basedir, customerMigrations)
