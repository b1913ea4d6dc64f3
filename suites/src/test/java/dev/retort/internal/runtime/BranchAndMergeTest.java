package dev.retort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.command.RunResult;
import dev.retort.report.Reports;
import dev.retort.revision.RevisionGraphException;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

@PostgresTest
class BranchAndMergeTest {

    private final TestDatabase db;

    BranchAndMergeTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private static Revs branched() {
        return Revs.graph().rev("root01").rev("left01", "root01").rev("right1", "root01");
    }

    private static Revs merged() {
        return branched().rev("merge1", "left01", "right1").rev("after1", "merge1");
    }

    private List<String> versionRows() {
        return db.column("select version_num from retort_version order by 1");
    }

    @Test
    void twoHeadsMakeHeadAmbiguousAndEachBranchUpgradesAlone() {
        try (Retort retort = branched().retort(db)) {
            assertEquals(List.of("left01 (pending), create left01", "right1 (pending), create right1"), Reports.heads(retort.status()));
            RevisionGraphException ambiguous = assertThrows(RevisionGraphException.class, retort::upgrade);
            assertEquals("Target 'head' is ambiguous: there are 2 heads (left01, right1). Merge them with the merge goal, "
                    + "or name one as the target (or use 'heads' to upgrade every branch).", ambiguous.getMessage());
            assertTrue(db.column("select to_regclass('retort_version')::text").contains(null), "nothing may be written before the plan is valid");

            retort.upgrade("left01");
            assertEquals(List.of("left01"), versionRows());
            retort.upgrade("right1");
            assertEquals(List.of("left01", "right1"), versionRows(), "upgrading one branch leaves the other head in place");
            assertEquals(List.of("left01 (head), create left01", "right1 (head), create right1"), Reports.current(retort.status(), false));
            assertTrue(Reports.history(retort.status()).stream().anyMatch(l -> l.startsWith("root01") && l.endsWith("(branchpoint)")));

            retort.downgrade("right1-1");
            assertEquals(List.of("left01"), versionRows(), "<head>-1 takes back only that branch");
            retort.upgrade("heads");
            assertEquals(List.of("left01", "right1"), versionRows());
            retort.stamp("root01");
            retort.stamp("heads");
            assertEquals(List.of("left01", "right1"), versionRows());
            assertEquals(List.of("left01", "right1"),
                    db.column("select revision from retort_history where direction = 'stamp' and revision <> 'root01' order by revision"));
        }
    }

    @Test
    void mergeRevisionCollapsesTwoRowsIntoOneAndDowngradeSplitsThemAgain() {
        try (Retort retort = branched().retort(db)) {
            retort.upgrade("heads");
        }
        assertEquals(List.of("left01", "right1"), versionRows());
        try (Retort retort = merged().retort(db)) {
            RunResult toMerge = retort.upgrade("merge1");
            assertEquals(1, toMerge.steps().size());
            assertEquals(List.of("merge1"), versionRows());
            assertTrue(Reports.history(retort.status()).stream().anyMatch(l -> l.startsWith("merge1") && l.contains("left01, right1")
                    && l.endsWith("(mergepoint)")));
            retort.upgrade();
            assertEquals(List.of("after1"), versionRows());

            retort.downgrade("-2");
            assertEquals(List.of("left01", "right1"), versionRows());
            retort.upgrade();
            retort.downgrade("root01");
            assertEquals(List.of("root01"), versionRows());
            assertEquals("0", db.value("select count(*) from pg_tables where tablename in ('t_left01','t_right1','t_merge1','t_after1')"));
        }
    }

    @Test
    void upgradeFromBaseThroughABranchAndMergeRunsParentsFirst() {
        try (Retort retort = merged().retort(db)) {
            RunResult result = retort.upgrade();
            List<String> order = result.steps().stream().map(s -> s.step().revision().id()).toList();
            assertEquals(List.of("root01", "left01", "right1", "merge1", "after1"), order);
            assertEquals(List.of("left01", "right1"), List.copyOf(new java.util.TreeSet<>(result.steps().get(2).step().headsAfter())));
        }
        assertEquals(List.of("after1"), versionRows());
    }
}
