package dev.retort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.command.RunResult;
import dev.retort.command.Summary;
import dev.retort.report.Reports;
import dev.retort.revision.RevisionGraphException;
import dev.retort.testing.EveryPlatform;
import dev.retort.testing.TestDatabase;

@EveryPlatform
class UpgradeDowngradeTest {

    private final TestDatabase db;
    private final Revs linear = Revs.graph().rev("aaa111").rev("aab222", "aaa111").rev("bbb333", "aab222").rev("ccc444", "bbb333");

    UpgradeDowngradeTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private List<String> versionRows() {
        return db.column("select version_num from retort_version order by 1");
    }

    @Test
    void upgradeToHeadAppliesEveryRevisionInOrderAndRecordsHistory() {
        try (Retort retort = linear.retort(db)) {
            RunResult result = retort.upgrade();
            assertEquals(List.of("aaa111", "aab222", "bbb333", "ccc444"),
                    result.steps().stream().map(s -> s.step().revision().id()).toList());
            assertEquals(Set.of(), result.headsBefore());
            assertEquals(Set.of("ccc444"), result.headsAfter());
        }
        assertEquals(List.of("ccc444"), versionRows());
        assertTrue(db.tableExists("t_aaa111") && db.tableExists("t_ccc444"));
        assertEquals(List.of("aaa111|up|true", "aab222|up|true", "bbb333|up|true", "ccc444|up|true"),
                db.column("select concat(revision, '|', direction, '|', case when success then 'true' else 'false' end) from retort_history order by id"));
        List<String> checksums = db.column("select checksum from retort_history where execution_ms >= 0 order by id");
        assertEquals(4, checksums.size());
        checksums.forEach(checksum -> assertTrue(checksum.matches("[0-9a-f]{64}"), checksum));
    }

    @Test
    void secondUpgradeHasNothingToDo() {
        try (Retort retort = linear.retort(db)) {
            retort.upgrade();
            RunResult again = retort.upgrade("head");
            assertTrue(again.nothingToDo());
            assertEquals("Nothing to do: the database is already at ccc444.", Summary.of(again));
        }
    }

    @Test
    void downgradeToBaseRemovesEverything() {
        try (Retort retort = linear.retort(db)) {
            retort.upgrade();
            RunResult down = retort.downgrade("base");
            assertEquals(List.of("ccc444", "bbb333", "aab222", "aaa111"),
                    down.steps().stream().map(s -> s.step().revision().id()).toList());
        }
        assertEquals(List.of(), versionRows());
        assertFalse(db.tableExists("t_aaa111"));
        assertEquals("4", db.value("select count(*) from retort_history where direction = 'down' and success"));
    }

    @Test
    void relativeTargets() {
        try (Retort retort = linear.retort(db)) {
            retort.upgrade("+2");
            assertEquals(List.of("aab222"), versionRows());
            retort.upgrade("+1");
            assertEquals(List.of("bbb333"), versionRows());
            retort.downgrade("-2");
            assertEquals(List.of("aaa111"), versionRows());
            retort.upgrade("aaa111+3");
            assertEquals(List.of("ccc444"), versionRows());
            retort.downgrade("ccc444-1");
            assertEquals(List.of("bbb333"), versionRows());
            retort.downgrade("head-3");
            assertEquals(List.of("aaa111"), versionRows());
            RevisionGraphException past = assertThrows(RevisionGraphException.class, () -> retort.upgrade("+5"));
            assertTrue(past.getMessage().contains("goes past head ccc444"), past.getMessage());
            RevisionGraphException below = assertThrows(RevisionGraphException.class, () -> retort.downgrade("-2"));
            assertTrue(below.getMessage().contains("goes below base"), below.getMessage());
            assertThrows(RevisionGraphException.class, () -> retort.upgrade("-1"));
            assertTrue(retort.upgrade("+0").nothingToDo());
            RevisionGraphException far = assertThrows(RevisionGraphException.class, () -> retort.upgrade("+99999999999"));
            assertEquals("Target '+99999999999' steps too far; use a revision id or a smaller number.", far.getMessage());
        }
        assertEquals(List.of("aaa111"), versionRows());
    }

