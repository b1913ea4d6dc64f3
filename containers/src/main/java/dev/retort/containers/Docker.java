package dev.retort.containers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.testcontainers.DockerClientFactory;

/**
 * Whether Docker can be used here, found out before Testcontainers is asked: asked where there is no daemon, it logs
 * errors and falls back to another daemon than the one {@code DOCKER_HOST} names; its shared client starts Ryuk (and
 * pulls its image) as it is made.
 */
public final class Docker {

    private Docker() {
    }

    /** Why Docker cannot be used here, in a few words, or null when a daemon answers. */
    public static String unavailable() {
        String dockerHost = System.getenv("DOCKER_HOST");
        String unreachable = dockerHost == null || dockerHost.isBlank()
                ? (mayBeReachable(System.getenv()) ? null : "DOCKER_HOST is not set and there is no Docker socket at /var/run/docker.sock")
                : unreachable(dockerHost);
        if (unreachable != null) {
            return unreachable;
        }
        return answers() ? null : "no Docker daemon answers";
    }

    /**
     * Whether a daemon may be reachable, judged without asking it from where Testcontainers looks: the environment, its
     * properties file, the usual sockets. True where that cannot be told (named pipes on Windows).
     */
    public static boolean mayBeReachable(Map<String, String> env) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return true;
        }
        if (!env.getOrDefault("DOCKER_HOST", "").isBlank()) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        if (Files.exists(Path.of(home, ".testcontainers.properties"))) {
            return true;
        }
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker/run/docker.sock"),
                Path.of(home, ".docker/desktop/docker.sock"), Path.of(home, ".colima/default/docker.sock"), Path.of(home, ".rd/docker.sock")));
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            sockets.add(Path.of(runtime, "docker.sock"));
        }
        return sockets.stream().anyMatch(Files::exists);
    }

    /** Whether a daemon answers, asked without Testcontainers' shared client. */
    public static boolean answers() {
        try {
            DockerClientFactory.instance().getTransportConfig();
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Why the daemon {@code DOCKER_HOST} names does not answer, or null when it does (or cannot be checked). */
    static String unreachable(String dockerHost) {
        try {
            URI uri = URI.create(dockerHost);
            if ("unix".equals(uri.getScheme())) {
                return Files.exists(Path.of(uri.getPath())) ? null : "DOCKER_HOST=" + dockerHost + " names no socket";
            }
            if ("tcp".equals(uri.getScheme())) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
                    return null;
                } catch (IOException | IllegalArgumentException e) {
                    return "DOCKER_HOST=" + dockerHost + " does not answer";
                }
            }
        } catch (IllegalArgumentException e) {
            return "DOCKER_HOST=" + dockerHost + " is not a Docker address";
        }
        return null;
    }
}
