package dev.retort.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.DevDatabase;
import dev.retort.platform.Platform;
import dev.retort.platform.Platforms;
import dev.retort.testing.PostgresServer;

/**
 * The Docker dev database ({@code devDatabase=docker}), run by the docker profile where Docker is: an image that
 * cannot be pulled, the dev database's or Testcontainers' own, fails in seconds with the registry's own answer and what
 * to set instead, and the configured image gives a working server.
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
        // The daemon's own words, not its HTTP envelope, and what to set instead.
        assertTrue(e.getMessage().startsWith("The dev database image " + image + " is not on this machine, and it cannot be pulled from "
                + "127.0.0.1:1: Get \"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused."), e.getMessage());
        assertTrue(e.getMessage().endsWith("Set retort.devImage to an image this machine has (docker images), or set retort.devDatabase to "
                + "embedded (no Docker needed) or to the JDBC URL of a scratch PostgreSQL server."), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Pulling " + image + " from 127.0.0.1:1")), notes.toString());
    }

    @Test
    void anUnpullableRyukImageFailsFastNamingItInsteadOfSayingThereIsNoDocker() throws Exception {
        // Testcontainers' clean-up container, from a loopback registry nothing listens on; Ryuk on, whatever this JVM has.
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder process = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"), "dev.retort.cli.Main", "verify",
                "--package", "dev.retort.fixtures.linear", "--dev-database", "docker").redirectErrorStream(true);
        process.environment().remove("TESTCONTAINERS_RYUK_DISABLED");
        process.environment().put("TESTCONTAINERS_RYUK_CONTAINER_IMAGE", "127.0.0.1:1/testcontainers/ryuk:0.14.0");
        process.environment().put("RETORT_DEV_IMAGE", System.getenv().getOrDefault("RETORT_TEST_IMAGE", PostgresServer.DEFAULT_IMAGE));
        long start = System.nanoTime();
        Process run = process.start();
        assertTrue(run.waitFor(90, TimeUnit.SECONDS), "verify did not end");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, run.exitValue(), output);
        assertTrue(seconds < 60, "took " + seconds + " s: " + output);
        assertTrue(output.contains("retort: Testcontainers starts its clean-up container (Ryuk) from 127.0.0.1:1/testcontainers/ryuk:0.14.0, "
                + "which is not on this machine, and it cannot be pulled from 127.0.0.1:1: "), output);
        assertTrue(output.contains("Set TESTCONTAINERS_RYUK_DISABLED=true"), output);
        assertTrue(!output.contains("not available"), "Docker is there: " + output);
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
