package dev.retort.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A fresh database created for one test class (or one platform's run of a suite) and dropped after it; on any platform
 * test-support serves ({@link TestDatabases}), which it tells from its URL.
 *
 * @param name     the database's name
 * @param jdbcUrl  a JDBC URL that connects to it
 * @param user     the user to connect as
 * @param password the password, possibly empty
 * @param source   where the server came from
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password, ServerSource source) implements AutoCloseable {

    /** The platform it runs on, as Retort names it: {@code postgresql}, {@code mariadb}. */
    public String platform() {
        return TestDatabases.platformOf(jdbcUrl);
    }

    private DatabaseServer server() {
        return TestDatabases.server(platform());
    }

    /** Opens a new connection (auto-commit on); the caller closes it. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        return server().open(jdbcUrl, props);
    }

    /**
     * A DataSource for this database, as an application hands its pool to Hibernate: given one, Hibernate does not
     * fall back to its built-in pool and warn that it is not for production.
     */
    public javax.sql.DataSource dataSource() {
        return server().dataSource(this);
    }

    /** Runs one statement on a fresh connection. */
    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Returns the first column of every row of a query, as strings (null stays null). */
    public List<String> column(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Test query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Returns the single value of a query, or null when it returns no row. */
    public String value(String sql) {
        List<String> rows = column(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Whether a table of that name exists in the database's default schema. */
    public boolean tableExists(String table) {
        return server().tableExists(this, table);
    }

    /** Empties the database again (every schema and object of the tests' own dropped), so a test starts afresh. */
    public void reset() {
        server().reset(this);
    }

    /** The database as it may be printed: its name, URL and user, never the password. */
    @Override
    public String toString() {
        return name + " (" + jdbcUrl.replaceAll("(?i)password=[^&;]*", "password=***") + " as " + user + ", " + source + ")";
    }

    /** Drops the database: what JUnit does with the databases a suite parameterised by platform was given. */
    @Override
    public void close() {
        server().dropDatabase(this);
    }
}
