package dev.retort.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.retort.testing.RecipePages.Command;
import dev.retort.testing.RecipePages.Jar;

/**
 * Every command line of the recipe pages ({@code docs/release.md}, {@code docs/spring-boot.md}, the quickstart's) run as
 * written, against a real database: each {@code java … dev.retort.cli.Main …} line of their code blocks, as
 * {@link RecipePages} reads them.
 *
 * <p>A command is run with the jar laid out where it names it: {@code target/shop-1.0-SNAPSHOT.jar} or {@code app.jar}
 * in a fresh working directory, and {@code /app/app.jar} of a container image in a fresh directory standing for
 * {@code /app} (the only change to the command line); a plain jar gets its {@code lib/} beside it, as the image's
 * Dockerfile copies it. Its environment is what its code block names: {@code DATABASE_URL} or
 * {@code SPRING_DATASOURCE_URL} (with {@code _USERNAME}, {@code _PASSWORD}) pointing at a fresh database, production
 * and its confirmation when the block sets {@code RETORT_CONFIRM_PRODUCTION}; a Spring Boot block that names no
 * database migrates the one the jar's own {@code application.properties} or {@code .yml} names. {@code "$@"} stands for
 * {@code release}. A command must exit 0, leave its database at the jar's head when it writes, and print what its
 * command prints.
 *
 * <p>Used by the Spring Boot sample applications' ITs (Boot jars) and by {@code .ci/newcomer.sh} (a project from the
 * archetype), through {@link #main}.
 */
public final class Recipes {

    private Recipes() {
    }


    /**
     * What a run of the recipes did.
     *
     * @param lines  a line per command (and build), {@code ok} or {@code FAIL} first
     * @param failed why each failed command failed
     */
    record Report(List<String> lines, List<String> failed) {

        /** How many commands did what they say. */
        long passed() {
            return lines.stream().filter(line -> line.startsWith("ok")).count();
        }
    }

