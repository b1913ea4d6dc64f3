package dev.retort.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.RunResult;
import dev.retort.operation.Backfill;
import dev.retort.testing.Revs;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * The batched backfill on a real database: batches committed with their progress, killed midway (kill -9 of the JVM
 * running it) and resumed, every row updated exactly once; run again when finished, it does nothing.
 */
// Rolling deploys are built for PostgreSQL and MariaDB; H2 serves development, not rolling production deploys.
@ParameterizedClass(name = "on {argumentSetName}")
@MethodSource("platforms")
class BackfillTest {

    static Stream<Arguments> platforms() {
        return TestDatabases.onPlatforms("postgresql", "mariadb");
    }

    private static final int ROWS = 2000;

    private final TestDatabase db;

    BackfillTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void items() {
        db.reset();
        db.execute("create table items (id bigint primary key, n int not null default 0)");
        // Ids 1 to 2000 from digits, in SQL both databases run (MariaDB has no generate_series).
        db.execute("insert into items (id) select a.d * 200 + b.d * 20 + c.n + 1 from " + digits("a") + ", " + digits("b") + ", ("
                + "select a.d * 10 + b.d as n from " + digits("a") + ", " + digits("b") + " where a.d * 10 + b.d < 20) c");
    }

    @Test
    void aBackfillKilledMidwayResumesWhereItStoppedAndUpdatesEveryRowExactlyOnce() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BackfillChild.class.getName(), db.jdbcUrl(), db.user(),
                db.password() == null ? "" : db.password()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long done = 0;
            while (done < 300) {
                assertTrue(System.nanoTime() < deadline, "the child never got 300 rows in");
                assertTrue(child.isAlive(), "the child ended before it was killed: exit " + (child.isAlive() ? "" : child.exitValue()));
                Thread.sleep(50);
                done = rowsDone();
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback but the server's
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child did not die");
        }
        long committed = rowsDone();
        assertTrue(committed > 0 && committed < ROWS, "killed midway: " + committed);
        // Exactly the committed batches are applied: the batch in flight rolled back with the kill.
        assertEquals(String.valueOf(committed), db.value("select count(*) from items where n = 1"));
        assertEquals("0", db.value("select count(*) from items where n > 1"));

        List<Backfill.Progress> progress = new ArrayList<>();
        try (Retort retort = Revs.configure(db).revisions(BackfillChild.revisions(BackfillChild.BACKFILL.pause(java.time.Duration.ZERO)
                .progress(progress::add))).listener(MigrationListener.none()).load()) {
            RunResult result = retort.upgrade();
            assertEquals(List.of("b1"), result.steps().stream().map(s -> s.step().revision().id()).toList());
        }
        assertEquals(String.valueOf(ROWS), db.value("select count(*) from items where n = 1"), "every row updated exactly once");
        assertEquals("0", db.value("select count(*) from items where n <> 1"));
        // It resumed: its first batch came after the rows the killed run committed, and it counted towards the estimate.
        assertEquals(committed + 50, progress.get(0).rowsDone());
        assertEquals(ROWS, progress.get(0).estimate());
        Backfill.Progress last = progress.get(progress.size() - 1);
        assertTrue(last.finished() && last.rowsDone() == ROWS, last.describe());
        assertTrue(last.describe().contains(ROWS + " of about " + ROWS + " rows (100%)"), last.describe());
        assertEquals("1", db.value("select finished from retort_backfills where name = 'items n'"));
    }

    @Test
    void onItsOwnItBatchesReportsProgressAndRunAgainDoesNothing() throws Exception {
        List<Backfill.Progress> progress = new ArrayList<>();
        Backfill backfill = Backfill.of("items").set("n = n + 1").where("id % 2 = 0").batchSize(300).progress(progress::add);
        try (Connection c = db.connect()) {
            backfill.run(c);
            assertTrue(c.getAutoCommit());
            backfill.run(c);
        }
        assertEquals(String.valueOf(ROWS / 2), db.value("select count(*) from items where n = 1"));
        assertEquals("0", db.value("select count(*) from items where n > 1 or (n = 1 and id % 2 = 1)"));
        // 1000 rows in batches of 300: four batches, the end, and the second run saying it had finished already.
        assertEquals(List.of(300L, 600L, 900L, 1000L, 1000L, 1000L), progress.stream().map(Backfill.Progress::rowsDone).toList());
        assertTrue(progress.stream().allMatch(p -> p.estimate() == ROWS / 2));
        assertFalse(progress.get(0).finished());
        assertTrue(progress.get(5).finished());
    }

    @Test
    void insideATransactionItIsRefusedSayingWhy() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            RetortException e = assertThrows(RetortException.class, () -> Backfill.of("items").set("n = 1").run(c));
            assertTrue(e.getMessage().contains("transactional = false"), e.getMessage());
        }
    }

    /** The digits 0 to 9 as a derived table {@code alias(d)}, in SQL both databases run. */
    private static String digits(String alias) {
        return "(select 0 as d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all "
                + "select 6 union all select 7 union all select 8 union all select 9) " + alias;
    }

    private long rowsDone() {
        if (!db.tableExists("retort_backfills")) {
            return 0;
        }
        String value = db.value("select rows_done from retort_backfills where name = 'items n'");
        return value == null ? 0 : Long.parseLong(value);
    }
}
