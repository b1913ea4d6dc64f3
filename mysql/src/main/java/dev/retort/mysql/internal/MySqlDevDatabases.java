package dev.retort.mysql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.DatabaseUrl;
import dev.retort.platform.DevDatabase;
import dev.retort.platform.Platforms;

/**
 * Throwaway databases for generate, check and verify: a fresh database on a scratch server (its URL), created and
 * dropped, or a container ({@code docker}, through Testcontainers' MariaDB module). There is no embedded MariaDB or
 * MySQL to start from Maven artifacts, so {@code embedded} says what to use instead.
 */
final class MySqlDevDatabases {

    private MySqlDevDatabases() {
    }

    record Handle(String jdbcUrl, String user, String password, Runnable cleanup) implements DevDatabase {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    static DevDatabase start(Flavour flavour, String spec, String image, MigrationListener log) {
        String kind = spec.trim().toLowerCase(Locale.ROOT);
        if ("embedded".equals(kind)) {
            throw new RetortException("{devDatabase}=embedded is PostgreSQL's: " + flavour.product() + " has no server that runs from "
                    + "Maven artifacts. Set {devDatabase} to docker (a container of " + MySqlPlatformBase.devImage(flavour) + "), or to the JDBC "
                    + "URL of a scratch " + flavour.product() + " server where Retort may create and drop a database.");
        }
        if ("docker".equals(kind)) {
            return MySqlContainer.start(flavour, image == null || image.isBlank() ? MySqlPlatformBase.devImage(flavour) : image, log);
        }
        if (!kind.contains(":")) {
            throw new RetortException("{devDatabase} is '" + spec.trim() + "'; use docker, or the JDBC URL of a scratch " + flavour.product()
                    + " server (jdbc:" + flavour.id() + "://host:3306/).");
        }
        return scratch(Platforms.parseUrl(spec.strip()), log);
    }

    private static DevDatabase scratch(DatabaseUrl server, MigrationListener log) {
        String name = "retort_dev_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        String url;
        try {
            url = server.withDatabase(name).jdbcUrl();
        } catch (RetortException e) {
            throw new RetortException("{devDatabase}: " + e.getMessage(), e);
        }
        // The server's URL may name a database or none: Retort connects to the new one's URL to create it, naming none.
        DatabaseUrl bare = new DatabaseUrl(url.replaceFirst("/" + name, "/"), server.user(), server.password());
        execute(bare, "CREATE DATABASE `" + name + "`");
        log.note("Created dev database " + name + " on " + DatabaseUrl.mask(server.jdbcUrl()) + ".");
        return new Handle(url, server.user(), server.password(), () -> {
            try {
                execute(bare, "DROP DATABASE IF EXISTS `" + name + "`");
                log.note("Dropped dev database " + name + ".");
            } catch (RetortException e) {
                log.note(e.getMessage());
            }
        });
    }

    private static void execute(DatabaseUrl server, String sql) {
        Properties props = new Properties();
        if (server.user() != null) {
            props.setProperty("user", server.user());
        }
        if (server.password() != null) {
            props.setProperty("password", server.password());
        }
        try (Connection c = connect(server.jdbcUrl(), props); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException | RuntimeException e) {
            throw new RetortException("The dev database server " + DatabaseUrl.mask(server.jdbcUrl()) + " refused " + sql + ": "
                    + RetortException.rootMessage(e) + ". It must accept connections and let the user create databases.", e);
        }
    }

    /** Through the drivers' service entries, as Retort connects elsewhere: whichever of the two drivers is there. */
    private static Connection connect(String url, Properties props) throws SQLException {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), MySqlDevDatabases.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            for (java.sql.Driver driver : java.util.ServiceLoader.load(java.sql.Driver.class, loader)) {
                if (driver.acceptsURL(url)) {
                    return driver.connect(url, props);
                }
            }
        }
        throw new SQLException("no JDBC driver on the class path accepts it; add org.mariadb.jdbc:mariadb-java-client");
    }
}
