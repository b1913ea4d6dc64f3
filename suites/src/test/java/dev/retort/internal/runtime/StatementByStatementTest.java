package dev.retort.internal.runtime;

import static dev.retort.operation.Types.column;
import static dev.retort.operation.Types.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.MigrationFailedException;
import dev.retort.operation.Operations;
import dev.retort.report.Reports;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.Revs;
import dev.retort.testing.TestDatabase;

/**
 * A revision that runs outside a transaction (declared so here; every revision on a database whose DDL commits on its own)
 * records how far it got before each statement. When it fails, what it applied is undone from the operations' reverses;
 * when its run is cut off, the next run undoes it first; where that cannot be done, it says what stands and how to go on.
 */
@PostgresTest
class StatementByStatementTest {

    private final TestDatabase db;

    StatementByStatementTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private static Revs outsideTransaction(String id, Consumer<Operations> upgrade) {
        return Revs.graph().add(Revs.script(id, List.of(), false, upgrade, op -> op.dropTable("a")));
    }

    private Retort retort(Revs revs, List<String> notes) {
        return Revs.configure(db).revisions(revs.scripts()).settings(dev.retort.config.Settings.builder()
                .set(dev.retort.config.Setting.STATEMENT_LOCK_TIMEOUT, "0").build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).listener(new MigrationListener() {
                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                }).load();
    }

    @Test
    void aFailureUndoesWhatTheRevisionAppliedSoItRunsWholeOnceFixed() {
        Revs broken = outsideTransaction("sb0001", op -> {
            op.createTable("a", column("id", integer()));
            op.addColumn("a", column("b", integer()));
            op.execute("select * from missing_table");
        });
        try (Retort retort = retort(broken, new ArrayList<>())) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertTrue(e.getMessage().startsWith("Revision sb0001 (create sb0001) failed during upgrade and left statements 1 to 2 of 3 "
                    + "committed, as it runs statement by statement; those were undone (`ALTER TABLE a DROP COLUMN b`; `DROP TABLE a`), "
                    + "so the database is at base again, and the revision runs whole once fixed."), e.getMessage());
            assertTrue(Reports.current(retort.status(), true).stream().noneMatch(line -> line.contains("stopped")), "nothing stands");
        }
        assertFalse(db.tableExists("a"));
        assertEquals(List.of("up|f|3", "undo|t|"), db.column("select concat(direction, '|', success, '|', progress) from retort_history "
                + "order by id"));

