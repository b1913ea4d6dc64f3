package dev.retort.mysql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.RetortException;

/**
 * MariaDB's Docker dev database ({@code devDatabase=docker}), run by the docker profile where Docker is: an image that
 * cannot be pulled fails in seconds with the registry's own answer and what to set instead, as PostgreSQL's does; no
 * MariaDB image is pulled (the machines this runs on reach no registry).
 */
class MariaDbDockerDevDatabaseTest {

    @Test
    void anImageThatCannotBePulledFailsFastSayingFromWhereAndWhatToSetInstead() {
        List<String> notes = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        // A registry on a loopback port nothing listens on: the daemon's pull is refused at once, no outside traffic.
        String image = "127.0.0.1:1/retort/unpullable-mariadb:1";
        long start = System.nanoTime();
        RetortException e = assertThrows(RetortException.class, () -> new MariaDbPlatform().startDevDatabase("docker", image, listener));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 60, "a refused pull must not be retried for minutes: took " + seconds + " s");
        assertTrue(e.getMessage().startsWith("The dev database image " + image + " is not on this machine, and it cannot be pulled from "
                + "127.0.0.1:1: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Set retort.devImage to an image this machine has (docker images), or set retort.devDatabase to "
                + "the JDBC URL of a scratch MariaDB server."), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Pulling " + image + " from 127.0.0.1:1")), notes.toString());
    }
}
