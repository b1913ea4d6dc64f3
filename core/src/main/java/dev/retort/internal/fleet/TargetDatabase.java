package dev.retort.internal.fleet;

import java.sql.Connection;
import java.sql.SQLException;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.config.Settings;
import dev.retort.platform.Platform;
import dev.retort.revision.RevisionSource;

/**
 * Where one target is: its platform, the schema of its version table, a pooled connection for the quick read, and a
 * {@link Retort} over it for everything else.
 */
final class TargetDatabase {

    private final Platform platform;
    private final Settings settings;
    private final PooledDataSource dataSource;
    private final ConnectionPool pool;
    private final String key;
    private final ConnectionPool.Opener opener;
    private final RevisionSource revisions;
    private final MigrationListener listener;

    /**
     * @param switchTo the schema each connection switches to, or null
     * @param creates  whether the run may create that schema when it does not exist yet (a command that writes)
     */
    TargetDatabase(Platform platform, Settings settings, ConnectionPool pool, String key, ConnectionPool.Opener opener, String switchTo,
                   boolean creates, RevisionSource revisions, MigrationListener listener) {
        this.platform = platform;
        this.settings = settings;
        this.pool = pool;
        this.key = key;
        this.opener = opener;
        String identifier = switchTo == null ? null : platform.dialect().identifier(switchTo);
        this.dataSource = new PooledDataSource(pool, key, opener, switchTo, identifier, switchTo != null && creates
                ? "CREATE SCHEMA IF NOT EXISTS " + identifier : null);
        this.revisions = revisions;
        this.listener = listener;
    }

    Platform platform() {
        return platform;
    }

    /** The schema of its version and history tables, or null for the connection's own. */
    String schema() {
        return settings.schema();
    }

    /** A pooled connection as opened, not switched to the target's schema: for a query that names its tables in full. */
    Connection rawConnection() throws SQLException {
        return pool.borrow(key, opener);
    }

    /** A Retort over the target, on the pool, with the revisions the fleet read once. */
    Retort retort() {
        return Retort.configure().settings(settings).dataSource(dataSource).platform(platform).revisions(revisions).listener(listener).load();
    }
}
