package dev.retort.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * H2 for the tests: a fresh file database per test class (or per platform run of a suite) in a temporary directory,
 * opened by the test JVM with {@code AUTO_SERVER=TRUE}, so processes the tests start reach it through the test JVM, as
 * several instances of an application reach one file; kept open until dropped ({@code DB_CLOSE_DELAY=-1}), its files
 * deleted then. Nothing to install; always available.
 */
public final class H2Server implements DatabaseServer {

    private static final H2Server INSTANCE = new H2Server();

    private H2Server() {
    }

    /** The one H2 "server": the driver in this JVM. */
    public static H2Server get() {
        return INSTANCE;
    }

    @Override
    public String platform() {
        return "h2";
    }

    /** Embedded: run in this JVM from the driver's jar. */
    @Override
    public ServerSource source() {
        return ServerSource.EMBEDDED;
    }

    @Override
    public TestDatabase createDatabase(String hint) {
        String base = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (base.length() > 40) {
            base = base.substring(base.length() - 40);
        }
        String name = "rt_" + base + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        return new TestDatabase(name, "jdbc:h2:file:" + directory().resolve(name).toAbsolutePath() + ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1",
                "sa", "", ServerSource.EMBEDDED);
    }

    private static java.nio.file.Path directory;

    /** The directory of this JVM's test databases, deleted when it ends. */
    private static synchronized java.nio.file.Path directory() {
        if (directory == null) {
            try {
                directory = java.nio.file.Files.createTempDirectory("retort-h2-");
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create a directory for H2 test databases: " + e.getMessage(), e);
            }
            java.nio.file.Path created = directory;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created), "retort-test-h2-cleanup"));
        }
        return directory;
    }

    private static void delete(java.nio.file.Path path) {
        try (var files = java.nio.file.Files.walk(path)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary directory; the system clears it in time
        }
    }

    /** A file database in a directory, for the tests that need one to outlive its process or be opened by another. */
    public TestDatabase createFileDatabase(java.nio.file.Path directory, String name) {
        return new TestDatabase(name, "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath(), "sa", "", ServerSource.EMBEDDED);
    }

    /** Shuts the database down, which ends every session in it, and deletes its files. */
    @Override
    public void dropDatabase(TestDatabase database) {
        try (Connection c = open(database.jdbcUrl(), credentials(database)); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            if (e.getErrorCode() != 90121) { // closed already
                throw new IllegalStateException("Test database administration failed (drop " + database.name() + "): " + e.getMessage(), e);
            }
        }
        String url = database.jdbcUrl();
        if (url.startsWith("jdbc:h2:file:")) {
            String path = url.substring("jdbc:h2:file:".length()).split(";")[0];
            for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
                new java.io.File(path + suffix).delete();
            }
        }
    }

    /** Drops every object, Retort's lock table included. */
    @Override
    public void reset(TestDatabase database) {
        database.execute("DROP ALL OBJECTS");
    }

    @Override
    public boolean tableExists(TestDatabase database, String table) {
        return !"0".equals(database.value("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND "
                + "(TABLE_NAME = '" + table.replace("'", "''") + "' OR TABLE_NAME = UPPER('" + table.replace("'", "''") + "'))"));
    }

    @Override
    public Connection open(String jdbcUrl, Properties properties) throws SQLException {
        Connection connection = new org.h2.Driver().connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("Not an H2 JDBC URL: " + jdbcUrl);
        }
        return connection;
    }

    @Override
    public javax.sql.DataSource dataSource(TestDatabase database) {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password() == null ? "" : database.password());
        return dataSource;
    }

    private static Properties credentials(TestDatabase database) {
        Properties props = new Properties();
        props.setProperty("user", database.user());
        props.setProperty("password", database.password() == null ? "" : database.password());
        return props;
    }
}
