package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.ReleaseReport;
import dev.retort.lint.Finding;
import dev.retort.lint.LintReport;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * One lint verdict: {@code lint} and {@code release}, from Java and from the command line, judge the run that would
 * really happen. On a fresh database the tables the run creates are empty and no old version uses them, so nothing is
 * a hazard; on a database whose tables hold rows the same revisions are, and every entry point says so in the same words.
 */
@PostgresTest
class LintVerdictTest {

    private static final String DROPPING = "dev.retort.fixtures.dropping";
    private static final String VERDICT = "dev.retort.fixtures.verdict";
    private static final String DROP_COLUMN = "LINT error drop-column (d2e3f4a5b6c7 upgrade #1: ALTER TABLE item DROP COLUMN note): ";
    private static final String CREATE_INDEX = "LINT warning blocking-create-index (e2f3a4b5c6d7 upgrade #1: CREATE INDEX ix_item_name ON item "
            + "(name)): ";

    private final TestDatabase db;

    LintVerdictTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private Retort retort(String migrationsPackage) {
        return Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password()).migrationsPackage(migrationsPackage)
                .listener(MigrationListener.none()).load();
    }

    @Test
    void aFreshDatabaseIsReleasedWithoutFindingsOnTablesItsOwnRunCreates() {
        try (Retort retort = retort(DROPPING)) {
            LintReport report = retort.lint();
            assertTrue(report.passed(), report::toString);
            assertEquals(List.of(), report.open());
            assertEquals("Linted 2 revision(s) as one run on a fresh database (no table holds rows yet): 0 error(s), 0 warning(s), "
                    + "0 note(s).", report.verdict());
        }
        Cli.Result lint = Cli.against(db, DROPPING).run("lint");
        assertEquals(0, lint.exit(), lint.toString());
        Cli.Result release = Cli.against(db, DROPPING).run("release", "--json");
        assertEquals(0, release.exit(), release.toString());
        JsonNode json = release.json();
        assertEquals("upgraded", json.get("outcome").asText());
        assertEquals(0, json.get("findings").size(), json::toString);
    }

    @Test
    void aDatabaseWhoseTablesHoldRowsIsRefusedWithTheFindingLintPrints() {
        try (Retort retort = retort(DROPPING)) {
            retort.upgrade("d1e2f3a4b5c6");
        }
        db.execute("insert into item (id, name, note) values (1, 'kettle', 'descale monthly')");
        Cli.Result lint = Cli.against(db, DROPPING).run("lint");
        assertEquals(1, lint.exit(), lint.toString());
        String line = lint.out().lines().filter(l -> l.startsWith(DROP_COLUMN)).findFirst().orElseThrow(() -> new AssertionError(lint));
        assertTrue(lint.out().contains("Linted 1 revision(s) as one run (tables the run creates hold no rows and serve no running code): "
                + "1 error(s)"), lint.out());

        Cli.Result release = Cli.against(db, DROPPING).run("release");
        assertEquals(1, release.exit(), release.toString());
        assertEquals(1, release.out().lines().filter(line::equals).count(), "release prints the finding once, as lint does: " + release);
        assertTrue(release.out().contains("Release refused, nothing was changed: 1 lint error(s) in the pending revisions"), release.out());
        assertEquals(List.of("d1e2f3a4b5c6"), db.column("select version_num from retort_version"));

        try (Retort retort = retort(DROPPING)) {
            ReleaseReport report = retort.release();
            assertEquals(ReleaseReport.Outcome.REFUSED, report.outcome());
            assertEquals(List.of(line), report.findings().stream().map(Finding::line).toList());
        }
    }

    @Test
    void withoutADatabaseEachRevisionIsJudgedOnItsOwnAndFromBaseMeansAFreshOne() {
        Cli.Result each = new Cli().run("lint", "--package", DROPPING);
        assertEquals(1, each.exit(), each.toString());
        assertTrue(each.out().contains(DROP_COLUMN), each.out());
        assertTrue(each.out().contains("Linted 2 revision(s) each on its own, on a database at its parent revision whose tables may hold "
                + "rows: 1 error(s)"), each.out());

        Cli.Result fromParent = new Cli().run("lint", "--package", DROPPING, "--from", "d1e2f3a4b5c6");
        assertEquals(1, fromParent.exit(), fromParent.toString());
        assertTrue(fromParent.out().contains(DROP_COLUMN), fromParent.out());

        Cli.Result fromBase = new Cli().run("lint", "--package", DROPPING, "--from", "base", "--json");
        assertEquals(0, fromBase.exit(), fromBase.toString());
        assertTrue(fromBase.json().get("passed").asBoolean());
        assertEquals("as one run on a fresh database (no table holds rows yet)", fromBase.json().get("basis").asText());
    }

    @Test
    void aReleaseThatGoesThroughPrintsAndRecordsItsWarnings() {
        try (Retort retort = retort(VERDICT)) {
            retort.upgrade("e1f2a3b4c5d6");
        }
        db.execute("insert into item (id, name) values (1, 'kettle')");
        Cli.Result lint = Cli.against(db, VERDICT).run("lint");
        assertEquals(0, lint.exit(), lint.toString());
        String line = lint.out().lines().filter(l -> l.startsWith(CREATE_INDEX)).findFirst().orElseThrow(() -> new AssertionError(lint));

        Cli.Result release = Cli.against(db, VERDICT).run("release");
        assertEquals(0, release.exit(), release.toString());
        assertTrue(release.out().lines().anyMatch(line::equals), "release prints the warning as lint does: " + release);
        db.execute("drop index ix_item_name; delete from retort_version; insert into retort_version values ('e1f2a3b4c5d6')");

        Cli.Result json = Cli.against(db, VERDICT).run("release", "--json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode finding = json.json().get("findings").get(0);
        assertEquals("blocking-create-index", finding.get("rule").asText());
        assertEquals("warning", finding.get("severity").asText());
        assertEquals("e2f3a4b5c6d7", finding.get("revision").asText());
        assertFalse(finding.get("problem").asText().isBlank());
    }
}
