package dev.retort.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.Catalog;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * The start-up API as docs/release.md shows it: an application hands Retort its own {@link DataSource}. The
 * production guard holds there too, several instances starting at once apply each revision once, and the
 * connection goes back to the application with the session settings it had.
 */
@PostgresTest
class StartUpDataSourceTest {

    private static final String PACKAGE = "dev.retort.fixtures.linear";
    private static final List<String> LINEAR = List.of("a1b2c3d4e5f6", "3fa9c1b27d4e", "77e0d9c8b1a2");

    private final TestDatabase db;

    StartUpDataSourceTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl());
        ds.setUser(db.user());
        if (db.password() != null && !db.password().isEmpty()) {
            ds.setPassword(db.password());
        }
        return ds;
    }

    private static Retort.Builder startUp(DataSource ds) {
        return Retort.configure().dataSource(ds).migrationsPackage(PACKAGE).listener(MigrationListener.none());
    }

    @Test
    void productionIsRefusedUntilConfirmedThenUpgrades() {
        List<String> before = Catalog.snapshot(db);
        RetortException refused = assertThrows(RetortException.class, () -> {
            try (Retort retort = startUp(dataSource()).environment("production").load()) {
                retort.upgrade();
            }
        });
        assertTrue(refused.getMessage().startsWith("The database is a production database"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Nothing was changed."), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
        assertEquals(before, Catalog.snapshot(db), "the catalog is unchanged");
        assertNull(db.value("select to_regclass('retort_version')::text"), "not even Retort's tables were created");

        try (Retort retort = startUp(dataSource()).environment("production").confirmProduction(true).load()) {
            assertEquals(3, retort.upgrade().steps().size());
        }
        assertEquals(List.of("77e0d9c8b1a2"), db.column("select version_num from retort_version"));
        assertTrue(db.tableExists("author"));
    }

    @Test
    void fourInstancesStartingAtOnceApplyEachRevisionOnce() throws Exception {
        int instances = 4;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger stepsApplied = new AtomicInteger();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                PGSimpleDataSource ds = dataSource();
                runs.add(pool.submit(() -> {
                    start.await();
                    try (Retort retort = startUp(ds).load()) {
                        stepsApplied.addAndGet(retort.upgrade().steps().size());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, stepsApplied.get(), "one instance applied the three revisions, the others found nothing to do");
        assertEquals(List.of("77e0d9c8b1a2"), db.column("select version_num from retort_version"));
        for (String revision : LINEAR) {
            assertEquals("1", db.value("select count(*)::text from retort_history where revision = '" + revision + "' and direction = 'up' and success"),
                    revision + " applied once");
        }
        assertEquals("1", db.value("select count(*)::text from author where email = 'ob@example.com'"), "the data migration ran once");
    }

    @Test
    void theConnectionGoesBackWithTheSessionSettingsItHad() throws Exception {
        try (Connection physical = dataSource().getConnection()) {
            // An application's pool may configure its connections: Retort must leave them as it found them.
            try (Statement s = physical.createStatement()) {
                s.execute("set lock_timeout = '3s'");
                s.execute("set statement_timeout = '45s'");
            }
            SingleConnection ds = new SingleConnection(physical);
            try (Retort retort = startUp(ds).statementLockTimeout(java.time.Duration.ofSeconds(7))
                    .statementTimeout(java.time.Duration.ofSeconds(90)).load()) {
                assertEquals(3, retort.upgrade().steps().size());
            }
            assertTrue(ds.handedOut.get() > 0, "the run used the application's connection");
            assertEquals(ds.handedOut.get(), ds.handedBack.get(), "every connection Retort took was handed back");
            assertFalse(physical.isClosed(), "Retort does not close the application's connection");
            assertEquals("3s", setting(physical, "lock_timeout"));
            assertEquals("45s", setting(physical, "statement_timeout"));
            assertTrue(physical.getAutoCommit());
        }
        assertEquals(List.of("77e0d9c8b1a2"), db.column("select version_num from retort_version"));
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A data source over one physical connection, whose close only counts the hand-back, so the session can be inspected after. */
    private static final class SingleConnection implements DataSource {
        private final Connection physical;
        final AtomicInteger handedOut = new AtomicInteger();
        final AtomicInteger handedBack = new AtomicInteger();

        SingleConnection(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Connection getConnection() {
            handedOut.incrementAndGet();
            boolean[] closed = {false};
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "close" -> {
                                if (!closed[0]) {
                                    closed[0] = true;
                                    handedBack.incrementAndGet();
                                }
                                return null;
                            }
                            case "isClosed" -> {
                                return closed[0] || physical.isClosed();
                            }
                            default -> {
                                try {
                                    return method.invoke(physical, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            }
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no log
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // the connection is already open
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
