package dev.retort.internal.fleet;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * One target's view of the fleet's pool: connections to its database, switched to its schema when it is a schema on the
 * fleet's database.
 */
final class PooledDataSource implements DataSource {

    private final ConnectionPool pool;
    private final String key;
    private final ConnectionPool.Opener opener;
    private final String schema;
    /** The schema's name as SQL writes it: whether it is quoted decides whether the database folded it when creating it. */
    private final String identifier;
    /** How to create the schema where switching to one that does not exist fails, for a run that writes; null otherwise. */
    private final String createSchema;

    /**
     * @param schema       the schema to switch each connection to, or null to leave it as opened
     * @param identifier   the schema's name as the platform writes it in SQL (quoted or not), or null
     * @param createSchema the statement that creates the schema when switching to it fails because it does not exist yet
     *                     (a database that is a schema cannot be switched to before it exists), or null
     */
    PooledDataSource(ConnectionPool pool, String key, ConnectionPool.Opener opener, String schema, String identifier, String createSchema) {
        this.pool = pool;
        this.key = key;
        this.opener = opener;
        this.schema = schema;
        this.identifier = identifier;
        this.createSchema = createSchema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = pool.borrow(key, opener);
        if (schema != null) {
            try {
                try {
                    useSchema(c, stored(c));
                } catch (SQLException e) {
                    if (createSchema == null) {
                        throw e;
                    }
                    try (java.sql.Statement s = c.createStatement()) {
                        s.execute(createSchema);
                    }
                    useSchema(c, stored(c));
                }
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /**
     * The schema's name as the catalog stores it: JDBC's switch takes the stored name, and a database that folds unquoted
     * names (to upper case, as the SQL standard does) stored an unquoted one folded.
     */
    private String stored(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String quote = meta.getIdentifierQuoteString();
        if (identifier == null || (!quote.isBlank() && identifier.startsWith(quote.strip()))) {
            return schema;
        }
        if (meta.storesUpperCaseIdentifiers()) {
            return schema.toUpperCase(Locale.ROOT);
        }
        return meta.storesLowerCaseIdentifiers() ? schema.toLowerCase(Locale.ROOT) : schema;
    }

    /**
     * Makes unqualified names resolve to the schema: the connection's schema where the database has schemas, else its
     * catalog (where a database is a schema).
     */
    static void useSchema(Connection c, String schema) throws SQLException {
        c.setSchema(schema);
        if (c.getSchema() == null) {
            c.setCatalog(schema);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The fleet's connections carry their own credentials.");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the connections' own
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
