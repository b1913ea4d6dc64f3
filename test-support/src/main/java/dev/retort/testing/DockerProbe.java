package dev.retort.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a Docker daemon may be reachable, judged from the places Testcontainers looks (the environment, its
 * properties file, the usual sockets) without asking it: asked where there is none, it logs errors.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean mayHaveDocker(Map<String, String> env) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return true; // named pipes cannot be checked for like files
        }
        if (!env.getOrDefault("DOCKER_HOST", "").isBlank()) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        if (Files.exists(Path.of(home, ".testcontainers.properties"))) {
            return true;
        }
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker/run/docker.sock"),
                Path.of(home, ".docker/desktop/docker.sock"), Path.of(home, ".colima/default/docker.sock"),
                Path.of(home, ".rd/docker.sock")));
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            sockets.add(Path.of(runtime, "docker.sock"));
        }
        return sockets.stream().anyMatch(Files::exists);
    }
}
