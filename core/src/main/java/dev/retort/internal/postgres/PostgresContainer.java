package dev.retort.internal.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.internal.Messages;
import dev.retort.platform.DevDatabase;

/** A dev database in a Testcontainers PostgreSQL container; only loaded when Testcontainers is on the class path. */
final class PostgresContainer {

    private PostgresContainer() {
    }

    static DevDatabase start(String image, MigrationListener log) {
        String dockerHost = System.getenv("DOCKER_HOST");
        String unreachable = dockerHost == null || dockerHost.isBlank() ? null : unreachable(dockerHost);
        if (unreachable != null || !dockerAvailable()) {
            throw new RetortException("{devDatabase}=docker needs Docker, which is not available here"
                    + (unreachable == null ? "" : " (" + unreachable + ")") + "; start Docker, or set {devDatabase} to the JDBC URL "
                    + "of a scratch PostgreSQL server.");
        }
        long start = System.nanoTime();
        @SuppressWarnings("resource") // stopped by cleanup
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new RetortException("The dev database container (" + image + ") did not start: " + Messages.rootMessage(e)
                    + ". Check that the image can be pulled, or set {devImage}.", e);
        }
        log.note(String.format("Started dev database %s (%s) in %.1f s.", image, container.getContainerName(),
                (System.nanoTime() - start) / 1e9));
        return new PostgresDevDatabases.Handle(container.getJdbcUrl(), container.getUsername(), container.getPassword(), () -> {
            container.stop();
            log.note("Removed the dev database container.");
        });
    }

    /**
     * Why the daemon DOCKER_HOST names does not answer, or null when it does. Checked here because
     * Testcontainers would otherwise fall back to another daemon than the one the user chose.
     */
    private static String unreachable(String dockerHost) {
        try {
            URI uri = URI.create(dockerHost);
            if ("unix".equals(uri.getScheme())) {
                return Files.exists(Path.of(uri.getPath())) ? null : "DOCKER_HOST=" + dockerHost + " names no socket";
            }
            if ("tcp".equals(uri.getScheme())) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
                    return null;
                } catch (IOException e) {
                    return "DOCKER_HOST=" + dockerHost + " does not answer";
                }
            }
        } catch (IllegalArgumentException e) {
            return "DOCKER_HOST=" + dockerHost + " is not a Docker address";
        }
        return null;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

}
