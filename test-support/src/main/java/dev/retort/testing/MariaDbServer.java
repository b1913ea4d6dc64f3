package dev.retort.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.utility.DockerImageName;

import dev.retort.containers.Docker;

/**
 * The one MariaDB server a test JVM uses, chosen once: {@code RETORT_TEST_MARIADB_URL} (with
 * {@code RETORT_TEST_MARIADB_USER} and {@code RETORT_TEST_MARIADB_PASSWORD}), then {@code 127.0.0.1:3306} as
 * {@code root}, then a Testcontainers container of {@code RETORT_TEST_MARIADB_IMAGE} where Docker is.
 * {@code RETORT_TEST_DB=url|local|container} forces a source, as for PostgreSQL; there is no embedded MariaDB.
 * Nothing usable is an error, never a skip.
 */
public final class MariaDbServer implements DatabaseServer {

    /** The image used when {@code RETORT_TEST_MARIADB_IMAGE} is not set. */
    public static final String DEFAULT_IMAGE = "mariadb:11";

    private static final String LOCAL_URL = "jdbc:mariadb://127.0.0.1:3306/";
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:mariadb://([^/?]*)/?([^?]*)(\\?.*)?");
    private static final String HOW_TO_PROVIDE = "Provide a MariaDB server for the tests: set RETORT_TEST_MARIADB_URL (with "
            + "RETORT_TEST_MARIADB_USER and RETORT_TEST_MARIADB_PASSWORD), start one on 127.0.0.1:3306 that lets root in without a "
            + "password (start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd), or make Docker available so "
            + "Testcontainers can start one (image from RETORT_TEST_MARIADB_IMAGE, default " + DEFAULT_IMAGE + "); "
            + "RETORT_TEST_PLATFORMS=postgresql runs the suites without MariaDB.";

    private static MariaDbServer instance;

    private final ServerSource source;
    private final String adminUrl;
    private final String user;
    private final String password;

    private MariaDbServer(ServerSource source, String adminUrl, String user, String password) {
        this.source = source;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server for this JVM, located (and, for a container, started) on first use. */
    public static synchronized MariaDbServer get() {
        if (instance == null) {
            instance = locate(System.getenv());
        }
        return instance;
    }

    static MariaDbServer locate(Map<String, String> env) {
        String forced = env.getOrDefault("RETORT_TEST_DB", "").trim().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "url" -> fromUrl(env, true);
            case "local" -> {
                MariaDbServer local = local(env);
                if (local == null) {
                    throw new IllegalStateException("RETORT_TEST_DB=local but no MariaDB answers on 127.0.0.1:3306 as root (" + localFailure
                            + "). " + HOW_TO_PROVIDE);
                }
                yield local;
            }
            case "container" -> container(env);
            case "embedded" -> throw new IllegalStateException("RETORT_TEST_DB=embedded but there is no embedded MariaDB; run the suites "
                    + "on PostgreSQL alone (RETORT_TEST_PLATFORMS=postgresql), or choose url, local or container.");
            case "" -> {
                MariaDbServer url = fromUrl(env, false);
                if (url != null) {
                    yield url;
                }
                MariaDbServer local = local(env);
                if (local != null) {
                    yield local;
                }
                if (Docker.mayBeReachable(env) && Docker.answers()) {
                    yield container(env);
                }
                throw new IllegalStateException("No MariaDB server for the tests (" + localFailure + "). " + HOW_TO_PROVIDE);
            }
            default -> throw new IllegalStateException("RETORT_TEST_DB is '" + forced + "'; use url, local or container.");
        };
    }

    private static MariaDbServer fromUrl(Map<String, String> env, boolean required) {
        String url = env.get("RETORT_TEST_MARIADB_URL");
        if (url == null || url.isBlank()) {
            if (required) {
                throw new IllegalStateException("RETORT_TEST_DB=url but RETORT_TEST_MARIADB_URL is not set. " + HOW_TO_PROVIDE);
            }
            return null;
        }
        MariaDbServer server = new MariaDbServer(ServerSource.URL, url.trim(), env.getOrDefault("RETORT_TEST_MARIADB_USER", "root"),
                env.getOrDefault("RETORT_TEST_MARIADB_PASSWORD", ""));
        try {
            server.ping();
        } catch (SQLException e) {
            throw new IllegalStateException("RETORT_TEST_MARIADB_URL cannot be reached: " + e.getMessage() + ". " + HOW_TO_PROVIDE, e);
        }
        return server;
    }

    /** Why the local server did not answer, for the message when no source serves. */
    private static String localFailure;

