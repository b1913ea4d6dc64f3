package dev.retort.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.retort.RetortException;

/**
 * A PostgreSQL session advisory lock held on the run's own connection, so it survives the
 * per-revision commits and is released even if the JVM dies (the session ends with it).
 */
final class AdvisoryLock implements AutoCloseable {

    private final Connection connection;
    private final long key;

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** Takes the lock, polling until {@code timeout}; a timeout is an error naming the backend that holds it. */
    static AdvisoryLock acquire(Connection connection, long key, Duration timeout, MigrationListener listener) throws SQLException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long pause = 20;
        boolean told = false;
        while (true) {
            if (tryLock(connection, key)) {
                AdvisoryLock lock = new AdvisoryLock(connection, key);
                try {
                    listener.lockAcquired(Duration.ofNanos(System.nanoTime() - start));
                } catch (RuntimeException e) {
                    lock.close();
                    throw e;
                }
                return lock;
            }
            if (!told) {
                listener.lockWaiting(timeout);
                told = true;
            }
            if (System.nanoTime() >= deadline) {
                throw new RetortException("Another migration run holds Retort's lock on this database" + holder(connection, key)
                        + "; gave up after " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + "s") + ". Wait for it to finish, or raise the lock timeout.");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetortException("Interrupted while waiting for Retort's migration lock.", e);
            }
            pause = Math.min(pause * 2, 500);
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String holder(Connection connection, long key) {
        String sql = "SELECT l.pid, a.application_name, a.client_addr FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND ((l.classid::bigint << 32) | l.objid::bigint) = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    String app = rs.getString(2);
                    return " (backend pid " + rs.getInt(1) + (app == null || app.isEmpty() ? "" : ", " + app) + ")";
                }
            }
        } catch (SQLException ignored) {
            // naming the holder is a courtesy; the timeout message stands without it
        }
        return "";
    }

    /**
     * Releases the lock. A pooled connection keeps its session, so a lock left behind would block every
     * later run: if the unlock fails (an aborted transaction), roll back and retry; failing that, abort
     * the connection, which ends the session and with it the lock.
     */
    @Override
    public void close() throws SQLException {
        try {
            unlock();
        } catch (SQLException first) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                unlock();
            } catch (SQLException second) {
                first.addSuppressed(second);
                connection.abort(Runnable::run);
                throw first;
            }
        }
    }

    private void unlock() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        }
    }
}
