package dev.retort.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import dev.retort.MigrationListener;

/** Keeps two writing runs on one database apart for the whole of a run. */
public interface MigrationLock {

    /**
     * Takes the lock on the run's connection, waiting at most {@code timeout}.
     *
     * @param connection the run's own connection; the lock lives as long as its session
     * @param name       what is locked (the version table's qualified name), so separate version tables migrate independently
     * @param timeout    how long to wait for another run
     * @param listener   told when the run starts waiting and when it holds the lock
     * @throws dev.retort.RetortException on timeout, naming who holds the lock where the database can tell
     */
    Held acquire(Connection connection, String name, Duration timeout, MigrationListener listener) throws SQLException;

    /** A lock being held; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close() throws SQLException;

        /**
         * Checks that the connection still talks to the session that holds the lock: a pooler between Retort and the
         * database that hands each transaction to another session (PgBouncer in transaction mode) would make the lock,
         * and the run's session settings, worthless.
         *
         * @throws dev.retort.RetortException when it does not, saying to use a direct connection
         */
        default void checkSession() throws SQLException {
        }
    }
}