    /**
     * Runs the commands written for one kind of jar, each whatever the others did.
     *
     * @param docs        the {@code docs} directory
     * @param kind        which commands: those for this kind of jar
     * @param jar         the application's jar ({@code lib/} beside it for a plain jar)
     * @param head        the revision the jar's migrations end at
     * @param project     the project the jar was built from, where a block's {@code ./mvnw} build commands run; null
     *                    to leave them out (the jar is built already)
     * @param server      where the fresh databases are made
     * @param configured  the database the jar's own configuration names (a Spring Boot block naming none migrates
     *                    it), or null
     * @param work        a directory for the commands' working directories
     * @return what ran and what failed
     */
    static Report run(Path docs, Jar kind, Path jar, String head, Path project, PostgresServer server, TestDatabase configured,
                             Path work) {
        List<Command> commands = RecipePages.commands(docs).stream().filter(c -> c.jar() == kind).toList();
        if (commands.size() < (kind == Jar.PLAIN ? 5 : 6)) {
            throw new AssertionError("only " + commands.size() + " " + kind + " command lines were found in " + RecipePages.PAGES
                    + ": the pages changed form, or this test no longer reads them");
        }
        List<String> ran = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        String previousBlock = null;
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            try {
                if (project != null && !command.block().equals(previousBlock)) {
                    for (String build : command.builds()) {
                        build(project, build);
                        ran.add("ok   " + command.page() + ": " + build);
                    }
                }
                previousBlock = command.block();
                ran.add(runOne(command, jar, head, server, configured, work.resolve("command-" + (i + 1))));
            } catch (AssertionError | RuntimeException | IOException e) {
                failures.add(command.where() + "\n    " + String.valueOf(e.getMessage()).replace("\n", "\n    "));
                ran.add("FAIL " + command.where());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return new Report(ran, failures);
    }

    private static String runOne(Command command, Path jar, String head, PostgresServer server, TestDatabase configured, Path directory) {
        String jarPath = command.jarPath();
        if (jarPath == null) {
            throw new AssertionError("the command names no jar with -cp");
        }
        // /app/… is a container image's path: a directory of its own stands for /app.
        Path image = directory.resolve("image-root");
        List<String> argv = new ArrayList<>();
        for (String arg : command.argv()) {
            argv.add(arg.startsWith("/app/") ? image.resolve(arg.substring(1)).toString() : arg.equals("$@") ? "release" : arg);
        }
        argv.set(0, new File(System.getProperty("java.home"), "bin/java").getPath());
        Path placed = jarPath.startsWith("/app/") ? image.resolve(jarPath.substring(1)) : directory.resolve(jarPath);
        TestDatabase fresh = null;
        try {
            Files.createDirectories(placed.getParent());
            Files.copy(jar, placed, StandardCopyOption.REPLACE_EXISTING);
            if (command.jar() == Jar.PLAIN) {
                copyTree(jar.resolveSibling("lib"), placed.resolveSibling("lib"));
            }
            ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile());
            Map<String, String> env = builder.environment();
            List.of("DATABASE_URL", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "SPRING_PROFILES_ACTIVE",
                    "RETORT_URL", "RETORT_USER", "RETORT_PASSWORD", "RETORT_ENVIRONMENT", "RETORT_CONFIRM_PRODUCTION").forEach(env::remove);
            boolean needsDatabase = !command.retort().contains("--help");
            TestDatabase used = needsDatabase ? configured : null;
            if (needsDatabase && command.block().contains("DATABASE_URL")) {
                fresh = used = server.createDatabase("recipe");
                env.put("DATABASE_URL", withCredentials(fresh));
            } else if (needsDatabase && command.block().contains("SPRING_DATASOURCE_URL")) {
                fresh = used = server.createDatabase("recipe");
                env.put("SPRING_DATASOURCE_URL", fresh.jdbcUrl());
                env.put("SPRING_DATASOURCE_USERNAME", fresh.user());
                env.put("SPRING_DATASOURCE_PASSWORD", fresh.password() == null ? "" : fresh.password());
            } else if (needsDatabase && (command.jar() == Jar.PLAIN || configured == null)) {
                throw new AssertionError("its code block names no database (DATABASE_URL, SPRING_DATASOURCE_URL), and "
                        + (command.jar() == Jar.PLAIN ? "a plain jar has none of its own" : "this jar's configuration names none"));
            }
            if (command.block().contains("RETORT_CONFIRM_PRODUCTION")) {
                env.put("RETORT_ENVIRONMENT", "production");
                env.put("RETORT_CONFIRM_PRODUCTION", "yes");
            }
            Path out = directory.resolve("stdout.txt");
            Path err = directory.resolve("stderr.txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("it did not finish within 3 minutes");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String output = stdout + Files.readString(err, StandardCharsets.UTF_8);
            check(process.exitValue() == 0, "it exited with " + process.exitValue() + ":\n" + output);
            expect(command, stdout, output, directory);
            if (needsDatabase && used != null) {
                String retort = command.retort().get(0);
                if (retort.equals("upgrade") || retort.equals("release")) {
                    check(used.column("select version_num from retort_version").equals(List.of(head)),
                            "the database is not at the jar's head " + head + " afterwards:\n" + output);
                }
                if (used == configured && command.jar() == Jar.BOOT) {
                    check(output.contains("Database: " + configured.jdbcUrl() + " as " + configured.user() + ", from spring.datasource.url in application."),
                            "the output does not say the database came from the application's configuration:\n" + output);
                }
                if (used == fresh && command.block().contains("SPRING_DATASOURCE_URL")) {
                    check(output.contains("from SPRING_DATASOURCE_URL."), "the output does not say the database came from SPRING_DATASOURCE_URL:\n" + output);
                }
            }
            return "ok   " + command.where() + "   (exit 0" + (used == null ? "" : ", database " + used.name()) + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            if (fresh != null) {
                server.dropDatabase(fresh);
            }
        }
    }

    /** What each of Retort's commands prints when it succeeded. */
    private static void expect(Command command, String stdout, String output, Path directory) throws IOException {
        List<String> retort = command.retort();
        String name = retort.isEmpty() ? "" : retort.get(0);
        if (retort.contains("--help")) {
            check(stdout.contains("Usage: retort"), "no usage was printed:\n" + output);
        } else if (name.equals("upgrade")) {
            check(stdout.contains("Upgraded ") || stdout.contains("Nothing to do"), "no upgrade summary:\n" + output);
        } else if (name.equals("release")) {
            check(stdout.contains("Release"), "no release summary:\n" + output);
            int report = retort.indexOf("--report");
            if (report > 0) {
                Path file = directory.resolve(retort.get(report + 1));
                check(Files.isRegularFile(file) && Files.readString(file).contains("\"outcome\""), "no report in " + file);
            }
        } else if (name.equals("check-deployable")) {
            check(stdout.contains("Deployable"), "it did not say the jar is deployable:\n" + output);
        }
    }

    /** The database's JDBC URL with its user and password in it, as a platform's DATABASE_URL carries them. */
    private static String withCredentials(TestDatabase db) {
        String separator = db.jdbcUrl().contains("?") ? "&" : "?";
        return db.jdbcUrl() + separator + "user=" + db.user()
                + (db.password() == null || db.password().isEmpty() ? "" : "&password=" + db.password());
    }

    private static void build(Path project, String build) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(RecipePages.words(build));
        argv.set(0, project.resolve("mvnw").toString());
        Path log = project.resolve("target/recipe-build.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(argv).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        check(process.waitFor() == 0, build + " failed:\n" + String.join("\n", tail(Files.readAllLines(log), 40)));
    }

    private static List<String> tail(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new AssertionError("a plain jar needs its libraries beside it, and " + from + " is not there");
        }
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    // --- the Spring Boot sample applications' ITs ---------------------------------------------------------------

    private static final String BOOT_STATE = "recipes-database.properties";

    /**
     * Before a sample application is built: a fresh database written into its configuration (the clone's
     * {@code src/main/resources/application.*}, where {@code set-by-prebuild} stands for the URL, user and password),
     * so its jar names its own database as an application's does.
     */
    public static void prepareBootApplication(File basedir) {
        TestDatabase db = PostgresServer.forIntegrationTests().createDatabase("it_" + basedir.getName() + "_configured");
        Properties state = new Properties();
        state.setProperty("name", db.name());
        state.setProperty("url", db.jdbcUrl());
        state.setProperty("user", db.user());
        state.setProperty("password", db.password() == null ? "" : db.password());
        try {
            try (var out = Files.newBufferedWriter(basedir.toPath().resolve(BOOT_STATE), StandardCharsets.UTF_8)) {
                state.store(out, "the database the sample application's configuration names");
            }
            boolean written = false;
            for (String name : List.of("application.properties", "application.yml")) {
                Path file = basedir.toPath().resolve("src/main/resources").resolve(name);
                if (Files.isRegularFile(file)) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    String replaced = text.replace("jdbc:postgresql://set-by-prebuild", db.jdbcUrl())
                            .replace("username: set-by-prebuild", "username: " + db.user())
                            .replace("username=set-by-prebuild", "username=" + db.user())
                            .replace("password: set-by-prebuild", "password: \"" + state.getProperty("password") + "\"")
                            .replace("password=set-by-prebuild", "password=" + state.getProperty("password"));
                    written |= !replaced.equals(text);
                    Files.writeString(file, replaced, StandardCharsets.UTF_8);
                }
            }
            check(written, "the sample application's configuration has no set-by-prebuild data source to point at its database");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a sample application is built ({@code target/app.jar}): every Spring Boot command line of the recipe pages,
     * then its configured database dropped. Writes what ran to {@code recipes.log}.
     */
    public static void runBoot(File basedir, String head) {
        Properties state = new Properties();
        try (var in = Files.newBufferedReader(basedir.toPath().resolve(BOOT_STATE), StandardCharsets.UTF_8)) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestDatabase configured = new TestDatabase(state.getProperty("name"), state.getProperty("url"), state.getProperty("user"),
                state.getProperty("password"), PostgresServer.forIntegrationTests().source());
        try {
            Report report = run(RecipePages.docs(basedir.toPath()), Jar.BOOT, basedir.toPath().resolve("target/app.jar"), head, null,
                    PostgresServer.forIntegrationTests(), configured, basedir.toPath().resolve("target/recipes"));
            Files.write(basedir.toPath().resolve("recipes.log"), report.lines(), StandardCharsets.UTF_8);
            check(report.failed().isEmpty(), report.failed().size() + " recipe command lines failed:\n" + String.join("\n", report.failed()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            PostgresServer.forIntegrationTests().dropDatabase(configured);
        }
    }


    // --- a project from the archetype, from .ci/newcomer.sh ------------------------------------------------------

    /**
     * Runs the plain-jar command lines of the recipe pages on a project from the archetype, with its build commands:
     * {@code Recipes <docs> <project>}. The jar is the project's {@code target/*.jar}, its head the manifest's
     * {@code Retort-Head}; the databases come from the tests' usual source ({@link PostgresServer#get()}: a server on
     * 127.0.0.1:5432 where there is one). Prints a line per command and {@code recipes: N passed, M failed}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Recipes <docs directory> <project directory>");
            System.exit(2);
        }
        Path docs = Path.of(args[0]);
        Path project = Path.of(args[1]).toAbsolutePath();
        Path jar;
        try (Stream<Path> files = Files.list(project.resolve("target"))) {
            jar = files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + project.resolve("target") + ": build the project first"));
        }
        String head;
        try (JarFile archive = new JarFile(jar.toFile())) {
            head = archive.getManifest().getMainAttributes().getValue("Retort-Head");
        }
        Path work = Files.createTempDirectory("retort-recipes");
        Report report = run(docs, Jar.PLAIN, jar, head, project, PostgresServer.get(), null, work);
        report.lines().forEach(System.out::println);
        report.failed().forEach(failure -> System.out.println("FAILED " + failure));
        if (report.failed().isEmpty()) {
            // Each command had its own copy of the jar and its libraries; kept only to look into a failure.
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        } else {
            System.out.println("The commands' directories are in " + work);
        }
        System.out.println("recipes: " + report.passed() + " passed, " + report.failed().size() + " failed");
        System.exit(report.failed().isEmpty() ? 0 : 1);
    }
}
