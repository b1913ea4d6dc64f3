package dev.retort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

@PostgresTest
class NonTransactionalTest {

    private final TestDatabase db;

    NonTransactionalTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void aNonTransactionalRevisionRunsOutsideATransactionAndSaysSo() {
        List<Boolean> transactional = new ArrayList<>();
        try (Retort retort = Revs.configure(db).migrationsPackage("dev.retort.fixtures.linear")
                .listener(new MigrationListener() {
                    @Override
                    public void stepStarting(Step step) {
                        transactional.add(step.transactional());
                    }
                }).load()) {
            retort.upgrade();
            assertEquals(List.of(true, true, false), transactional);
            assertEquals("t", db.value("select indisvalid::text::char from pg_index where indexrelid = 'ix_author_email'::regclass"));
            retort.downgrade("-1");
        }
        assertEquals(null, db.value("select to_regclass('ix_author_email')::text"));
    }

    @Test
    void concurrentlyInATransactionalRevisionFailsNamingTheRevision() {
        Revs revs = Revs.graph().rev("tx0001").sql("tx0002", "create index concurrently ix_t on t_tx0001 (id)", "drop index ix_t", "tx0001");
        try (Retort retort = revs.retort(db)) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertTrue(e.getMessage().startsWith("Revision tx0002 (create tx0002) failed during upgrade and was rolled back"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot run inside a transaction block"), e.getMessage());
        }
        assertEquals(List.of("tx0001"), db.column("select version_num from retort_version"));
    }

    @Test
    void aFailedNonTransactionalRevisionLeavesItsFailureInHistoryAndTheVersionUnchanged() {
        Revs revs = Revs.graph().rev("nt0001").add(Revs.script("nt0002", List.of("nt0001"), false, op -> {
            op.execute("create table t_nt0002 (id int)");
            op.execute("select * from missing_table");
        }, op -> op.execute("drop table if exists t_nt0002")));
        try (Retort retort = revs.retort(db)) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertTrue(e.getMessage().startsWith("Revision nt0002 (create nt0002) failed during upgrade and left statement 1 of 2 "
                    + "committed, as it runs statement by statement, and that stands applied (`create table t_nt0002 (id int)`): "
                    + "`create table t_nt0002 (id int)` has no reverse to undo it with, so the version table still says nt0001. Undo what "
                    + "stands by hand and run repair"), e.getMessage());
            List<String> current = dev.retort.report.Reports.current(retort.status(), true);
            assertTrue(current.stream().anyMatch(line -> line.startsWith("nt0002: its upgrade failed at its statement 2 at ")
                    && line.endsWith("; statement 1 stands applied (the next upgrade or downgrade undoes that where the operations have "
                    + "reverses, then runs the revision whole; otherwise undo it by hand and run repair)")),
                    current::toString);
        }
        assertEquals(List.of("nt0001"), db.column("select version_num from retort_version"));
        assertEquals(List.of("nt0001|t|", "nt0002|f|2"), db.column("select concat(revision, '|', success, '|', progress) from retort_history order by id"));
    }
}
