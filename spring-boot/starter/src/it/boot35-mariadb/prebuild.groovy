// A fresh MariaDB database for the sample application (MariaDB 10.11 on 127.0.0.1:3306, or RETORT_TEST_MARIADB_URL).
dev.retort.testing.InvokerSupport.createDatabase(basedir, context.userProperties, "mariadb")
