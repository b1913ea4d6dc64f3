package dev.retort.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Where Docker runs but the container's image cannot be had, the container source gives way to the next one in a line
 * and seconds, and fails as quickly, naming the image, when it was forced. Run by the docker profile where Docker is.
 */
class ContainerSourceTest {

    /** A registry on a loopback port nothing listens on: Docker's pull is refused at once, with no outside traffic. */
    private static final String MISSING = "127.0.0.1:1/retort/missing-postgres:1";

    @Test
    void aForcedContainerSourceFailsQuicklyNamingTheImage() {
        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PostgresServer.locate(Map.of("RETORT_TEST_DB", "container", "RETORT_TEST_IMAGE", MISSING)));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 60, "took " + seconds + " s");
        assertTrue(e.getMessage().startsWith("RETORT_TEST_DB=container but the image " + MISSING + " is not here, and it cannot be pulled from 127.0.0.1:1: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Set RETORT_TEST_IMAGE to an image Docker has"), e.getMessage());
    }

    @Test
    void anUnforcedContainerSourceGivesWayToTheNextInOneLine() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertNull(PostgresServer.containerUnlessImagesMissing(Map.of("RETORT_TEST_IMAGE", MISSING)));
        } finally {
            System.setErr(err);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 60, "took " + seconds + " s");
        String said = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.startsWith("retort-test-support: no PostgreSQL container: image " + MISSING + " is not here, and it cannot be pulled from 127.0.0.1:1: "),
                said);
        assertTrue(said.strip().endsWith("using the next source (RETORT_TEST_DB=container insists on a container)."), said);
    }
}