    @Test
    void partialIdsResolveWhenUniqueAndListCandidatesWhenNot() {
        try (Retort retort = linear.retort(db)) {
            retort.upgrade("bb");
            assertEquals(List.of("bbb333"), versionRows());
            RevisionGraphException ambiguous = assertThrows(RevisionGraphException.class, () -> retort.downgrade("aa"));
            assertEquals("Revision prefix 'aa' is ambiguous: it matches aaa111, aab222. Give more characters.", ambiguous.getMessage());
            retort.downgrade("aab");
            assertEquals(List.of("aab222"), versionRows());
            RevisionGraphException unknown = assertThrows(RevisionGraphException.class, () -> retort.upgrade("zz"));
            assertTrue(unknown.getMessage().startsWith("No revision matches 'zz'"), unknown.getMessage());
            RevisionGraphException behind = assertThrows(RevisionGraphException.class, () -> retort.upgrade("aaa111"));
            assertTrue(behind.getMessage().contains("use downgrade"), behind.getMessage());
        }
        assertEquals(List.of("aab222"), versionRows());
    }

    @Test
    void stampWritesTheVersionTableWithoutRunningMigrations() {
        db.execute("create table t_aaa111 (id int)");
        db.execute("create table t_aab222 (id int)");
        try (Retort retort = linear.retort(db)) {
            RunResult stamped = retort.stamp("aab222");
            assertEquals(Set.of("aab222"), stamped.headsAfter());
            assertEquals(List.of("aab222"), versionRows());
            assertFalse(db.tableExists("t_bbb333"));
            RunResult upgraded = retort.upgrade();
            assertEquals(2, upgraded.steps().size());
            retort.stamp("base");
            assertEquals(List.of(), versionRows());
            assertTrue(db.tableExists("t_ccc444"), "stamp must not run downgrades");
        }
        assertEquals(List.of("aab222|stamp", "bbb333|up", "ccc444|up", "base|stamp"),
                db.column("select concat(revision, '|', direction) from retort_history order by id"));
    }

    @Test
    void stampWithPurgeReplacesRevisionsTheMigrationsDoNotKnow() {
        try (Retort retort = linear.retort(db)) {
            retort.stamp("aaa111");
            db.execute("insert into retort_version values ('deadbeef0000')");
            RevisionGraphException unknown = assertThrows(RevisionGraphException.class, () -> retort.upgrade());
            assertTrue(unknown.getMessage().contains("deadbeef0000, which none of the migrations declares"), unknown.getMessage());
            assertThrows(RevisionGraphException.class, () -> retort.stamp("head"));
            retort.stamp("head", true);
        }
        assertEquals(List.of("ccc444"), versionRows());
    }

    @Test
    void currentHeadsAndHistoryOutput() {
        try (Retort retort = linear.retort(db)) {
            assertEquals(List.of("base (no revision applied)", "The database is not at head: 4 revision(s) pending "
                    + "(aaa111, aab222, bbb333, ccc444)."), Reports.current(retort.status(), true));
            retort.upgrade("bbb333");
            assertEquals(List.of("bbb333, create bbb333"), Reports.current(retort.status(), false));
            assertEquals(List.of("ccc444 (pending), create ccc444"), Reports.heads(retort.status()));
            retort.upgrade();
            assertEquals(List.of("ccc444 (head), create ccc444", "The database is at head."), Reports.current(retort.status(), true));
            assertEquals(List.of("ccc444 (current), create ccc444"), Reports.heads(retort.status()));
            List<String> history = Reports.history(retort.status());
            assertEquals(5, history.size());
            assertTrue(history.get(0).matches("Revision +Parents +State +Applied at \\(UTC\\) +Message"), history.get(0));
            assertTrue(history.get(1).matches("ccc444 +bbb333 +current +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +create ccc444 \\(head\\)"), history.get(1));
            assertTrue(history.get(4).matches("aaa111 +<base> +applied +\\d{4}-.* +create aaa111"), history.get(4));
            int column = history.get(0).indexOf("State");
            history.forEach(line -> assertTrue(line.substring(column).matches("(State|current|applied) .*"), line));
        }
    }
}
