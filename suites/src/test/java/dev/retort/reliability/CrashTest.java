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
import dev.retort.report.Reports;
import dev.retort.testing.EveryPlatform;
import dev.retort.testing.TestDatabase;

/**
 * SIGKILL at random moments during a 200-revision upgrade (20 times) and downgrade (10 times), several of them steered
 * into an index build or drop (PostgreSQL: CREATE or DROP INDEX CONCURRENTLY, outside a transaction; MariaDB and an H2 file: the middle
 * statement of a three-statement revision, whose DDL commits statement by statement). After each kill the version table
 * claims no revision whose changes are not all there, nothing past the next revision was started, no lock is left, and
 * where a revision was cut off, the history's unfinished row and {@code current} say at which statement, truthfully: the
 * statements before it stand, the ones after it do not. A plain rerun of the same command reaches the target.
 */
@EveryPlatform
class CrashTest {

    private static final long SEED = Long.getLong("retort.crash.seed", System.nanoTime());
    private final TestDatabase db;
    private final CrashProbes probes;
    private final String platform;
    private final Random random = new Random(SEED);
    private int killsInsideNonTransactional;

    CrashTest(TestDatabase db) {
        this.db = db;
        this.probes = CrashProbes.of(db);
        this.platform = db.platform();
    }

    private boolean postgres() {
        return "postgresql".equals(platform);
    }

    @Test
    void killedAtRandomTheDatabaseStaysAtARecordedRevisionAndARerunFinishes() throws Exception {
        System.out.println("crash test on " + platform + " seed: " + SEED + " (rerun with -Dretort.crash.seed=" + SEED + ")");
        // Down to revision 1 and not base on MariaDB: revision 1's INSERT has no reverse, so it is not killed (see CrashRevisions).
        String bottom = postgres() ? "base" : CrashRevisions.id(1);
        if (!postgres()) {
            run("up", CrashRevisions.id(1));
        }
        long started = System.nanoTime();
        for (int kill = 0; kill < 20; kill++) {
            // Every third kill waits for an index build, so the revisions of several statements get their share.
            killDuring("up", "head", kill % 3 == 0);
        }
        run("up", "head");
        assertEquals(List.of(CrashRevisions.id(CrashRevisions.COUNT)), db.column("select version_num from retort_version"));
        System.out.println("crash test on " + platform + ": 20 upgrade kills in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
        started = System.nanoTime();
        for (int kill = 0; kill < 10; kill++) {
            killDuring("down", bottom, kill % 3 == 0);
        }
        System.out.println("crash test on " + platform + ": 10 downgrade kills in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
        System.out.println("crash test on " + platform + ": " + killsInsideNonTransactional + " of 30 kills landed inside a "
                + (postgres() ? "non-transactional revision" : "revision of several DDL statements, past its first"));
        assertTrue(killsInsideNonTransactional >= 5, "at least 5 kills inside such a revision, got " + killsInsideNonTransactional);
        run("down", "base");
        assertEquals(List.of(), db.column("select version_num from retort_version"));
        for (int i = 1; i <= CrashRevisions.COUNT; i++) {
            for (String object : CrashRevisions.objects(platform, i)) {
                assertEquals("absent", probes.presence(object), object + " after the downgrade to base");
            }
        }
        run("up", "head");
        assertConsistent();
        assertEquals(List.of(CrashRevisions.id(CrashRevisions.COUNT)), db.column("select version_num from retort_version"));
    }

    private Process start(String direction, String target) throws Exception {
        return start(direction, target, ProcessBuilder.Redirect.DISCARD);
    }

    private Process start(String direction, String target, ProcessBuilder.Redirect output) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-cp", classPath, CrashRevisions.class.getName(), db.jdbcUrl(), db.user(),
                db.password() == null ? "" : db.password(), direction, target).redirectErrorStream(true)
                .redirectOutput(output).start();
    }

