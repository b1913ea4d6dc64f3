package dev.retort.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.testing.TestDatabase;

/**
 * SIGKILL at random moments during a 200-revision upgrade (20 times) and downgrade (10 times), several of them steered
 * into a CREATE or DROP INDEX CONCURRENTLY: after each kill the version table claims no revision whose changes are not all
 * there (but for a non-transactional downgrade the history marks unfinished), nothing past the next revision was started,
 * no lock is left, and a plain rerun reaches the target.
 */
// On PostgreSQL only for now: its kills need the engine to record progress statement by statement where DDL is not transactional, and its probes (pg_stat_activity, pg_locks, pg_index, CREATE INDEX CONCURRENTLY) are PostgreSQL's.
// Its MariaDB run is still to be written (docs/mariadb-mysql.md, "What is tested where").
@org.junit.jupiter.params.ParameterizedClass(name = "on {argumentSetName}")
@org.junit.jupiter.params.provider.MethodSource("dev.retort.testing.TestDatabases#onPostgreSQL")
class CrashTest {

    private static final long SEED = Long.getLong("retort.crash.seed", System.nanoTime());
    private final TestDatabase db;
    private final Random random = new Random(SEED);
    private int killsInsideNonTransactional;

    CrashTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void killedAtRandomTheDatabaseStaysAtARecordedRevisionAndARerunFinishes() throws Exception {
        System.out.println("crash test seed: " + SEED + " (rerun with -Dretort.crash.seed=" + SEED + ")");
        for (int kill = 0; kill < 20; kill++) {
            // Every third kill waits for an index build, so non-transactional revisions get their share.
            killDuring("up", "head", kill % 3 == 0);
        }
        run("up", "head");
        assertEquals(List.of(CrashRevisions.id(CrashRevisions.COUNT)), db.column("select version_num from retort_version"));
        for (int kill = 0; kill < 10; kill++) {
            killDuring("down", "base", kill % 3 == 0);
        }
        System.out.println("crash test: " + killsInsideNonTransactional + " of 30 kills landed inside a non-transactional revision");
        assertTrue(killsInsideNonTransactional >= 5, "at least 5 kills inside a non-transactional revision, got " + killsInsideNonTransactional);
        run("down", "base");
        assertEquals(List.of(), db.column("select version_num from retort_version"));
        assertEquals(List.of(), db.column("select relname::text from pg_class where relname like 't\\_%' or relname like 'ix\\_big\\_%'"));
        run("up", "head");
        assertConsistent();
        assertEquals(List.of(CrashRevisions.id(CrashRevisions.COUNT)), db.column("select version_num from retort_version"));
    }

