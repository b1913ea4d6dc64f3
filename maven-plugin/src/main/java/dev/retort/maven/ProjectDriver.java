package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

import dev.retort.platform.Platform;
import dev.retort.platform.Platforms;

/**
 * The database a project is for, told by its dependencies: the one Retort platform module it depends on, else the one
 * JDBC driver. With several platform modules in the plugin, a project that names no URL (a dev database does its work)
 * then needs no {@code platform} setting.
 */
final class ProjectDriver {

    private static final String SERVICES = "META-INF/services/" + Platform.class.getName();

    private ProjectDriver() {
    }

    /**
     * The platform the project's dependencies name: the only one its platform modules register, else the only one whose
     * driver it depends on (among its modules' platforms, where it has modules); empty when nothing or several say so
     * (an application that lets its operator choose lists them in {@code platforms}).
     */
    static Optional<Platform> platform(MavenProject project) {
        Set<String> registered = new HashSet<>();
        Set<String> dependencies = new HashSet<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (!Artifact.SCOPE_TEST.equals(artifact.getScope())) {
                // A driver the tests alone use (H2 beside PostgreSQL, often) is not the application's database.
                dependencies.add(artifact.getGroupId() + ":" + artifact.getArtifactId());
            }
            registered.addAll(registeredPlatforms(artifact.getFile()));
        }
        List<Platform> modules = Platforms.all().stream().filter(p -> registered.contains(p.getClass().getName())).toList();
        if (modules.size() == 1) {
            return Optional.of(modules.get(0));
        }
        List<Platform> drivers = Platforms.all().stream().filter(p -> dependencies.contains(coordinates(p)))
                .filter(p -> modules.isEmpty() || modules.contains(p)).toList();
        return drivers.size() == 1 ? Optional.of(drivers.get(0)) : Optional.empty();
    }

    /** The {@code group:artifact} of the platform's own driver: the first coordinates its {@link Platform#driver()} names. */
    private static String coordinates(Platform platform) {
        String driver = platform.driver();
        return driver == null ? "" : driver.strip().split("[\\s(]", 2)[0];
    }

    /** The platform classes a dependency registers as services; none for a file that is not a jar or directory. */
    private static Set<String> registeredPlatforms(File file) {
        if (file == null || !file.exists()) {
            return Set.of();
        }
        try {
            if (file.isDirectory()) {
                File services = new File(file, SERVICES);
                return services.isFile() ? classNames(Files.readString(services.toPath())) : Set.of();
            }
            try (JarFile jar = new JarFile(file)) {
                var entry = jar.getJarEntry(SERVICES);
                if (entry == null) {
                    return Set.of();
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return classNames(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            return Set.of(); // not a jar: a pom or a native bundle names no platform
        }
    }

    private static Set<String> classNames(String services) {
        return services.lines().map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                .collect(Collectors.toSet());
    }
}
