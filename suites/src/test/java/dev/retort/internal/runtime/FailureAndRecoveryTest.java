package dev.retort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.Revs;
import dev.retort.command.MigrationFailedException;
import dev.retort.command.RunResult;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

@PostgresTest
class FailureAndRecoveryTest {

    private final TestDatabase db;

    FailureAndRecoveryTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private static Revs batch(String thirdUpgrade) {
        return Revs.graph().rev("rev001").rev("rev002", "rev001")
                .sql("rev003", thirdUpgrade, "drop table t_rev003", "rev002")
                .rev("rev004", "rev003").rev("rev005", "rev004");
    }

    @Test
    void aFailingThirdRevisionLeavesTheDatabaseAtTheSecondAndARerunAfterTheFixReachesHead() {
        Revs broken = batch("create table t_rev003 (id int);;insert into no_such_table values (1)");
        try (Retort retort = broken.retort(db)) {
            MigrationFailedException failure = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertEquals("rev003", failure.step().revision().id());
            assertEquals("insert into no_such_table values (1)", failure.statement());
            String message = failure.getMessage();
            assertTrue(message.startsWith("Revision rev003 (create rev003) failed during upgrade and was rolled back; "
                    + "the database stays at rev002. Statement: insert into no_such_table values (1). Error: ERROR: relation "
                    + "\"no_such_table\" does not exist"), message);
        }
        assertEquals(List.of("rev002"), db.column("select version_num from retort_version"));
        assertFalse(db.tableExists("t_rev003"), "the failing revision's earlier statement must be rolled back with it");
        assertEquals(List.of("rev001|true", "rev002|true", "rev003|false"),
                db.column("select revision || '|' || success from retort_history order by id"));

        Revs fixed = batch("create table t_rev003 (id int)");
        try (Retort retort = fixed.retort(db)) {
            RunResult result = retort.upgrade();
            assertEquals(3, result.steps().size());
        }
        assertEquals(List.of("rev005"), db.column("select version_num from retort_version"));
        assertTrue(db.tableExists("t_rev005"));
    }

    @Test
    void migrationCodeThatThrowsWhileRecordingFailsBeforeAnythingRuns() {
        Revs revs = Revs.graph().rev("ok0001").add(Revs.script("bad001", List.of("ok0001"), true, op -> {
            throw new IllegalStateException("boom.");
        }, op -> { }));
        try (Retort retort = revs.retort(db)) {
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().contains("Revision bad001 (test bad001) failed while recording its upgrade operations"), e.getMessage());
            assertTrue(e.getMessage().contains("boom. Nothing was executed for it."), "one full stop after the cause's own: " + e.getMessage());
        }
        assertEquals(null, db.value("select to_regclass('t_ok0001')::text"), "the plan is rendered in full before anything runs");
    }

    @Test
    void aFailingJdbcCallbackRollsBackItsRevision() {
        Revs revs = Revs.graph().rev("cb0001").add(Revs.script("cb0002", List.of("cb0001"), true, op -> {
            op.execute("create table t_cb0002 (id int)");
            op.run("copy rows", c -> {
                try (var s = c.createStatement()) {
                    s.execute("insert into t_cb0002 values (1)");
                    s.execute("select 1/0");
                }
            });
        }, op -> op.execute("drop table t_cb0002")));
        try (Retort retort = revs.retort(db)) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertEquals(null, e.statement());
            assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
        }
        assertEquals(List.of("cb0001"), db.column("select version_num from retort_version"));
        assertFalse(db.tableExists("t_cb0002"));
    }
}
