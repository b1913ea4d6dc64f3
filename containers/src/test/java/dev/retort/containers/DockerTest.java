package dev.retort.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is said about Docker before Testcontainers is asked, and what a missing image's sentence tells the user to do. */
class DockerTest {

    @Test
    void aDockerHostThatIsNoDaemonIsNamedWithWhatIsWrongWithIt(@TempDir Path dir) {
        assertEquals("DOCKER_HOST=unix:///nonexistent/docker.sock names no socket", Docker.unreachable("unix:///nonexistent/docker.sock"));
        // A loopback port nothing listens on: refused at once.
        assertEquals("DOCKER_HOST=tcp://127.0.0.1:1 does not answer", Docker.unreachable("tcp://127.0.0.1:1"));
        assertEquals("DOCKER_HOST=tcp://%zz is not a Docker address", Docker.unreachable("tcp://%zz"));
        assertNull(Docker.unreachable("unix://" + dir.toAbsolutePath()), "a path that exists is taken for the socket");
        assertNull(Docker.unreachable("npipe:////./pipe/docker_engine"), "a named pipe cannot be checked for and is left to Docker");
    }

    @Test
    void aDockerHostInTheEnvironmentMayBeReachableWithoutAnySocketFile() {
        assertTrue(Docker.mayBeReachable(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375")));
    }

    @Test
    void eachMissingImageSaysWhatToSetInstead() {
        String instead = "the JDBC URL of a scratch MariaDB server";
        assertEquals("The dev database image mariadb:11 is not on this machine, and it cannot be pulled from Docker Hub: no such host. "
                        + "Set {devImage} to an image this machine has (docker images), or set {devDatabase} to the JDBC URL of a scratch "
                        + "MariaDB server.",
                new ContainerImages.Missing("mariadb:11", ContainerImages.Role.CONTAINER, "it cannot be pulled from Docker Hub: no such host")
                        .advice(instead));
        String ryuk = new ContainerImages.Missing("testcontainers/ryuk:0.12.0", ContainerImages.Role.RYUK, "it was not pulled within 50 s")
                .advice(instead);
        assertTrue(ryuk.startsWith("Testcontainers starts its clean-up container (Ryuk) from testcontainers/ryuk:0.12.0")
                && ryuk.contains("Set TESTCONTAINERS_RYUK_DISABLED=true") && ryuk.endsWith("or set {devDatabase} to " + instead + "."), ryuk);
        String checks = new ContainerImages.Missing("alpine:3.17", ContainerImages.Role.CHECKS, "it was not pulled within 50 s").advice(instead);
        assertTrue(checks.contains("Set checks.disable=true in ~/.testcontainers.properties"), checks);
        assertEquals("image testcontainers/ryuk:0.12.0 (Testcontainers' Ryuk; TESTCONTAINERS_RYUK_DISABLED=true does without it) is not "
                + "here, and it was not pulled within 50 s", new ContainerImages.Missing("testcontainers/ryuk:0.12.0", ContainerImages.Role.RYUK,
                "it was not pulled within 50 s").describe());
    }
}
