package dev.retort.demo;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.retort.platform.DatabaseUrl;
import dev.retort.platform.Platforms;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database the demo migrates: a fresh {@code retort_demo} on the server {@code DATABASE_URL} names, or, without
 * it, an embedded PostgreSQL started from Maven artifacts and stopped when the demo ends.
 */
final class DemoDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final DatabaseUrl url;

    private DemoDatabase(EmbeddedPostgres embedded, DatabaseUrl url) {
        this.embedded = embedded;
        this.url = url;
    }

    static DemoDatabase start(String databaseUrl) throws IOException, SQLException {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            EmbeddedPostgres server = EmbeddedPostgres.builder().setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD).start();
            return new DemoDatabase(server, Platforms.parseUrl(server.getJdbcUrl("postgres", "postgres")));
        }
        DatabaseUrl server = Platforms.parseUrl(databaseUrl);
        try (Connection c = server.user() == null ? DriverManager.getConnection(server.jdbcUrl())
                : DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password() == null ? "" : server.password());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists retort_demo with (force)");
            s.execute("create database retort_demo");
        }
        return new DemoDatabase(null, server.withDatabase("retort_demo"));
    }

    /** What the project's builds get as {@code DATABASE_URL}: a JDBC URL with the user (and password) in it. */
    String databaseUrl() {
        String jdbc = url.jdbcUrl();
        String separator = jdbc.contains("?") ? "&" : "?";
        return jdbc + (url.user() == null ? "" : separator + "user=" + url.user()
                + (url.password() == null || url.password().isEmpty() ? "" : "&password=" + url.password()));
    }

    /** Where it is, for people: the password masked. */
    String describe() {
        return (embedded != null ? "an embedded PostgreSQL at " : "") + DatabaseUrl.mask(url.jdbcUrl());
    }

    boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