        Revs fixed = outsideTransaction("sb0001", op -> {
            op.createTable("a", column("id", integer()));
            op.addColumn("a", column("b", integer()));
        });
        try (Retort retort = retort(fixed, new ArrayList<>())) {
            retort.upgrade();
        }
        assertTrue(db.tableExists("a"));
        assertEquals(List.of("sb0001"), db.column("select version_num from retort_version"));
    }

    @Test
    void aRunCutOffMidRevisionIsUndoneByTheNextRunWhichAppliesItWhole() throws Exception {
        db.execute("create table b (id int)");
        Revs revs = outsideTransaction("sb0002", op -> {
            op.createTable("a", column("id", integer()));
            op.createIndex("ix_b", "b", "id");
            op.createTable("c", column("id", integer()));
        });
        // The run waits for the lock at its second statement: cut its connection there, as a lost server or a kill would.
        Throwable failure = cutOffWhileWaiting(revs, "lock table b in access exclusive mode", "create index");
        assertTrue(failure instanceof MigrationFailedException, String.valueOf(failure));
        assertTrue(failure.getMessage().contains("left statement 1 of 3 committed, as it runs statement by statement, and undoing that "
                + "failed ("), failure.getMessage());
        assertTrue(db.tableExists("a"), "the first statement committed before the run was cut off");
        List<String> notes = new ArrayList<>();
        try (Retort retort = retort(revs, notes)) {
            List<String> current = Reports.current(retort.status(), true);
            assertTrue(current.stream().anyMatch(line -> line.startsWith("sb0002: its upgrade was cut off at its statement 2 at ")
                    && line.contains("; statement 1 stands applied")), current::toString);
            retort.upgrade();
        }
        assertEquals(List.of("Revision sb0002's upgrade was cut off at its statement 2 of 3; undoing what it applied first: `DROP TABLE a`."),
                notes.stream().filter(n -> n.startsWith("Revision sb0002")).toList());
        assertTrue(db.tableExists("a") && db.tableExists("c"));
        assertEquals("ix_b", db.value("select indexname from pg_indexes where tablename = 'b'"));
        assertEquals(List.of("up|f|2", "undo|t|", "up|t|3"), db.column("select concat(direction, '|', success, '|', progress) "
                + "from retort_history order by id"));
    }

    @Test
    void anUndoCutShortLeavesTheHistorySayingHowFarItStandsAndTheNextRunTakesItUp() throws Exception {
        db.execute("create table b (id int)");
        Revs revs = outsideTransaction("sb0004", op -> {
            op.createTable("a", column("id", integer()));
            op.createTable("d", column("id", integer()));
            op.createIndex("ix_b", "b", "id");
        });
        // Cut off at its third statement: a and d stand applied.
        cutOffWhileWaiting(revs, "lock table b in access exclusive mode", "create index");
        assertTrue(db.tableExists("a") && db.tableExists("d"));
        // The next run undoes d, then waits to drop a, and is cut off there: the history row now says statement 1 may
        // have run, not that statements 1 and 2 stand.
        cutOffWhileWaiting(revs, "lock table a in access exclusive mode", "drop table");
        assertTrue(db.tableExists("a") && !db.tableExists("d"), "d was undone, a not yet");
        try (Retort retort = retort(revs, new ArrayList<>())) {
            List<String> current = Reports.current(retort.status(), true);
            assertTrue(current.stream().anyMatch(line -> line.startsWith("sb0004: its upgrade was cut off at its statement 1 at ")),
                    current::toString);
            retort.upgrade();
        }
        assertTrue(db.tableExists("a") && db.tableExists("d"));
        assertEquals("ix_b", db.value("select indexname from pg_indexes where tablename = 'b'"));
        assertEquals(List.of("up|f|1", "undo|t|", "up|t|3"), db.column("select concat(direction, '|', success, '|', progress) "
                + "from retort_history order by id"));
    }

    /**
     * Runs an upgrade while another session holds a lock, cuts its connection once it waits on a statement starting so,
     * and returns what the upgrade threw.
     */
    private Throwable cutOffWhileWaiting(Revs revs, String lock, String waitingOn) throws Exception {
        try (Connection blocker = db.connect(); Statement block = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            block.execute(lock);
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try (Retort retort = retort(revs, new ArrayList<>())) {
                    retort.upgrade();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            String pid = awaitWaitingOn(waitingOn, Duration.ofSeconds(30));
            db.value("select pg_terminate_backend(" + pid + ")::text");
            Throwable failure = run.get(30, TimeUnit.SECONDS);
            blocker.rollback();
            assertTrue(failure instanceof RuntimeException, "the run was cut off");
            return failure;
        }
    }

    @Test
    void whatCannotBeUndoneIsRefusedByNameUntilRepairClearsItByHand() {
        Revs raw = Revs.graph().add(Revs.script("sb0003", List.of(), false, op -> op.execute("create table a (id int)")
                .execute("select * from missing_table"), op -> op.dropTable("a")));
        try (Retort retort = retort(raw, new ArrayList<>())) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertTrue(e.getMessage().contains("and that stands applied (`create table a (id int)`): `create table a (id int)` has no "
                    + "reverse to undo it with, so the version table still says base. Undo what stands by hand and run repair (it "
                    + "clears the interrupted attempt, so the revision runs whole next time), or finish the revision by hand and stamp "
                    + "sb0003."), e.getMessage());
            RetortException refused = assertThrows(RetortException.class, retort::upgrade);
            assertEquals("Revision sb0003's upgrade failed at its statement 2 of 2; `create table a (id int)` stands applied, but "
                    + "`create table a (id int)` has no reverse to undo it with. Undo what stands by hand and run repair (it clears the "
                    + "interrupted attempt, so the revision runs whole next time), or finish the revision by hand and stamp sb0003. "
                    + "Nothing was executed.", refused.getMessage());
        }
        db.execute("drop table a");
        Revs fixed = Revs.graph().add(Revs.script("sb0003", List.of(), false, op -> op.execute("create table a (id int)"), op -> op.dropTable("a")));
        try (Retort retort = retort(fixed, new ArrayList<>())) {
            assertEquals(1, retort.repair().steps().size(), "repair clears the attempt undone by hand");
            retort.upgrade();
        }
        assertEquals(List.of("sb0003"), db.column("select version_num from retort_version"));
    }

    /** The backend of a session whose statement, starting with {@code prefix}, waits for a lock. */
    private String awaitWaitingOn(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String pid = db.value("select pid::text from pg_stat_activity where wait_event_type = 'Lock' and query ilike '" + prefix + "%'");
            if (pid != null) {
                return pid;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no session waited on '" + prefix + "' within " + timeout);
    }
}