    private void run(String direction, String target) throws Exception {
        File log = File.createTempFile("crash-rerun", ".log");
        log.deleteOnExit();
        Process process = start(direction, target, ProcessBuilder.Redirect.to(log));
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "a rerun did not finish");
        assertEquals(0, process.exitValue(), () -> "a plain rerun after the kills succeeds: " + read(log));
        assertConsistent();
    }

    private static String read(File log) {
        try {
            return java.nio.file.Files.readString(log.toPath());
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private void killDuring(String direction, String target, boolean steer) throws Exception {
        boolean inIndexWork;
        // A steered kill holds the index work up, so it lands inside it however fast the server builds indexes.
        try (Connection holder = steer ? probes.holdIndexWork(db) : null) {
            Process process = start(direction, target);
            if (steer) {
                waitForIndexWork(process);
            } else {
                // A random point a few revisions on, so every kill interrupts work however fast the server runs them.
                waitForProgress(process, "up".equals(direction), 1 + random.nextInt(12));
                Thread.sleep(random.nextInt(15));
            }
            inIndexWork = probes.runningIndexWork();
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
            process.waitFor(30, TimeUnit.SECONDS);
            if (holder != null) {
                holder.rollback(); // lets the index work go: the killed run's session can then end
            }
        }
        waitForOrphanedSession();
        Unfinished unfinished = unfinished();
        if (postgres() ? inIndexWork && unfinished != null
                : unfinished != null && !CrashRevisions.transactional(number(unfinished.revision())) && unfinished.statement() >= 2) {
            killsInsideNonTransactional++;
        }
        assertConsistent();
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

    private int recordedRevision(Statement s) throws SQLException {
        if (!probes.versionTableExists(s)) {
            return 0;
        }
        try (ResultSet rs = s.executeQuery("select max(version_num) from retort_version")) {
            rs.next();
            String version = rs.getString(1);
            return version == null ? 0 : number(version);
        }
    }

    private static int number(String revision) {
        return Integer.parseInt(revision.substring(1));
    }

    /** Waits until the child runs an index build (or has finished, or 20 seconds pass). */
    private void waitForIndexWork(Process process) throws InterruptedException {
        for (int i = 0; i < 400 && process.isAlive(); i++) {
            if (probes.runningIndexWork()) {
                Thread.sleep(random.nextInt(60));
                return;
            }
            Thread.sleep(50);
        }
    }

    /** The newest history row when it never finished: the revision, its direction, and the statement it had started. */
    private record Unfinished(String revision, String direction, int statement) {
    }

    private Unfinished unfinished() {
        if (!db.tableExists("retort_history")) {
            return null;
        }
        List<String> row = db.column("select concat(revision, '|', direction, '|', coalesce(progress, 1)) from retort_history "
                + "where not success and execution_ms is null and id = (select max(id) from retort_history)");
        if (row.isEmpty()) {
            return null;
        }
        String[] parts = row.get(0).split("\\|");
        return new Unfinished(parts[0], parts[1], Integer.parseInt(parts[2]));
    }

    /** After SIGKILL the server finishes the statement it was running and only then notices; wait for that session to end. */
    private void waitForOrphanedSession() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (!probes.runLeftASession()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the killed run's session did not end within 30 s");
    }

    /**
     * The version table claims only what is there; nothing beyond the next revision was started; no lock is left. A
     * revision cut off part-way is the one the history's unfinished row names, and on a database whose DDL commits
     * statement by statement, the statements before the one that row says was started stand, and the ones after it do not;
     * {@code current} says so.
     */
    private void assertConsistent() throws SQLException {
        int at = recordedRevision();
        assertTrue(!probes.lockHeld(), "no migration lock is left behind");
        Unfinished unfinished = unfinished();
        // PostgreSQL: a downgrade killed inside a non-transactional revision leaves that revision recorded, its change
        // partly undone, and its history row unfinished; the rerun finishes it.
        String unfinishedDown = unfinished != null && "down".equals(unfinished.direction()) ? unfinished.revision() : null;
        for (int i = 1; i <= CrashRevisions.COUNT; i++) {
            List<String> objects = CrashRevisions.objects(platform, i);
            if (!postgres() && unfinished != null && unfinished.revision().equals(CrashRevisions.id(i))) {
                assertCutOffTruthfully(i, at, unfinished, objects);
                continue;
            }
            if (postgres() && i == at && !CrashRevisions.transactional(i) && CrashRevisions.id(i).equals(unfinishedDown)) {
                continue;
            }
            for (String object : objects) {
                String present = probes.presence(object);
                if (i <= at) {
                    assertEquals("present", present, "revision " + i + " is recorded (at " + at + ") but its " + object + " is " + present);
                } else if (i > at + 1 || CrashRevisions.transactional(i) || !postgres()) {
                    assertEquals("absent", present, "revision " + i + " is beyond the recorded " + at + " but its " + object + " is " + present);
                }
            }
        }
    }

    private void assertCutOffTruthfully(int i, int at, Unfinished unfinished, List<String> objects) {
        boolean up = "up".equals(unfinished.direction());
        assertEquals(up ? at + 1 : at, i, "the cut-off revision " + unfinished + " is the one after the recorded " + at);
        int statement = unfinished.statement();
        for (int k = 1; k <= objects.size(); k++) {
            // A downgrade drops the objects newest first: its statement k removes object (n + 1 - k).
            String object = up ? objects.get(k - 1) : objects.get(objects.size() - k);
            String present = probes.presence(object);
            if (k < statement) {
                assertEquals(up ? "present" : "absent", present, "statement " + k + " of " + unfinished + " ran: " + object);
            } else if (k > statement) {
                assertEquals(up ? "absent" : "present", present, "statement " + k + " of " + unfinished + " never started: " + object);
            }
        }
        try (Retort retort = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password())
                .revisions(CrashRevisions.all(platform)).listener(MigrationListener.none()).load()) {
            List<String> current = Reports.current(retort.status(), true);
            String said = unfinished.revision() + ": its " + unfinished.direction() + "grade was cut off at its statement " + statement;
            assertTrue(current.stream().anyMatch(line -> line.startsWith(said)), () -> "current must say '" + said + "': " + current);
        }
    }

    @Test
    void theHistoryHelperMigratesInProcessToo() {
        // The revisions themselves are sound: a plain upgrade and downgrade in this JVM.
        db.reset();
        try (Retort retort = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password())
                .revisions(CrashRevisions.all(platform)).listener(MigrationListener.none()).load()) {
            retort.upgrade("+25");
            assertEquals(List.of(CrashRevisions.id(25)), db.column("select version_num from retort_version"));
            retort.downgrade("base");
        }
    }
}
