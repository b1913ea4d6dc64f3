package dev.retort.internal.rolling;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.retort.RetortException;
import dev.retort.internal.Messages;
import dev.retort.operation.Types;
import dev.retort.platform.SqlDialect;

/**
 * Retort's tables for rolling deploys, beside the version and history tables: {@code retort_deploys} (one row per
 * release: the artifact's head and version, when, the outcome, what it applied and held back) and
 * {@code retort_instances} (one row per running instance: the head it was built with, refreshed while it runs). Plain
 * SQL every supported database runs; created when first written.
 */
public final class RollingTables {

    private final DataSource dataSource;
    private final String deploys;
    private final String instances;
    private final String timestamp;

    /** The tables in {@code schema} (null or empty: the connection's), named as {@code dialect} quotes. */
    public RollingTables(DataSource dataSource, SqlDialect dialect, String schema) {
        this.dataSource = dataSource;
        this.deploys = dialect.qualified(schema, "retort_deploys");
        this.instances = dialect.qualified(schema, "retort_instances");
        // The platform's timestamp of microseconds, so deploys within one second keep their order: a plain TIMESTAMP is
        // whole seconds on some databases, converted by the session's time zone and, on older servers, set anew by updates.
        this.timestamp = dialect.typeName(Types.timestamp(6));
    }

    /** The deploys table's qualified name. */
    public String deploys() {
        return deploys;
    }

    /** The instances table's qualified name. */
    public String instances() {
        return instances;
    }

    /** Work on a connection of its own, auto-committing; {@code what} names it in an error. */
    <T> T on(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            create(c);
            return work.run(c);
        } catch (SQLException e) {
            throw new RetortException("Cannot " + what + " (" + deploys + ", " + instances + "): "
                    + Messages.oneLine(String.valueOf(e.getMessage())) + ".", e);
        }
    }

    private void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + deploys + " (id VARCHAR(36) NOT NULL PRIMARY KEY, head VARCHAR(1000) NOT NULL, "
                    + "version VARCHAR(200), environment VARCHAR(100), started_at " + timestamp + " NOT NULL, finished_at " + timestamp
                    + " NOT NULL, outcome VARCHAR(20) NOT NULL, applied VARCHAR(4000) NOT NULL, held VARCHAR(4000) NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS " + instances + " (id VARCHAR(36) NOT NULL PRIMARY KEY, head VARCHAR(1000) NOT NULL, "
                    + "version VARCHAR(200), host VARCHAR(200), started_at " + timestamp + " NOT NULL, seen_at " + timestamp + " NOT NULL, "
                    + "ttl_seconds INTEGER NOT NULL)");
        }
    }

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
