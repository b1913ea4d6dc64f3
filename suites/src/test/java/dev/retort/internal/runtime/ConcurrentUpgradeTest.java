package dev.retort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.command.RunResult;
import dev.retort.testing.EveryPlatform;
import dev.retort.testing.TestDatabase;

/** Eight upgraders at once on one database: the advisory lock lets one work, the rest wait and find nothing to do. */
@EveryPlatform
class ConcurrentUpgradeTest {

    private static final int UPGRADERS = 8;
    private static final List<String> REVISIONS = List.of("c00000000001", "c00000000002", "c00000000003", "c00000000004", "c00000000005");

    private final TestDatabase db;

    ConcurrentUpgradeTest(TestDatabase db) {
        this.db = db;
    }

    /** The concurrent fixtures in this platform's SQL. */
    private String fixtures() {
        return db.platform().equals("postgresql") ? "dev.retort.fixtures.concurrent" : "dev.retort.fixtures." + db.platform() + ".concurrent";
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private void assertEveryRevisionAppliedExactlyOnce() {
        assertEquals(REVISIONS, db.column("select revision from applied_log order by revision"));
        assertEquals(REVISIONS, db.column("select revision from retort_history where direction = 'up' and success order by id"));
        assertEquals("0", db.value("select count(*) from retort_history where not success"));
        assertEquals(List.of("c00000000005"), db.column("select version_num from retort_version"));
    }

    @Test
    void eightThreadsWithTheirOwnConnections() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger waited = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(UPGRADERS);
        try {
            List<Future<RunResult>> runs = new ArrayList<>();
            for (int i = 0; i < UPGRADERS; i++) {
                runs.add(pool.submit(() -> {
                    try (Retort retort = Revs.configure(db)
                            .migrationsPackage(fixtures()).lockTimeout(Duration.ofSeconds(60))
                            .listener(new MigrationListener() {
                                @Override
                                public void lockWaiting(Duration timeout) {
                                    waited.incrementAndGet();
                                }
                            }).load()) {
                        start.await();
                        return retort.upgrade();
                    }
                }));
            }
            start.countDown();
            int applied = 0;
            int idle = 0;
            for (Future<RunResult> run : runs) {
                RunResult result = run.get(120, TimeUnit.SECONDS); // throws if any upgrader failed
                applied += result.steps().size();
                idle += result.nothingToDo() ? 1 : 0;
            }
            assertEquals(REVISIONS.size(), applied, "every revision is applied by exactly one upgrader");
            assertTrue(idle >= UPGRADERS - REVISIONS.size(), "the upgraders that waited found nothing left to do");
            assertTrue(waited.get() > 0, "at least one upgrader had to wait for the lock");
        } finally {
            pool.shutdownNow();
        }
        assertEveryRevisionAppliedExactlyOnce();
        assertEquals(String.valueOf(REVISIONS.size()), db.value("select count(distinct revision) from applied_log"));
    }

    @Test
    void eightSeparateJvmProcesses() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < UPGRADERS; i++) {
            processes.add(new ProcessBuilder(java, "-cp", classPath, UpgradeProcessMain.class.getName(), db.jdbcUrl(), db.user(),
                    db.password() == null ? "" : db.password(), fixtures()).redirectErrorStream(true).start());
        }
        int applied = 0;
        for (Process process : processes) {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "an upgrader process did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            String line = output.lines().filter(l -> l.startsWith("applied=")).findFirst().orElseThrow(() -> new AssertionError(output));
            applied += Integer.parseInt(line.substring("applied=".length()));
        }
        assertEquals(REVISIONS.size(), applied, "every revision is applied by exactly one process");
        assertEveryRevisionAppliedExactlyOnce();
    }

    @Test
    void aRunThatCannotGetTheLockInTimeFailsSayingWhoHoldsIt() throws Exception {
        boolean postgres = db.platform().equals("postgresql");
        try (var holder = db.connect(); var s = holder.createStatement()) {
            try (Retort retort = Revs.configure(db).migrationsPackage(fixtures())
                    .listener(MigrationListener.none()).lockTimeout(Duration.ofMillis(300)).load()) {
                long holderId;
                dev.retort.platform.MigrationLock.Held heldOnH2 = null;
                if (postgres) {
                    s.execute("select pg_advisory_lock(" + dev.retort.postgresql.internal.PostgresPlatform.advisoryLockKey("retort_version") + ")");
                    holderId = Long.parseLong(value(s, "select pg_backend_pid()"));
                } else if (db.platform().equals("h2")) {
                    heldOnH2 = new dev.retort.h2.internal.H2Platform().lock().acquire(holder, "retort_version", Duration.ZERO,
                            MigrationListener.none());
                    holderId = Long.parseLong(value(s, "select session_id()"));
                } else {
                    String lock = dev.retort.mysql.internal.MariaDbPlatform.lockName(db.name(), "`retort_version`");
                    assertEquals("1", value(s, "select get_lock('" + lock + "', 0)"));
                    holderId = Long.parseLong(value(s, "select connection_id()"));
                }
                dev.retort.RetortException e = org.junit.jupiter.api.Assertions.assertThrows(dev.retort.RetortException.class, retort::upgrade);
                String holderText = postgres ? "backend pid " + holderId : heldOnH2 != null
                        ? "the row 'retort_version' of retort_lock, held by session " + holderId + " of SA since "
                        : "GET_LOCK 'retort:" + db.name() + ":retort_version', held by connection " + holderId;
                assertTrue(e.getMessage().startsWith("Another migration run holds Retort's lock on this database (" + holderText),
                        e.getMessage());
                assertTrue(e.getMessage().endsWith("; gave up after 300 ms. Wait for it to finish, or raise the lock timeout."), e.getMessage());
            }
        }
        assertTrue(!db.tableExists("retort_version"));
    }

    private static String value(java.sql.Statement s, String sql) throws java.sql.SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