    private Process start(String direction, String target) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-cp", classPath, CrashRevisions.class.getName(), db.jdbcUrl(), db.user(),
                db.password() == null ? "" : db.password(), direction, target).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void run(String direction, String target) throws Exception {
        Process process = start(direction, target);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "a rerun did not finish");
        assertEquals(0, process.exitValue(), "a plain rerun after the kills succeeds");
        assertConsistent();
    }

    private void killDuring(String direction, String target, boolean steer) throws Exception {
        boolean inNonTransactional;
        // A steered kill holds the index work up (below), so it lands inside it however fast the server builds indexes.
        try (Connection holder = steer ? holdIndexWork() : null) {
            Process process = start(direction, target);
            if (steer) {
                waitForIndexWork(process);
            } else {
                // A random point a few revisions on, so every kill interrupts work however fast the server runs them.
                waitForProgress(process, "up".equals(direction), 1 + random.nextInt(12));
                Thread.sleep(random.nextInt(15));
            }
            inNonTransactional = runningNonTransactional();
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
            process.waitFor(30, TimeUnit.SECONDS);
            if (holder != null) {
                holder.rollback(); // lets the index work go: the killed run's backend can then end
            }
        }
        waitForOrphanedBackend();
        if (inNonTransactional && hasUnfinishedNonTransactionalRow()) {
            killsInsideNonTransactional++;
        }
        assertConsistent();
    }

    /**
     * A transaction that keeps the next concurrent index build or drop waiting until it ends: CREATE INDEX CONCURRENTLY
     * waits for older snapshots, DROP INDEX CONCURRENTLY for readers of the table. The wait is well within the run's
     * lock_timeout, and the killed session finishes its statement once this transaction ends.
     */
    private Connection holdIndexWork() throws SQLException {
        Connection holder = db.connect();
        holder.setAutoCommit(false);
        holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = holder.createStatement()) {
            s.execute(db.tableExists("big") ? "select count(*) from big where false" : "select 1");
        }
        return holder;
    }

    /** Waits until the child has moved the version table by {@code revisions} (or has finished, or 60 seconds pass). */
    private void waitForProgress(Process process, boolean up, int revisions) throws Exception {
        // One connection for the polling: a new one every 10 ms would load the server the run is measured on.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            int from = recordedRevision(s);
            for (int i = 0; i < 6000 && process.isAlive(); i++) {
                int at = recordedRevision(s);
                if (up ? at >= from + revisions : at <= from - revisions) {
                    return;
                }
                Thread.sleep(10);
            }
        }
    }

    /** The revision number the version table records; 0 for base or before Retort's tables exist. */
    private int recordedRevision() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            return recordedRevision(s);
        }
    }

    private static int recordedRevision(Statement s) throws SQLException {
        try (ResultSet exists = s.executeQuery("select to_regclass('retort_version') is not null")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return 0;
            }
        }
        try (ResultSet rs = s.executeQuery("select max(version_num) from retort_version")) {
            rs.next();
            String version = rs.getString(1);
            return version == null ? 0 : Integer.parseInt(version.substring(1));
        }
    }

    /** Waits until the child runs an index build (or has finished, or 20 seconds pass). */
    private void waitForIndexWork(Process process) throws InterruptedException {
        for (int i = 0; i < 400 && process.isAlive(); i++) {
            if (runningNonTransactional()) {
                Thread.sleep(random.nextInt(60));
                return;
            }
            Thread.sleep(50);
        }
    }

    private boolean runningNonTransactional() {
        return !"0".equals(db.value("select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
                + "and state = 'active' and (query ilike 'create index concurrently%' or query ilike 'drop index concurrently%')"));
    }

    private boolean hasUnfinishedNonTransactionalRow() {
        return !"0".equals(db.value("select count(*) from retort_history h where not success and execution_ms is null "
                + "and id = (select max(id) from retort_history)"));
    }

    /** After SIGKILL the server finishes the statement it was running and only then notices; wait for that session to end. */
    private void waitForOrphanedBackend() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if ("0".equals(db.value("select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
                    + "and application_name = 'retort'"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the killed run's session did not end within 30 s");
    }

    /** The version table claims only what is there; nothing beyond the next revision was started; no lock is left. */
    private void assertConsistent() throws SQLException {
        int at = recordedRevision();
        assertEquals("0", db.value("select count(*) from pg_locks where locktype = 'advisory' "
                + "and database = (select oid from pg_database where datname = current_database())"), "no migration lock is left behind");
        // A downgrade killed inside a non-transactional revision leaves that revision recorded, its change partly
        // undone, and its history row unfinished; the rerun finishes it.
        String unfinishedDown = !db.tableExists("retort_history") ? null : db.value("select revision from retort_history "
                + "where not success and execution_ms is null and direction = 'down' and id = (select max(id) from retort_history)");
        for (int i = 1; i <= CrashRevisions.COUNT; i++) {
            String present = presence(i);
            if (i == at && !CrashRevisions.transactional(i) && CrashRevisions.id(i).equals(unfinishedDown)) {
                continue;
            }
            if (i <= at) {
                assertEquals("present", present, "revision " + i + " is recorded (at " + at + ") but its change is " + present);
            } else if (i > at + 1 || CrashRevisions.transactional(i)) {
                assertEquals("absent", present, "revision " + i + " is beyond the recorded " + at + " but its change is " + present);
            }
        }
    }

    private String presence(int i) {
        if (i == 1) {
            return db.tableExists("big") ? "present" : "absent";
        }
        if (CrashRevisions.transactional(i)) {
            return db.tableExists("t_" + i) ? "present" : "absent";
        }
        String valid = db.value("select indisvalid::text from pg_index where indexrelid = to_regclass('ix_big_" + i + "')");
        return valid == null ? "absent" : "true".equals(valid) ? "present" : "invalid";
    }

    @Test
    void theHistoryHelperMigratesInProcessToo() {
        // The revisions themselves are sound: a plain upgrade and downgrade in this JVM.
        try (Retort retort = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password()).revisions(CrashRevisions.all())
                .listener(MigrationListener.none()).load()) {
            retort.upgrade("+25");
            assertEquals(List.of(CrashRevisions.id(25)), db.column("select version_num from retort_version"));
            retort.downgrade("base");
        }
    }
}
