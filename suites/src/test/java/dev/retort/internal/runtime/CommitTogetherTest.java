package dev.retort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.command.MigrationFailedException;
import dev.retort.command.Step;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * A revision's last statement is sent with the version and history rows and the COMMIT, in one round trip: whatever
 * shape that statement has, it runs as written, and whatever fails there leaves the database at the previous revision.
 */
@PostgresTest
class CommitTogetherTest {

    private final TestDatabase db;

    CommitTogetherTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void aLastStatementEndingInACommentASemicolonOrRowsRunsAsWritten() {
        Revs revs = Revs.graph()
                .sql("cmt001", "create table t_cmt001 (id int) -- the table; with a semicolon in the comment", "drop table t_cmt001")
                .sql("semi02", "create table t_semi02 (id int);", "drop table t_semi02", "cmt001")
                .sql("rows03", "create table t_rows03 (id int);;select relname from pg_class", "drop table t_rows03", "semi02");
        List<String> executed = new ArrayList<>();
        try (Retort retort = Revs.configure(db).revisions(revs.scripts()).listener(new MigrationListener() {
            @Override
            public void statementExecuted(Step step, String sql) {
                executed.add(sql);
            }
        }).load()) {
            assertEquals(3, retort.upgrade().steps().size());
        }
        assertEquals(List.of("rows03"), db.column("select version_num from retort_version"));
        assertEquals(List.of("cmt001|true", "semi02|true", "rows03|true"),
                db.column("select revision || '|' || success from retort_history order by id"));
        assertTrue(db.tableExists("t_cmt001") && db.tableExists("t_semi02") && db.tableExists("t_rows03"));
        assertTrue(executed.contains("select relname from pg_class"), "each statement is reported once it ran: " + executed);
        assertEquals(1, executed.stream().filter(s -> s.startsWith("UPDATE retort_version SET version_num = 'rows03'")).count(),
                "the bookkeeping is reported too: " + executed);
    }

    @Test
    void aFirstStatementThatFailsIsNamedAndNothingOfTheRevisionStays() {
        Revs revs = Revs.graph().rev("ok0001")
                .sql("bad002", "insert into no_such_table values (1);;create table t_bad002 (id int)", "drop table t_bad002", "ok0001");
        try (Retort retort = revs.retort(db)) {
            MigrationFailedException failure = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertEquals("insert into no_such_table values (1)", failure.statement());
        }
        assertEquals(List.of("ok0001"), db.column("select version_num from retort_version"));
        assertFalse(db.tableExists("t_bad002"));
    }

    @Test
    void aDeferredConstraintThatFailsAtTheCommitRollsTheRevisionBack() {
        Revs revs = Revs.graph()
                .sql("par001", "create table parent (id int primary key);;create table child (parent_id int references parent "
                        + "deferrable initially deferred)", "drop table child;;drop table parent")
                .sql("orph02", "insert into child values (42);;create table t_orph02 (id int)", "drop table t_orph02", "par001");
        try (Retort retort = revs.retort(db)) {
            MigrationFailedException failure = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertEquals("orph02", failure.step().revision().id());
            assertTrue(failure.getMessage().contains("violates foreign key constraint"), failure.getMessage());
            assertTrue(failure.getMessage().contains("the database stays at par001"), failure.getMessage());
        }
        assertEquals(List.of("par001"), db.column("select version_num from retort_version"));
        assertEquals("0", db.value("select count(*) from child"));
        assertFalse(db.tableExists("t_orph02"));
        assertEquals(List.of("par001|true", "orph02|false"), db.column("select revision || '|' || success from retort_history order by id"));

        // The connection went back to auto-commit in a clean state: a rerun after the fix finishes.
        Revs fixed = Revs.graph()
                .sql("par001", "create table parent (id int primary key);;create table child (parent_id int references parent "
                        + "deferrable initially deferred)", "drop table child;;drop table parent")
                .sql("orph02", "insert into parent values (42);;insert into child values (42)", "delete from child", "par001");
        try (Retort retort = fixed.retort(db)) {
            assertEquals(1, retort.upgrade().steps().size());
        }
        assertEquals(List.of("orph02"), db.column("select version_num from retort_version"));
    }
}
