package dev.retort.spring.boot.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.retort.testing.InvokerSupport;
import dev.retort.testing.DatabaseServer;
import dev.retort.testing.PostgresServer;
import dev.retort.testing.TestDatabases;
import dev.retort.testing.TestDatabase;

/**
 * One sample application's executable jar ({@code target/app.jar}) started with {@code java -jar} against a database,
 * and the scenario every sample IT runs with it. Applications listen on 127.0.0.1 on a free port; their output goes to
 * {@code <name>.log} beside the IT's build log.
 */
public final class SampleApp implements AutoCloseable {

    private static final String FIRST = "b0070a000001";
    private static final String SECOND = "b0070a000002";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final Process process;
    private final File log;
    private final int port;

    private SampleApp(Process process, File log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * The scenario: a fresh database is upgraded at start-up and the application reads and writes its entity over
     * HTTP; a second start applies nothing; an edited migration stops start-up with a one-line cause; three instances
     * started at once on another fresh database apply each revision once.
     */
    public static void scenario(File basedir, String bootVersion) throws Exception {
        scenario(basedir, bootVersion, true);
    }

    /**
     * The scenario, with or without the three instances at once (a suite may cover concurrent upgraders on its
     * platform instead: eight JVMs in {@code ConcurrentUpgradeTest} on MariaDB).
     */
    public static void scenario(File basedir, String bootVersion, boolean threeAtOnce) throws Exception {
        TestDatabase db = InvokerSupport.database(basedir);
        try {
            try (SampleApp app = start(basedir, db, "first-start")) {
                app.awaitStarted();
                check(app.output().contains("Upgraded 2 revisions"), "the first start upgrades both revisions", app);
                check(app.output().contains("(v" + bootVersion + ")"), "the application runs on Spring Boot " + bootVersion, app);
                String created = app.request("POST", "/notes?author=ada", "first note");
                check(created.contains("\"text\":\"first note\"") && created.contains("\"author\":\"ada\""), "the note is written: " + created, app);
                String all = app.request("GET", "/notes", null);
                check(all.contains("first note"), "the note is read back: " + all, app);
                String endpoint = app.request("GET", "/actuator/retort", null);
                check(endpoint.contains("\"id\":\"" + SECOND + "\"") && endpoint.contains("\"state\":\"applied\"")
                        && !endpoint.contains("\"state\":\"pending\""), "the actuator endpoint lists both revisions as applied: " + endpoint, app);
            }
            check(db.column("select revision from retort_history order by revision").equals(List.of(FIRST, SECOND)),
                    "the history has each revision once", null);

            try (SampleApp app = start(basedir, db, "second-start")) {
                app.awaitStarted();
                check(app.output().contains("Nothing to do: the database is already at " + SECOND + "."), "the second start applies nothing", app);
                check(app.request("GET", "/notes", null).contains("first note"), "the data is still there", app);
            }
            check(db.value("select count(*) from retort_history").equals("2"), "nothing more was recorded", null);

            db.execute("update retort_history set checksum = 'edited' where revision = '" + FIRST + "'");
            try (SampleApp app = start(basedir, db, "edited-start")) {
                int code = app.awaitExit();
                check(code != 0, "start-up fails on an edited migration", app);
                String cause = app.output().lines().filter(line -> line.startsWith("Retort: ")).findFirst().orElse("");
                check(cause.startsWith("Retort: Migration " + FIRST) && cause.contains("was edited after it was applied"),
                        "one line says which migration was edited: " + cause, app);
                check(!app.output().contains("Started Application"), "the application did not start", app);
            }
        } finally {
            server(db).dropDatabase(db);
        }
        if (threeAtOnce) {
            threeAtOnce(basedir, db.platform());
        }
    }

    /** Three instances against one fresh database: one applies the revisions, the others wait and find nothing to do. */
    private static void threeAtOnce(File basedir, String platform) throws Exception {
        DatabaseServer server = "postgresql".equals(platform) ? PostgresServer.forIntegrationTests() : TestDatabases.server(platform);
        TestDatabase db = server.createDatabase("it_" + basedir.getName() + "_three");
        List<SampleApp> apps = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                apps.add(start(basedir, db, "concurrent-" + i));
            }
            for (SampleApp app : apps) {
                app.awaitStarted();
            }
            check(db.column("select concat(revision, ' ', count(*)) from retort_history group by revision order by revision")
                    .equals(List.of(FIRST + " 1", SECOND + " 1")), "each revision was applied once", null);
            check(db.column("select version_num from retort_version").equals(List.of(SECOND)), "the database is at head", null);
            long upgraded = apps.stream().filter(app -> app.output().contains("Upgraded 2 revisions")).count();
            long nothing = apps.stream().filter(app -> app.output().contains("Nothing to do: the database is already at " + SECOND)).count();
            check(upgraded == 1 && nothing == 2, "one instance upgraded, two found nothing to do (" + upgraded + ", " + nothing + ")", null);
            for (String revision : List.of(FIRST, SECOND)) {
                long lines = apps.stream().flatMap(app -> app.output().lines())
                        .filter(line -> line.contains("dev.retort") && line.contains("-> " + revision + ",")).count();
                check(lines == 1, "the logs show " + revision + " applied once, not " + lines + " times", null);
            }
            for (SampleApp app : apps) {
                check(app.request("GET", "/notes", null).equals("[]"), "every instance serves requests", app);
            }
        } finally {
            for (SampleApp app : apps) {
                app.close();
            }
            server.dropDatabase(db);
        }
    }

    /** The server a database is on: PostgreSQL's for the ITs, or MariaDB's. */
    private static DatabaseServer server(TestDatabase db) {
        return "postgresql".equals(db.platform()) ? PostgresServer.forIntegrationTests() : TestDatabases.server(db.platform());
    }

    /** Starts the IT's jar with the database as Spring's datasource properties. */
    static SampleApp start(File basedir, TestDatabase db, String name) throws IOException {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", db.user());
        env.put("SPRING_DATASOURCE_PASSWORD", db.password() == null ? "" : db.password());
        return start(basedir, env, name);
    }

    /** Starts the IT's jar with these environment variables (and no {@code DATABASE_URL} from the build's). */
    static SampleApp start(File basedir, java.util.Map<String, String> env, String name) throws IOException {
        int port = freePort();
        File log = new File(basedir, name + ".log");
        String java = new File(System.getProperty("java.home"), "bin/java").getPath();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                new File(basedir, "target/app.jar").getPath(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(log).directory(basedir);
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(env);
        return new SampleApp(builder.start(), log, port);
    }

    void awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains("Started Application")) {
                return;
            }
            if (!process.isAlive()) {
                check(false, "the application exited with " + process.exitValue() + " before it started", this);
            }
            Thread.sleep(200);
        }
        check(false, "the application did not start within " + START_TIMEOUT.toSeconds() + " s", this);
    }

    int awaitExit() throws InterruptedException {
        check(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the application did not stop by itself", this);
        return process.exitValue();
    }

    String request(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "text/plain").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        check(response.statusCode() == 200, method + " " + path + " answered " + response.statusCode() + ": " + response.body(), this);
        return response.body();
    }

    String output() {
        try {
            return Files.readString(log.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the application: politely, then by force after 30 s or when this thread is interrupted meanwhile. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void check(boolean condition, String message, SampleApp app) {
        if (!condition) {
            throw new AssertionError(message + (app == null ? "" : "\n--- " + app.log.getName() + " ---\n" + app.output()));
        }
    }
}