    private static MariaDbServer local(Map<String, String> env) {
        MariaDbServer server = new MariaDbServer(ServerSource.LOCAL, LOCAL_URL, "root", env.getOrDefault("MYSQL_PWD", ""));
        try {
            server.ping();
            return server;
        } catch (SQLException e) {
            localFailure = "127.0.0.1:3306: " + e.getMessage();
            return null;
        }
    }

    private static MariaDbServer container(Map<String, String> env) {
        String image = env.getOrDefault("RETORT_TEST_MARIADB_IMAGE", DEFAULT_IMAGE);
        if (!Docker.mayBeReachable(env) || !Docker.answers()) {
            throw new IllegalStateException("RETORT_TEST_DB=container but Docker is not available. " + HOW_TO_PROVIDE);
        }
        String unavailable = TestImages.unavailable(image);
        if (unavailable != null) {
            throw new IllegalStateException("No MariaDB container: the " + unavailable + ". Set RETORT_TEST_MARIADB_IMAGE to an image Docker "
                    + "has (docker images). " + HOW_TO_PROVIDE);
        }
        @SuppressWarnings("resource") // stopped when the test JVM ends
        MariaDBContainer container = new MariaDBContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("mariadb"));
        long started = System.nanoTime();
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "retort-test-mariadb-stop"));
        System.err.printf("retort-test-support: started MariaDB container %s (%s) in %d ms%n", container.getContainerName(), image,
                (System.nanoTime() - started) / 1_000_000);
        // As root, so the tests can create and drop databases.
        return new MariaDbServer(ServerSource.CONTAINER, container.getJdbcUrl(), "root", container.getPassword());
    }

    @Override
    public String platform() {
        return "mariadb";
    }

    @Override
    public ServerSource source() {
        return source;
    }

    @Override
    public TestDatabase createDatabase(String hint) {
        String base = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (base.length() > 40) {
            base = base.substring(base.length() - 40);
        }
        String name = "rt_" + base + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        adminExecute("CREATE DATABASE " + name);
        return new TestDatabase(name, urlFor(name), user, password, source);
    }

    /** Ends every session still in the database (a killed test's), then drops it. */
    @Override
    public void dropDatabase(TestDatabase database) {
        try (Connection c = admin()) {
            endSessions(c, database.name());
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database.name());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test database administration failed (drop " + database.name() + "): " + e.getMessage(), e);
        }
    }

    private static void endSessions(Connection c, String database) throws SQLException {
        List<Long> sessions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sessions.add(rs.getLong(1));
                }
            }
        }
        for (long id : sessions) {
            try (Statement s = c.createStatement()) {
                s.execute("KILL " + id);
            } catch (SQLException gone) {
                // it ended on its own meanwhile
            }
        }
    }

    /** Drops the database and creates it again: every table, view, sequence and routine of the tests gone. */
    @Override
    public void reset(TestDatabase database) {
        adminExecute("DROP DATABASE IF EXISTS " + database.name());
        adminExecute("CREATE DATABASE " + database.name());
    }

    @Override
    public boolean tableExists(TestDatabase database, String table) {
        return !"0".equals(database.value("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '"
                + table.replace("'", "''") + "'"));
    }

    @Override
    public Connection open(String jdbcUrl, Properties properties) throws SQLException {
        return connect(jdbcUrl, properties);
    }

    @Override
    public javax.sql.DataSource dataSource(TestDatabase database) {
        try {
            org.mariadb.jdbc.MariaDbDataSource dataSource = new org.mariadb.jdbc.MariaDbDataSource(database.jdbcUrl());
            dataSource.setUser(database.user());
            if (database.password() != null && !database.password().isEmpty()) {
                dataSource.setPassword(database.password());
            }
            return dataSource;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot make a data source for " + database + ": " + e.getMessage(), e);
        }
    }

    String urlFor(String database) {
        Matcher m = JDBC_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException("Cannot read the test database URL " + adminUrl.replaceAll("password=[^&]*", "password=***")
                    + "; expected jdbc:mariadb://host[:port]/[database][?params].");
        }
        return "jdbc:mariadb://" + m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    private void ping() throws SQLException {
        try (Connection c = admin()) {
            if (!c.isValid(5)) {
                throw new SQLException("the connection did not answer");
            }
        }
    }

    private Connection admin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5000");
        return connect(adminUrl, props);
    }

    /** Through the driver itself, not DriverManager (whose driver list depends on the class loader that first touched it). */
    static Connection connect(String url, Properties props) throws SQLException {
        Connection connection = new org.mariadb.jdbc.Driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("Not a MariaDB JDBC URL: " + url.replaceAll("password=[^&]*", "password=***"));
        }
        return connection;
    }

    private void adminExecute(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database administration failed (" + sql + "): " + e.getMessage(), e);
        }
    }
}
