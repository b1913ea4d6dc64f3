package dev.retort.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database server the tests of one platform get fresh databases from ({@link TestDatabases#server}): where it comes
 * from is the server's own business (a URL from the environment, a local server, a container, an embedded one).
 */
public interface DatabaseServer {

    /** The platform it serves, as Retort names it: {@code postgresql}, {@code mariadb}. */
    String platform();

    /** Where this server came from. */
    ServerSource source();

    /** Creates a fresh, empty database whose name starts with a sanitised form of {@code hint}. */
    TestDatabase createDatabase(String hint);

    /** Drops a database made by {@link #createDatabase}, ending any session still connected to it. */
    void dropDatabase(TestDatabase database);

    /** Opens a connection to one of its databases with these driver properties (user, password). */
    Connection open(String jdbcUrl, Properties properties) throws SQLException;

    /** Empties a database again: every object of the tests' own gone, as {@link #createDatabase} left it. */
    void reset(TestDatabase database);

    /** Whether a table of that name exists in the database's default schema. */
    boolean tableExists(TestDatabase database, String table);

    /** A data source for one of its databases, from the driver's own data source class, as an application has one. */
    javax.sql.DataSource dataSource(TestDatabase database);
}
