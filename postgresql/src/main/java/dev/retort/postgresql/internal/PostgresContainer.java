package dev.retort.postgresql.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.DevDatabase;

/** A dev database in a Testcontainers PostgreSQL container; only loaded when Testcontainers is on the class path. */
final class PostgresContainer {

    /** How long an image pull may take before the dev database gives up on it. */
    static final Duration PULL_TIMEOUT = Duration.ofMinutes(3);

    private static final java.util.regex.Pattern DAEMON_MESSAGE = java.util.regex.Pattern.compile("\\{\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PostgresContainer() {
    }

    static DevDatabase start(String image, MigrationListener log) {
        String dockerHost = System.getenv("DOCKER_HOST");
        String unreachable = dockerHost == null || dockerHost.isBlank() ? noSocket() : unreachable(dockerHost);
        if (unreachable != null || !dockerAvailable()) {
            throw new RetortException("{devDatabase}=docker needs Docker, which is not available here"
                    + (unreachable == null ? "" : " (" + unreachable + ")") + "; start Docker, or set {devDatabase} to the JDBC URL "
                    + "of a scratch PostgreSQL server.");
        }
        long start = System.nanoTime();
        pull(image, log);
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

    /**
     * Pulls the image unless Docker has it, once and within {@link #PULL_TIMEOUT}: Testcontainers would retry a
     * failing pull for minutes and then report a timeout instead of the registry's answer.
     */
    private static void pull(String image, MigrationListener log) {
        DockerClient client = DockerClientFactory.instance().client();
        try {
            client.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException e) {
            // not here yet: pull it
        }
        String registry = DockerImageName.parse(image).getRegistry();
        String from = registry == null || registry.isBlank() ? "Docker Hub" : registry;
        log.note("Pulling " + image + " from " + from + " (at most " + PULL_TIMEOUT.toMinutes() + " minutes).");
        boolean done;
        try {
            done = client.pullImageCmd(image).exec(new PullImageResultCallback()).awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetortException("Pulling the dev database image " + image + " was interrupted.", e);
        } catch (RuntimeException e) {
            throw new RetortException("The dev database image " + image + " cannot be pulled from " + from + ": " + daemonMessage(e)
                    + ". Check that this machine reaches it (docker pull " + image + "), or set {devImage} to an image it has or can pull.", e);
        }
        if (!done) {
            throw new RetortException("The dev database image " + image + " was not pulled from " + from + " within "
                    + PULL_TIMEOUT.toMinutes() + " minutes; pull it first (docker pull " + image + "), or set {devImage} to an image "
                    + "this machine has.");
        }
    }

    /** The Docker daemon's own words from an error it answered with ({@code Status 500: {"message":"..."}}). */
    private static String daemonMessage(RuntimeException e) {
        String text = RetortException.rootMessage(e);
        java.util.regex.Matcher m = DAEMON_MESSAGE.matcher(text);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : text;
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

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

}
