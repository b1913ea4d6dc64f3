package dev.retort.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.DevDatabase;
import dev.retort.platform.Platform;
import dev.retort.platform.Platforms;
import dev.retort.testing.PostgresServer;

/**
 * The Docker dev database ({@code devDatabase=docker}), run by the docker profile where Docker is: an image that
 * cannot be pulled fails in seconds with the registry's own answer, and the configured image gives a working server.
 */
class DockerDevDatabaseTest {

    private final Platform platform = Platforms.named("postgresql");
    private final List<String> notes = new ArrayList<>();
    private final MigrationListener listener = new MigrationListener() {
        @Override
        public void note(String message) {
            notes.add(message);
        }
    };

    @Test
    void anImageThatCannotBePulledFailsFastSayingFromWhere() {
        // A registry on a loopback port nothing listens on: the daemon's pull is refused at once, no outside traffic.
        String image = "127.0.0.1:1/retort/unpullable:1";
        long start = System.nanoTime();
        RetortException e = assertThrows(RetortException.class, () -> platform.startDevDatabase("docker", image, listener));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 60, "a refused pull must not be retried for minutes: took " + seconds + " s");
        // The daemon's own words, not its HTTP envelope.
        assertTrue(e.getMessage().startsWith("The dev database image " + image + " cannot be pulled from 127.0.0.1:1: Get "
                + "\"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused."), e.getMessage());
        assertTrue(e.getMessage().endsWith("set retort.devImage to an image it has or can pull."), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Pulling " + image + " from 127.0.0.1:1")), notes.toString());
    }

    @Test
    void theConfiguredImageGivesAServerToMigrate() throws Exception {
        String image = System.getenv().getOrDefault("RETORT_TEST_IMAGE", PostgresServer.DEFAULT_IMAGE);
        try (DevDatabase database = platform.startDevDatabase("docker", image, listener);
             Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             ResultSet rs = c.createStatement().executeQuery("select current_setting('server_version_num')::int >= 120000")) {
            assertTrue(rs.next() && rs.getBoolean(1), "a PostgreSQL 12 or later answers");
        }
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Started dev database " + image)), notes.toString());
        assertTrue(notes.contains("Removed the dev database container."), notes.toString());
    }
}
