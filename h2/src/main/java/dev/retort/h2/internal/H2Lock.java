package dev.retort.h2.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.MigrationLock;

/**
 * H2 has no advisory lock, and a row lock would not do: every DDL statement commits the transaction that holds it. So
 * the lock is a row of its own table ({@code retort_lock}, beside the version table, one row per version table) naming
 * the session that holds it: its {@code SESSION_ID()} and the moment that session started. A run takes the row when it
 * is free or when its holder's session no longer exists in {@code INFORMATION_SCHEMA.SESSIONS} (the holder's connection
 * closed or died, or its process ended and the database was opened again), in a short transaction of its own, and
 * frees it when done. So a crashed run leaves no lock behind, and two runs on one database wait for each other.
 *
 * <p>Only an admin sees the other sessions; a run as another user never takes over a row it cannot see is stale, and the
 * error says how to free it.
 */
final class H2Lock implements MigrationLock {

    /** The lock table's comment, by which the catalog reader leaves it out of comparisons and {@code clean}. */
    static final String MARKER = "Retort migration lock";

    private static final String SESSION_START = "(SELECT SESSION_START FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID())";

    /** The lock table for a version table (as written in SQL): {@code retort_lock} in its schema. */
    static String lockTable(String versionTable) {
        List<String> parts = H2VersionTables.unquote(versionTable);
        return parts.size() > 1 ? H2Names.identifier(H2Names.model(parts.get(0))) + ".retort_lock" : "retort_lock";
    }

    @Override
    public Held acquire(Connection connection, String name, Duration timeout, MigrationListener listener) throws SQLException {
        String table = lockTable(name);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try {
            prepare(connection, table, name);
            boolean admin = admin(connection);
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            boolean told = false;
            while (true) {
                if (take(connection, table, name, admin)) {
                    Held held = new Lock(connection, table, name);
                    try {
                        listener.lockAcquired(Duration.ofNanos(System.nanoTime() - start));
                    } catch (RuntimeException e) {
                        held.close();
                        throw e;
                    }
                    return held;
                }
                if (!told) {
                    listener.lockWaiting(timeout);
                    told = true;
                }
                if (System.nanoTime() >= deadline) {
                    throw new RetortException("Another migration run holds Retort's lock on this database (" + holder(connection, table, name)
                            + "); gave up after " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + "s")
                            + ". Wait for it to finish, or raise the lock timeout" + (admin ? "." : "; if that run is gone, connect as an admin "
                            + "(who sees that its session ended), or free the lock: UPDATE " + table + " SET holder_session = NULL."));
                }
                try {
                    Thread.sleep(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RetortException("Interrupted while waiting for Retort's lock on this database.");
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Creates the lock table (DDL only the first time: it would wait for runs using the table) and the version table's row where missing. */
    private static void prepare(Connection connection, String table, String name) throws SQLException {
        List<String> parts = H2VersionTables.unquote(table);
        boolean exists;
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = "
                + (parts.size() > 1 ? "?" : "CURRENT_SCHEMA") + " AND TABLE_NAME = 'RETORT_LOCK' AND REMARKS = '" + MARKER + "'")) {
            if (parts.size() > 1) {
                s.setString(1, parts.get(0));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                exists = rs.getInt(1) > 0;
            }
        }
        if (!exists) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + table + " (name varchar(512) NOT NULL PRIMARY KEY, holder_session integer, "
                        + "holder_start timestamp(9) with time zone, holder_user varchar(256), taken_at timestamp(3) with time zone)");
                s.execute("COMMENT ON TABLE " + table + " IS '" + MARKER + "'");
            }
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + table + " (name) SELECT CAST(? AS varchar(512)) WHERE NOT EXISTS "
                + "(SELECT 1 FROM " + table + " WHERE name = ?)")) {
            s.setString(1, name);
            s.setString(2, name);
            s.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // another run inserted it meanwhile
                throw e;
            }
        }
    }

    private static boolean admin(Connection connection) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Takes the row in a transaction of its own, when free or held by a session that no longer exists; true when taken. */
    private static boolean take(Connection connection, String table, String name, boolean admin) throws SQLException {
        String stale = admin ? " OR NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.SESSIONS s WHERE s.SESSION_ID = holder_session "
                + "AND s.SESSION_START = holder_start)" : "";
        connection.setAutoCommit(false);
        try {
            int taken;
            try (PreparedStatement s = connection.prepareStatement("UPDATE " + table + " SET holder_session = SESSION_ID(), holder_start = "
                    + SESSION_START + ", holder_user = CURRENT_USER, taken_at = CURRENT_TIMESTAMP WHERE name = ? AND (holder_session IS NULL"
                    + stale + ")")) {
                s.setString(1, name);
                taken = s.executeUpdate();
            }
            connection.commit();
            if (taken == 0) {
                return false;
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE name = ? AND holder_session = "
                    + "SESSION_ID() AND holder_start = " + SESSION_START)) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == 1;
                }
            }
        } catch (SQLException e) {
            connection.rollback();
            if ("HYT00".equals(e.getSQLState()) || e.getErrorCode() == 50200 || e.getErrorCode() == 90131) {
                return false; // another run is taking the row right now
            }
            throw e;
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static String holder(Connection connection, String table, String name) {
        try (PreparedStatement s = connection.prepareStatement("SELECT holder_session, holder_user, taken_at FROM " + table + " WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    return "the row '" + name + "' of " + table + ", held by session " + rs.getInt(1) + " of " + rs.getString(2) + " since "
                            + rs.getString(3);
                }
            }
        } catch (SQLException ignored) {
            // naming the holder is a courtesy; the time-out message stands without it
        }
        return "the row '" + name + "' of " + table;
    }

    private static final class Lock implements Held {
        private final Connection connection;
        private final String table;
        private final String name;

        Lock(Connection connection, String table, String name) {
            this.connection = connection;
            this.table = table;
            this.name = name;
        }

        /** Frees the row, in a transaction of its own; a connection that cannot is aborted, which ends its session and so the lock. */
        @Override
        public void close() throws SQLException {
            try {
                boolean autoCommit = connection.getAutoCommit();
                if (!autoCommit) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
                try (PreparedStatement s = connection.prepareStatement("UPDATE " + table + " SET holder_session = NULL, holder_start = NULL, "
                        + "holder_user = NULL, taken_at = NULL WHERE name = ? AND holder_session = SESSION_ID()")) {
                    s.setString(1, name);
                    s.executeUpdate();
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                if ("42S02".equals(e.getSQLState())) {
                    return; // the lock table was dropped with everything else
                }
                connection.abort(Runnable::run);
                throw e;
            }
        }
    }
}
