package dev.retort.rolling;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import dev.retort.revision.ArtifactRevisions;

/**
 * One version of the sample application as its build makes it: entity sources (a {@code Team} that never changes and a
 * {@code Person} each case changes) and the migration sources so far, compiled and packed into a jar with its revision
 * index and its list of entities. {@link RollingApp} is the loop every version runs.
 */
final class SampleApp {

    static final String MODEL = "rollingapp";
    static final String MIGRATIONS = "rollingapp.migrations";

    /** The entity every version has as it is. */
    private static final String TEAM = entity("Team", "", "@Column(nullable = false, length = 80) String title;");

    private final Path dir;
    private final Map<String, String> entities = new LinkedHashMap<>();

    /**
     * @param dir    where this version's sources, classes and jar go
     * @param person the {@code Person} entity's source, from {@link #person}
     */
    SampleApp(Path dir, String person) {
        this.dir = dir;
        entities.put("Team", TEAM);
        entities.put("Person", person);
    }

    /** A {@code Person} entity: an id, these fields, with these annotations on the class (a {@code @Table}, or none). */
    static String person(String classAnnotations, String... fields) {
        return entity("Person", classAnnotations, fields);
    }

    private static String entity(String name, String classAnnotations, String... fields) {
        return "package " + MODEL + ";\n\nimport jakarta.persistence.*;\n\n@Entity\n" + classAnnotations + "\npublic class " + name
                + " {\n    @Id\n    Long id;\n" + Stream.of(fields).map(f -> "    " + f + "\n").reduce("", String::concat) + "}\n";
    }

    Path classes() {
        return dir.resolve("classes");
    }

    Path jar() {
        return dir.resolve("app.jar");
    }

    /** Compiles the entities, to read them before the migrations exist. */
    void compileEntities() {
        try {
            Path src = dir.resolve("model");
            for (Map.Entry<String, String> entity : entities.entrySet()) {
                Path file = src.resolve(MODEL).resolve(entity.getKey() + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, entity.getValue(), StandardCharsets.UTF_8);
            }
            javac(src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entity classes, loaded from the compiled classes (a fresh loader each time). */
    List<Class<?>> entityClasses() {
        ClassLoader loader = loader();
        List<Class<?>> classes = new ArrayList<>();
        for (String name : entities.keySet()) {
            try {
                classes.add(Class.forName(MODEL + "." + name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("compile the entities first", e);
            }
        }
        return classes;
    }

    /** A loader of the compiled classes over the test's own: what the application's class path holds. */
    ClassLoader loader() {
        try {
            Files.createDirectories(classes());
            return new URLClassLoader(new URL[] {classes().toUri().toURL()}, SampleApp.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the migration sources beside the entities. */
    void compileMigrations(Path migrationSources) {
        javac(migrationSources);
    }

    /** Packs the classes, the revision index and the list of entities into {@link #jar()}. */
    Path pack(String revisionIndex) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RollingApp.class.getName());
        try (OutputStream file = Files.newOutputStream(jar()); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> walk = Files.walk(classes())) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                add(out, classes().relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
            add(out, ArtifactRevisions.indexResource(MIGRATIONS), revisionIndex.getBytes(StandardCharsets.UTF_8));
            add(out, RollingApp.ENTITIES, entities.keySet().stream().map(n -> MODEL + "." + n + "\n").reduce("", String::concat)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar();
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private void javac(Path sources) {
        Javac.compile(sources, classes(), "the sample application's sources");
    }
}
