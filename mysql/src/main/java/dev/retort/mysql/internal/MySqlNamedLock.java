package dev.retort.mysql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.MigrationLock;

/**
 * A named lock ({@code GET_LOCK}) held by the run's own connection: it survives the run's commits, and the server
 * releases it when the connection ends, so a killed run leaves no lock behind. Named after the database and the version
 * table, so databases on one server (and version tables in one database) migrate independently; at most 64 characters.
 */
final class MySqlNamedLock implements MigrationLock {

    /** The lock's name for a version table in the connection's database. */
    static String lockName(Connection connection, String versionTable) throws SQLException {
        String database;
        try (PreparedStatement s = connection.prepareStatement("SELECT DATABASE()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            database = rs.getString(1);
        }
        return lockName(database, versionTable);
    }

    static String lockName(String database, String versionTable) {
        String name = "retort:" + database + ":" + versionTable.replace("`", "");
        if (name.length() <= 64) {
            return name;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "retort:" + java.util.HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Takes the lock, waiting at most {@code timeout} (the server waits; Retort asks in short turns to tell the listener). */
    @Override
    public Held acquire(Connection connection, String name, Duration timeout, MigrationListener listener) throws SQLException {
        String lock = lockName(connection, name);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        boolean told = false;
        while (true) {
            long left = Math.max(0, deadline - System.nanoTime());
            // The first try does not wait, so the listener hears of a wait before it starts; later ones wait up to a second.
            double wait = told ? Math.min(1.0, left / 1e9) : 0;
            Integer got = tryLock(connection, lock, wait);
            if (got != null && got == 1) {
                Held held = new Lock(connection, lock);
                try {
                    listener.lockAcquired(Duration.ofNanos(System.nanoTime() - start));
                } catch (RuntimeException e) {
                    held.close();
                    throw e;
                }
                return held;
            }
            if (got == null) {
                throw new RetortException("The server refused Retort's lock " + lock + " (GET_LOCK returned NULL: the connection was "
                        + "killed, or the server ran out of memory); run again.");
            }
            if (!told) {
                listener.lockWaiting(timeout);
                told = true;
                continue;
            }
            if (System.nanoTime() >= deadline) {
                throw new RetortException("Another migration run holds Retort's lock on this database" + holder(connection, lock)
                        + "; gave up after " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + "s")
                        + ". Wait for it to finish, or raise the lock timeout.");
            }
        }
    }

    /** 1 when taken, 0 on a time-out, null on an error. */
    private static Integer tryLock(Connection connection, String lock, double seconds) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            s.setString(1, lock);
            s.setDouble(2, seconds);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                int value = rs.getInt(1);
                return rs.wasNull() ? null : value;
            }
        }
    }

    /** Who holds it: {@code IS_USED_LOCK} gives the holder's connection id, the process list its user and host where visible. */
    private static String holder(Connection connection, String lock) {
        String sql = "SELECT l.id, p.user, p.host FROM (SELECT IS_USED_LOCK(?) AS id) l "
                + "LEFT JOIN information_schema.processlist p ON p.id = l.id";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, lock);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    String user = rs.getString(2);
                    return " (GET_LOCK '" + lock + "', held by connection " + rs.getLong(1)
                            + (user == null ? "" : ", " + user + "@" + rs.getString(3)) + ")";
                }
            }
        } catch (SQLException ignored) {
            // naming the holder is a courtesy; the time-out message stands without it
        }
        return " (GET_LOCK '" + lock + "')";
    }

    private static final class Lock implements Held {
        private final Connection connection;
        private final String lock;

        Lock(Connection connection, String lock) {
            this.connection = connection;
            this.lock = lock;
        }

        /**
         * Releases the lock. A pooled connection keeps its session, so a lock left behind would block every later run:
         * failing to release it, the connection is aborted, which ends the session and the lock with it.
         */
        @Override
        public void close() throws SQLException {
            try (PreparedStatement s = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                s.setString(1, lock);
                s.execute();
            } catch (SQLException e) {
                connection.abort(Runnable::run);
                throw e;
            }
        }
    }
}
