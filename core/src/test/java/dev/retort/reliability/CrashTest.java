package dev.retort.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * SIGKILL at random moments during a 200-revision upgrade (20 times) and downgrade (10 times), several of them steered
 * into a CREATE INDEX CONCURRENTLY: after each kill the version table claims no revision whose changes are not all
 * there, nothing past the next revision was started, no lock is left, and a plain rerun reaches the target.
 */
@PostgresTest
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
        Process process = start(direction, target);
        if (steer) {
            waitForIndexWork(process);
        } else {
            Thread.sleep(300 + random.nextInt(2500));
        }
        boolean inNonTransactional = runningNonTransactional();
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
        process.waitFor(30, TimeUnit.SECONDS);
        waitForOrphanedBackend();
        if (inNonTransactional && hasUnfinishedNonTransactionalRow()) {
            killsInsideNonTransactional++;
        }
        assertConsistent();
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
    private void assertConsistent() {
        String version = db.value("select max(version_num) from retort_version where exists (select 1 from pg_class where relname = 'retort_version')");
        int at = version == null ? 0 : Integer.parseInt(version.substring(1));
        assertEquals("0", db.value("select count(*) from pg_locks where locktype = 'advisory' "
                + "and database = (select oid from pg_database where datname = current_database())"), "no migration lock is left behind");
        for (int i = 1; i <= CrashRevisions.COUNT; i++) {
            String present = presence(i);
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
