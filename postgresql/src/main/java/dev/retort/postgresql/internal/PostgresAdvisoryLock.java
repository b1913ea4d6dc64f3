package dev.retort.postgresql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.MigrationLock;

/**
 * A PostgreSQL session advisory lock held on the run's own connection, so it survives the
 * per-revision commits and is released even if the JVM dies (the session ends with it).
 */
final class PostgresAdvisoryLock implements MigrationLock {

    /** The advisory-lock key of a version table: stable per name, so separate schemas migrate independently. */
    static long key(String versionTable) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(("retort:" + versionTable)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (digest[i] & 0xff);
        }
        return key & Long.MAX_VALUE; // non-negative, so pg_locks' classid/objid read it back unchanged
    }

    /** Takes the lock, polling until {@code timeout}; a timeout is an error naming the backend that holds it. */
    @Override
    public Held acquire(Connection connection, String name, Duration timeout, MigrationListener listener) throws SQLException {
        long key = key(name);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long pause = 20;
        boolean told = false;
        while (true) {
            long backend = tryLock(connection, key);
            if (backend != 0) {
                Lock lock = new Lock(connection, key, backend);
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

    /** The backend that took the lock, or 0 when another run holds it. */
    private static long tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?), pg_backend_pid()")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) ? rs.getLong(2) : 0;
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

    /** A held advisory lock. */
    private static final class Lock implements Held {
        private final Connection connection;
        private final long key;
        private final long backend;

        Lock(Connection connection, long key, long backend) {
            this.connection = connection;
            this.key = key;
            this.backend = backend;
        }

        /** Two statements in a row on another backend: a pooler in transaction mode sits between Retort and PostgreSQL. */
        @Override
        public void checkSession() throws SQLException {
            long now;
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
                rs.next();
                now = rs.getLong(1);
            }
            if (now != backend) {
                throw new RetortException("The connection goes through a pooler that hands each transaction to another server "
                        + "session (PgBouncer in transaction mode, backend " + backend + " then " + now + "): Retort's session lock "
                        + "and settings would not hold, so concurrent runs could both migrate. Migrate over a direct connection "
                        + "to PostgreSQL, or a pool in session mode. Nothing was changed.");
            }
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
}
