package dev.retort.reliability;

import static dev.retort.operation.Types.bigint;
import static dev.retort.operation.Types.column;
import static dev.retort.operation.Types.integer;
import static dev.retort.operation.Types.primaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.AppliedStep;
import dev.retort.revision.RevisionScript;
import dev.retort.testing.Revs;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * A revision that takes table locks ({@code LOCK TABLES … WRITE}, as a rolling deploy's contract does on MariaDB and
 * MySQL, or written by hand): the session may then use only the locked tables, so Retort records no progress between the
 * statements under the locks and records the step once they are released. A statement failing under the locks has them
 * released before the failure is recorded (the history table is not one of the locked tables), and what the statements
 * before it applied is undone. A run whose connection is lost under the locks (as when its process is killed) leaves no
 * record of how far it got there: the next run says so and what to do, instead of guessing.
 */
// LOCK TABLES is MariaDB's and MySQL's; PostgreSQL's contract runs in a transaction instead.
@ParameterizedClass(name = "on {argumentSetName}")
@MethodSource("platforms")
class TableLocksTest {

    static Stream<Arguments> platforms() {
        return TestDatabases.onPlatforms("mariadb");
    }

    private final TestDatabase db;

    TableLocksTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    /** The columns of {@code person}, by name. */
    private List<String> personColumns() {
        return db.column("select column_name from information_schema.columns where table_schema = database() and table_name = 'person' "
                + "order by column_name");
    }

    private static RevisionScript table() {
        return Revs.script("r1", List.of(), false, op -> op.createTable("person", column("id", bigint()).notNull(), primaryKey("person_pkey", "id")),
                op -> op.dropTable("person"));
    }

    @Test
    void statementsUnderTableLocksRunAndTheStepIsRecordedOnceTheLocksAreReleased() {
        RevisionScript locked = Revs.script("r2", List.of("r1"), false, op -> {
            op.execute("LOCK TABLES person WRITE");
            op.addColumn("person", column("score", integer()));
            op.execute("UPDATE person SET score = 1");
            op.execute("UNLOCK TABLES");
            op.addColumn("person", column("rank", integer()));
        }, op -> {
            op.dropColumn("person", "rank");
            op.dropColumn("person", "score");
        });
        try (Retort retort = Revs.configure(db).revisions(List.of(table(), locked)).listener(MigrationListener.none()).load()) {
            retort.upgrade();
            AppliedStep last = retort.log().get(retort.log().size() - 1);
            assertTrue(last.success() && last.revision().equals("r2"), last.toString());
        }
        assertEquals(List.of("r2"), db.column("select version_num from retort_version"));
        assertEquals(List.of("id", "rank", "score"), personColumns());
    }

    @Test
    void aStatementFailingUnderTableLocksReleasesThemAndWhatRanBeforeItIsUndone() {
        RevisionScript failing = Revs.script("r2", List.of("r1"), false, op -> {
            op.execute("LOCK TABLES person WRITE");
            op.addColumn("person", column("score", integer()));
            op.execute("UPDATE person SET no_such_column = 1");
            op.execute("UNLOCK TABLES");
        }, op -> op.dropColumn("person", "score"));
        try (Retort retort = Revs.configure(db).revisions(List.of(table(), failing)).listener(MigrationListener.none()).load()) {
            retort.upgrade("r1");
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().contains("no_such_column"), e.getMessage());
            assertTrue(e.getMessage().contains("undone") && e.getMessage().contains("DROP COLUMN"), e.getMessage());
            assertFalse(e.getMessage().contains("was not locked"), "the failure is recorded after the locks are released: " + e.getMessage());
            // Recorded as stopped, with its time, and the undo after it: under the locks the history table could not be written.
            List<AppliedStep> r2 = retort.log().stream().filter(step -> step.revision().equals("r2")).toList();
            assertEquals(2, r2.size(), r2.toString());
            assertTrue(r2.get(0).direction().equals("up") && !r2.get(0).success() && r2.get(0).executionMs() != null, r2.toString());
            assertTrue(r2.get(1).direction().equals("undo") && r2.get(1).success(), r2.toString());
        }
        assertEquals(List.of("r1"), db.column("select version_num from retort_version"));
        assertEquals(List.of("id"), personColumns());
    }

    @Test
    void aRunCutOffUnderTableLocksIsNotGuessedAtTheNextRunSaysSoAndWhatToDo() throws Exception {
        RevisionScript slow = Revs.script("r2", List.of("r1"), false, op -> {
            op.addColumn("person", column("score", integer()));
            op.execute("LOCK TABLES person WRITE");
            op.addColumn("person", column("rank", integer()));
            op.execute("SELECT SLEEP(30)");
            op.execute("UNLOCK TABLES");
        }, op -> {
            op.dropColumn("person", "rank");
            op.dropColumn("person", "score");
        });
        try (Retort retort = Revs.configure(db).revisions(List.of(table(), slow)).listener(MigrationListener.none()).load()) {
            retort.upgrade("r1");
            var run = java.util.concurrent.CompletableFuture.runAsync(retort::upgrade);
            String session = null;
            for (int i = 0; i < 200 && session == null; i++) {
                Thread.sleep(50);
                session = db.value("select max(id) from information_schema.processlist where info like 'SELECT SLEEP(30)%'");
            }
            assertTrue(session != null, "the revision never reached its sleep");
            // The connection lost under the locks, as when the process is killed: nothing recorded what ran under them.
            db.execute("KILL CONNECTION " + session);
            assertThrows(Exception.class, run::join);
        }
        try (Retort retort = Revs.configure(db).revisions(List.of(table(), slow)).listener(MigrationListener.none()).load()) {
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().contains("ran under table locks") && e.getMessage().contains("cannot be told"), e.getMessage());
            assertTrue(e.getMessage().contains("Nothing was executed"), e.getMessage());
        }
        assertEquals(List.of("r1"), db.column("select version_num from retort_version"));
    }

    @Test
    void aRevisionThatLeavesItsTableLocksHeldIsRefusedBeforeAnythingRuns() {
        RevisionScript unreleased = Revs.script("r2", List.of("r1"), false, op -> {
            op.execute("LOCK TABLES person WRITE");
            op.addColumn("person", column("score", integer()));
        }, op -> op.dropColumn("person", "score"));
        try (Retort retort = Revs.configure(db).revisions(List.of(table(), unreleased)).listener(MigrationListener.none()).load()) {
            retort.upgrade("r1");
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertEquals("Revision r2 (test r2) takes table locks and does not release them: end its statements under the locks with "
                    + "UNLOCK TABLES. Nothing was executed.", e.getMessage());
        }
        assertEquals(List.of("r1"), db.column("select version_num from retort_version"));
        assertEquals(List.of("id"), personColumns());
    }
}
