package dev.retort.h2.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.DevDatabase;

/** Throwaway H2 databases: in memory, in this process, shut down when closed. Nothing to install, no server, no Docker. */
final class H2DevDatabases {

    private static final String DRIVER = "org.h2.Driver";

    private H2DevDatabases() {
    }

    record Handle(String jdbcUrl, String user, String password) implements DevDatabase {
        /** Shuts the database down, which frees its memory. */
        @Override
        public void close() {
            try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException | RuntimeException e) {
                // it is gone already
            }
        }
    }

    static DevDatabase start(String spec, MigrationListener log) {
        String kind = spec == null ? "embedded" : spec.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("embedded") && !kind.equals("mem") && !kind.equals("memory") && !kind.equals("in-memory")) {
            throw new RetortException("{devDatabase} is '" + (spec == null ? "" : spec.trim()) + "'; H2's dev database is in memory, in this "
                    + "process: set {devDatabase} to mem (or embedded), which needs nothing installed.");
        }
        String url = "jdbc:h2:mem:retort_dev_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL) + ";DB_CLOSE_DELAY=-1";
        try (Connection c = connect(url)) {
            c.isValid(1);
        } catch (SQLException e) {
            throw new RetortException("Could not start an in-memory H2 dev database: " + e.getMessage(), e);
        }
        log.note("Started an in-memory H2 dev database (" + url + ").");
        return new Handle(url, "sa", "");
    }

    /** Through H2's driver itself, found by the loader of the application or of Retort. */
    static Connection connect(String url) throws SQLException {
        java.sql.Driver driver;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type;
            try {
                type = Class.forName(DRIVER, true, loader != null ? loader : H2DevDatabases.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                type = Class.forName(DRIVER, true, H2DevDatabases.class.getClassLoader());
            }
            driver = (java.sql.Driver) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new RetortException("H2's driver (com.h2database:h2) is not on the class path; add it to use an H2 dev database.", e);
        }
        Properties properties = new Properties();
        properties.setProperty("user", "sa");
        properties.setProperty("password", "");
        return driver.connect(url, properties);
    }
}
