package dev.retort.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.retort.containers.Docker;

/**
 * The one PostgreSQL server a test JVM uses, chosen once: {@code RETORT_TEST_JDBC_URL}, then
 * {@code 127.0.0.1:5432} as {@code postgres}, then a Testcontainers container where Docker is, then an embedded
 * PostgreSQL run from Maven artifacts (so a machine with only a JDK runs the tests too).
 * {@code RETORT_TEST_DB=url|local|container|embedded} forces a source. Nothing usable is an error, never a skip.
 */
public final class PostgresServer implements DatabaseServer {

    /** The image used when {@code RETORT_TEST_IMAGE} is not set. */
    public static final String DEFAULT_IMAGE = "postgres:17";

    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]*)/([^?]*)(\\?.*)?");
    private static final String HOW_TO_PROVIDE = "Provide a PostgreSQL server for the tests: set RETORT_TEST_JDBC_URL "
            + "(with RETORT_TEST_USER and RETORT_TEST_PASSWORD), start one on 127.0.0.1:5432 that accepts user postgres, "
            + "make Docker available so Testcontainers can start one (image from RETORT_TEST_IMAGE, default "
            + DEFAULT_IMAGE + "), or let the embedded PostgreSQL start (RETORT_TEST_DB=embedded; it needs a writable temporary directory).";

    private static PostgresServer instance;

    private final ServerSource source;
    private final String adminUrl;
    private final String user;
    private final String password;

    private PostgresServer(ServerSource source, String adminUrl, String user, String password) {
        this.source = source;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server for this JVM, located (and, for containers, started) on first use. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = locate(System.getenv());
        }
        return instance;
    }

    /**
     * The server for integration tests (Maven Invoker builds): as {@link #get()} when {@code RETORT_TEST_DB} is set,
     * otherwise a container wherever Docker works — the real set-up of a project that has Docker but no database —
     * and the usual order where it does not.
     */
    public static synchronized PostgresServer forIntegrationTests() {
        if (instance == null) {
            Map<String, String> env = System.getenv();
            boolean forced = !env.getOrDefault("RETORT_TEST_DB", "").isBlank();
            PostgresServer container = !forced && dockerAvailable() ? containerUnlessImagesMissing(env) : null;
            instance = container != null ? container : locate(env);
        }
        return instance;
    }

    static PostgresServer locate(Map<String, String> env) {
        String forced = env.getOrDefault("RETORT_TEST_DB", "").trim().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "url" -> fromUrl(env).orElseThrow("RETORT_TEST_DB=url but RETORT_TEST_JDBC_URL is not set. " + HOW_TO_PROVIDE);
            case "local" -> local(env).orElseThrow("RETORT_TEST_DB=local but no PostgreSQL answers on 127.0.0.1:5432 as user postgres. " + HOW_TO_PROVIDE);
            case "container" -> container(env);
            case "embedded" -> embedded();
            case "" -> {
                Attempt url = fromUrl(env);
                if (url.server != null) {
                    yield url.server;
                }
                Attempt local = local(env);
                if (local.server != null) {
                    yield local.server;
                }
                PostgresServer container = dockerAvailable() ? containerUnlessImagesMissing(env) : null;
                yield container != null ? container : embedded();
            }
            default -> throw new IllegalStateException("RETORT_TEST_DB is '" + forced + "'; use url, local, container or embedded.");
        };
    }

    private record Attempt(PostgresServer server, String failure) {
        PostgresServer orElseThrow(String message) {
            if (server == null) {
                throw new IllegalStateException(message + (failure == null ? "" : " (" + failure + ")"));
            }
            return server;
        }
    }

    private static Attempt fromUrl(Map<String, String> env) {
        String url = env.get("RETORT_TEST_JDBC_URL");
        if (url == null || url.isBlank()) {
            return new Attempt(null, null);
        }
        PostgresServer server = new PostgresServer(ServerSource.URL, url.trim(),
                env.getOrDefault("RETORT_TEST_USER", "postgres"), env.getOrDefault("RETORT_TEST_PASSWORD", ""));
        server.checkReachable();
        return new Attempt(server, null);
    }

    private static Attempt local(Map<String, String> env) {
        PostgresServer server = new PostgresServer(ServerSource.LOCAL, LOCAL_URL, "postgres", env.getOrDefault("PGPASSWORD", ""));
        try {
            server.ping();
            return new Attempt(server, null);
        } catch (SQLException e) {
            return new Attempt(null, "127.0.0.1:5432: " + e.getMessage());
        }
    }

    /**
     * Whether Docker answers. Testcontainers is only asked where a daemon may be, since it logs errors when it finds
     * none, and those would show in builds that then succeed on another source; and it is asked without its shared
     * client, which starts Ryuk (pulling Ryuk's image, for minutes where no registry answers).
     */
    private static boolean dockerAvailable() {
        return Docker.mayBeReachable(System.getenv()) && Docker.answers();
    }

    /**
     * A container when the images it needs are here or can be pulled; otherwise null, after one line saying so, and the
     * next source serves. Only a forced container source fails on a missing image.
     */
    static PostgresServer containerUnlessImagesMissing(Map<String, String> env) {
        String image = env.getOrDefault("RETORT_TEST_IMAGE", DEFAULT_IMAGE);
        String unavailable = TestImages.unavailable(image);
        if (unavailable != null) {
            System.err.println("retort-test-support: no PostgreSQL container: " + unavailable + "; using the next source "
                    + "(RETORT_TEST_DB=container insists on a container).");
            return null;
        }
        return startContainer(image);
    }

    /** An embedded PostgreSQL for this JVM, stopped when it exits (by the library's shutdown hook). */
    private static PostgresServer embedded() {
        long started = System.nanoTime();
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD).setErrorRedirector(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The embedded PostgreSQL for the tests did not start: " + e.getMessage() + ". " + HOW_TO_PROVIDE, e);
        }
        System.err.printf("retort-test-support: started an embedded PostgreSQL on port %d in %d ms%n", server.getPort(),
                (System.nanoTime() - started) / 1_000_000);
        // Not the library's URL, which carries user=postgres: a user given to a test must not be overridden by the URL.
        return new PostgresServer(ServerSource.EMBEDDED, "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", "");
    }

    private static PostgresServer container(Map<String, String> env) {
        String image = env.getOrDefault("RETORT_TEST_IMAGE", DEFAULT_IMAGE);
        if (!dockerAvailable()) {
            throw new IllegalStateException("RETORT_TEST_DB=container but Docker is not available. " + HOW_TO_PROVIDE);
        }
        String unavailable = TestImages.unavailable(image);
        if (unavailable != null) {
            throw new IllegalStateException("RETORT_TEST_DB=container but the " + unavailable + ". Set RETORT_TEST_IMAGE to an image "
                    + "Docker has (docker images). " + HOW_TO_PROVIDE);
        }
        return startContainer(image);
    }

    private static PostgresServer startContainer(String image) {
        @SuppressWarnings("resource") // stopped by the shutdown hook below, when the test JVM ends
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        long started = System.nanoTime();
        container.start();
        String id = container.getContainerId();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(container, id), "retort-test-postgres-stop"));
        System.err.printf("retort-test-support: started PostgreSQL container %s (%s) in %d ms%n",
                container.getContainerName(), image, (System.nanoTime() - started) / 1_000_000);
        return new PostgresServer(ServerSource.CONTAINER, container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    /**
     * Stops the container when the JVM ends. Inside Maven the class loader that started it may be gone
     * by then, so Testcontainers cannot load what {@code stop()} needs; the Docker CLI is the fallback.
     */
    private static void stop(PostgreSQLContainer container, String id) {
        try {
            container.stop();
        } catch (Throwable e) {
            try {
                new ProcessBuilder("docker", "rm", "-f", "-v", id).redirectErrorStream(true).start().waitFor();
            } catch (Exception ignored) {
                // nothing more can be done while the JVM shuts down
            }
        }
    }

    @Override
    public String platform() {
        return "postgresql";
    }

    /** Where this server came from. */
    @Override
    public ServerSource source() {
        return source;
    }

    /** Creates a fresh, empty database whose name starts with a sanitised form of {@code hint}. */
    @Override
    public TestDatabase createDatabase(String hint) {
        String base = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (base.length() > 40) {
            base = base.substring(base.length() - 40);
        }
        String name = "rt_" + base + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        adminExecute("create database " + name);
        return new TestDatabase(name, urlFor(name), user, password, source);
    }

    /**
     * Creates a login role with a password that owns the database, so a test can connect with credentials it chose
     * (and look for that password in logs) whatever authentication the server uses.
     */
    public void createOwner(TestDatabase database, String role, String password) {
        adminExecute("create role " + role + " login password '" + password.replace("'", "''") + "'");
        adminExecute("alter database " + database.name() + " owner to " + role);
    }

    /** Drops a role made by {@link #createOwner}, once its database is gone. */
    public void dropRole(String role) {
        adminExecute("drop role if exists " + role);
    }

    /** Drops a database made by {@link #createDatabase}, ending any session still connected to it. */
    @Override
    public void dropDatabase(TestDatabase database) {
        adminExecute("drop database if exists " + database.name() + " with (force)");
    }

    /** Drops every schema but the system ones and recreates an empty {@code public}. */
    @Override
    public void reset(TestDatabase database) {
        StringBuilder sql = new StringBuilder();
        for (String schema : database.column("select quote_ident(nspname) from pg_namespace where nspname not like 'pg\\_%' "
                + "and nspname <> 'information_schema'")) {
            sql.append("drop schema ").append(schema).append(" cascade;");
        }
        sql.append("create schema public");
        database.execute(sql.toString());
    }

    /** Whether a table of that name exists in the public schema. */
    @Override
    public boolean tableExists(TestDatabase database, String table) {
        return "t".equals(database.value("select (to_regclass('public.\"" + table.replace("\"", "\"\"") + "\"') is not null)::text::char"));
    }

    @Override
    public Connection open(String jdbcUrl, Properties properties) throws SQLException {
        return connect(jdbcUrl, properties);
    }

    @Override
    public javax.sql.DataSource dataSource(TestDatabase database) {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        if (database.password() != null && !database.password().isEmpty()) {
            dataSource.setPassword(database.password());
        }
        return dataSource;
    }

    String urlFor(String database) {
        Matcher m = JDBC_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException("Cannot read the test database URL " + adminUrl.replaceAll("password=[^&]*", "password=***")
                    + "; expected jdbc:postgresql://host[:port]/database[?params].");
        }
        return "jdbc:postgresql://" + m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** Connects once as the admin user: the server is there and lets us in. */
    private void ping() throws SQLException {
        try (Connection c = adminConnection()) {
            if (!c.isValid(5)) {
                throw new SQLException("the connection did not answer");
            }
        }
    }

    private void checkReachable() {
        try {
            ping();
        } catch (SQLException e) {
            throw new IllegalStateException("RETORT_TEST_JDBC_URL cannot be reached: " + e.getMessage() + ". " + HOW_TO_PROVIDE, e);
        }
    }

    private Connection adminConnection() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return connect(adminUrl, props);
    }

    /**
     * Connects through the driver itself rather than DriverManager, whose driver list depends on the
     * class loader that first touched it (in a Maven build, often not the one that holds the driver).
     */
    static Connection connect(String url, Properties props) throws SQLException {
        Connection connection = new org.postgresql.Driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + url.replaceAll("password=[^&]*", "password=***"));
        }
        return connection;
    }

    private void adminExecute(String sql) {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database administration failed (" + sql + "): " + e.getMessage(), e);
        }
    }
}
