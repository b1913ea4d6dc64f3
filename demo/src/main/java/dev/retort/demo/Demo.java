package dev.retort.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Retort's main job end to end, as a new user does it: a project from the archetype, {@code generate} (nothing to do
 * yet), {@code upgrade}, an entity change, {@code generate} again, {@code upgrade}, {@code downgrade -1} and
 * {@code history}, each a real Maven build of the project. The database is an embedded PostgreSQL, or a fresh
 * {@code retort_demo} database on the server {@code DATABASE_URL} names.
 *
 * <p>Arguments: the directory to create the project in, the version of Retort, and the local repository this build
 * installed Retort into (the user's own, so their Maven finds it afterwards).
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]).toAbsolutePath();
        String version = args[1];
        Path localRepository = Path.of(args[2]).toAbsolutePath();
        Path project = workspace.resolve("shop");
        deleteRecursively(workspace);
        Files.createDirectories(workspace);

        try (DemoDatabase database = DemoDatabase.start(System.getenv("DATABASE_URL"))) {
            System.out.println("Retort demo: migrating " + database.describe());
            Map<String, String> env = Map.of("DATABASE_URL", database.databaseUrl());
            // The project's builds use the local repository this build installed Retort into: the user's default one,
            // unless the demo was run with -Dmaven.repo.local, which is then passed on. The project keeps no setting of it.
            String repository = "-Dmaven.repo.local=" + localRepository;
            List<String> maven = List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B", repository);
            MavenRun.run(workspace, concat(maven, "archetype:generate", "-DinteractiveMode=false", "-DarchetypeGroupId=dev.retort",
                    "-DarchetypeArtifactId=retort-archetype", "-DarchetypeVersion=" + version, "-DgroupId=com.example.shop",
                    "-DartifactId=shop", "-Dversion=1.0-SNAPSHOT"), env,
                    "mvn archetype:generate -DarchetypeGroupId=dev.retort -DarchetypeArtifactId=retort-archetype -DarchetypeVersion="
                            + version + " -DgroupId=com.example.shop -DartifactId=shop");
            List<String> wrapper = List.of(project.resolve("mvnw").toString(), "-B", repository);
            MavenRun.run(project, concat(wrapper, "compile", "migrations:generate", "-Dmigrations.message=nothing yet"), env,
                    "./mvnw compile migrations:generate -Dmigrations.message=\"nothing yet\"");
            MavenRun.run(project, concat(wrapper, "compile", "migrations:upgrade"), env, "./mvnw compile migrations:upgrade");

            Path book = project.resolve("src/main/java/com/example/shop/model/Book.java");
            Files.writeString(book, Files.readString(book).replace("    private Author author;\n",
                    "    private Author author;\n\n    @Column(length = 20)\n    private String isbn;\n"));
            System.out.println("\n# The entity Book gains a field: @Column(length = 20) private String isbn;");
            MavenRun.run(project, concat(wrapper, "compile", "migrations:generate", "-Dmigrations.message=add isbn to book"), env,
                    "./mvnw compile migrations:generate -Dmigrations.message=\"add isbn to book\"");
            Path migration = newest(project.resolve("src/main/java/db/migrations"));
            System.out.println("\n$ cat " + project.relativize(migration));
            Files.readAllLines(migration).forEach(line -> System.out.println("  " + line));

            MavenRun.run(project, concat(wrapper, "compile", "migrations:upgrade"), env, "./mvnw compile migrations:upgrade");
            MavenRun.run(project, concat(wrapper, "migrations:downgrade", "-Dmigrations.target=-1"), env,
                    "./mvnw migrations:downgrade -Dmigrations.target=-1");
            MavenRun.run(project, concat(wrapper, "migrations:history"), env, "./mvnw migrations:history");

            System.out.println();
            System.out.println("The project is in " + project);
            System.out.println("Retort " + version + " is installed in " + localRepository + ", where your Maven finds it: "
                    + "mvn archetype:generate makes more projects (docs/quickstart.md).");
            System.out.println("Keep going there: change an entity, then ./mvnw compile migrations:generate -Dmigrations.message=\"...\"; "
                    + "./mvnw verify runs its integration test and migrations:check.");
            System.out.println(database.embedded()
                    ? "The embedded database stops with this demo: set DATABASE_URL to a PostgreSQL server for migrations:upgrade there."
                    : "Its database is retort_demo on the DATABASE_URL server.");
        } catch (IllegalStateException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Path newest(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().contains("AddIsbnToBook")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("generate wrote no migration for the change"));
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
