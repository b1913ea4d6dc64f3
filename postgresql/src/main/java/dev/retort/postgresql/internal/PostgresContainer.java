package dev.retort.postgresql.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.DevDatabase;

/** A dev database in a Testcontainers PostgreSQL container; only loaded when Testcontainers is on the class path. */
final class PostgresContainer {

    private PostgresContainer() {
    }

    static DevDatabase start(String image, MigrationListener log) {
        String dockerHost = System.getenv("DOCKER_HOST");
        String unreachable = dockerHost == null || dockerHost.isBlank() ? noSocket() : unreachable(dockerHost);
        if (unreachable != null || !dockerAnswers()) {
            throw new RetortException("{devDatabase}=docker needs Docker, which is not available here"
                    + (unreachable == null ? "" : " (" + unreachable + ")") + "; start Docker, or set {devDatabase} to embedded (no Docker "
                    + "needed) or to the JDBC URL of a scratch PostgreSQL server.");
        }
        long start = System.nanoTime();
        ContainerImages.Missing missing = ContainerImages.ensure(image, log::note);
        if (missing != null) {
            throw new RetortException(switch (missing.role()) {
                case CONTAINER -> "The dev database image " + image + " is not on this machine, and " + missing.reason()
                        + ". Set {devImage} to an image this machine has (docker images), or set {devDatabase} to embedded (no Docker "
                        + "needed) or to the JDBC URL of a scratch PostgreSQL server.";
                case RYUK -> "Testcontainers starts its clean-up container (Ryuk) from " + missing.image() + ", which is not on this "
                        + "machine, and " + missing.reason() + ". Set TESTCONTAINERS_RYUK_DISABLED=true (the dev database container is "
                        + "then removed when the run ends), or set {devDatabase} to embedded or to the JDBC URL of a scratch PostgreSQL server.";
                case CHECKS -> "Testcontainers checks Docker with a container of " + missing.image() + ", which is not on this machine, "
                        + "and " + missing.reason() + ". Set checks.disable=true in ~/.testcontainers.properties, or set {devDatabase} to "
                        + "embedded or to the JDBC URL of a scratch PostgreSQL server.";
            });
        }
        @SuppressWarnings("resource") // stopped by cleanup
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new RetortException("The dev database container (" + image + ") did not start: " + RetortException.rootMessage(e)
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

    /** Why no Docker is to be found where it usually listens, or null when a socket is there (or cannot be looked for). */
    private static String noSocket() {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
            return null;
        }
        String home = System.getProperty("user.home", "");
        for (Path socket : List.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker/run/docker.sock"),
                Path.of(home, ".docker/desktop/docker.sock"), Path.of(home, ".colima/default/docker.sock"), Path.of(home, ".rd/docker.sock"))) {
            if (Files.exists(socket)) {
                return null;
            }
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))) {
            return null;
        }
        return "DOCKER_HOST is not set and there is no Docker socket at /var/run/docker.sock";
    }

    /** Whether Docker answers, asked without Testcontainers' shared client, which starts Ryuk (and pulls its image) as it is made. */
    private static boolean dockerAnswers() {
        try {
            DockerClientFactory.instance().getTransportConfig();
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
