package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.retort.testing.Catalog;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** {@code release} as a pipeline runs it: the exit code, the JSON report, and the database at a known revision. */
@PostgresTest
class ReleaseTest {

    private final TestDatabase db;

    ReleaseTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private static JsonNode read(Path report) throws Exception {
        return new ObjectMapper().readTree(Files.readString(report));
    }

    @Test
    void onAnEmptyDatabaseItAppliesEverythingAndReportsEachRevision(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("release.json");
        Cli.Result result = Cli.against(db, "dev.retort.fixtures.linear").run("release", "--report", report.toString());
        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.out().contains("Release succeeded: applied 3 revisions in "), result.out());
        assertTrue(result.out().contains("warning: revision 77e0d9c8b1a2 ran outside a transaction"), result.out());
        JsonNode json = read(report);
        assertEquals("upgraded", json.get("outcome").asText());
        assertEquals(0, json.get("before").size());
        assertEquals("77e0d9c8b1a2", json.get("after").get(0).asText());
        assertEquals(List.of("a1b2c3d4e5f6", "3fa9c1b27d4e", "77e0d9c8b1a2"),
                List.of(json.get("applied").get(0).get("revision").asText(), json.get("applied").get(1).get("revision").asText(),
                        json.get("applied").get(2).get("revision").asText()));
        assertTrue(json.get("applied").get(0).get("ms").asLong() >= 0);
        assertTrue(json.get("error").isNull());
    }

    @Test
    void withNothingToDoItSucceedsAndSaysSo(@TempDir Path dir) throws Exception {
        Cli cli = Cli.against(db, "dev.retort.fixtures.linear");
        cli.run("upgrade");
        Path report = dir.resolve("release.json");
        Cli.Result result = cli.run("release", "--report", report.toString());
        assertEquals(0, result.exit(), result.toString());
        assertEquals("Release succeeded: nothing to do, the database is already at 77e0d9c8b1a2.", result.out().strip());
        assertEquals("nothing_to_do", read(report).get("outcome").asText());
        assertEquals(0, read(report).get("applied").size());
    }

    @Test
    void aFailingRevisionExitsNonZeroAndLeavesTheDatabaseAtTheLastGoodRevision(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("release.json");
        Cli.Result result = Cli.against(db, "dev.retort.fixtures.failing").run("release", "--report", report.toString());
        assertEquals(1, result.exit(), result.toString());
        assertTrue(result.out().contains("Release failed after 2 revisions; the database is at f10000000002: Revision f10000000003 "
                + "(add stock to a missing table) failed during upgrade and was rolled back"), result.out());
        JsonNode json = read(report);
        assertEquals("failed", json.get("outcome").asText());
        assertFalse(json.get("succeeded").asBoolean());
        assertEquals("f10000000002", json.get("after").get(0).asText());
        assertEquals(2, json.get("applied").size());
        assertTrue(json.get("error").asText().contains("relation \"no_such_table\" does not exist"), json.get("error").asText());
        assertEquals(List.of("f10000000002"), db.column("select version_num from retort_version"));
        assertEquals(List.of("id", "name", "price"), db.column("select column_name from information_schema.columns where table_name = 'item' "
                + "order by ordinal_position"), "the failing revision's first statement was rolled back with it");
    }

    @Test
    void anEditedAppliedMigrationIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Cli cli = Cli.against(db, "dev.retort.fixtures.linear");
        cli.run("upgrade", "3fa9");
        db.execute("update retort_history set checksum = repeat('0', 64) where revision = 'a1b2c3d4e5f6'");
        List<String> before = Catalog.snapshot(db);
        Path report = dir.resolve("release.json");
        Cli.Result result = cli.run("release", "--report", report.toString());
        assertEquals(1, result.exit(), result.toString());
        JsonNode json = read(report);
        assertEquals("refused", json.get("outcome").asText());
        assertEquals("edited_migration", json.get("problems").get(0).get("kind").asText());
        assertEquals("a1b2c3d4e5f6", json.get("problems").get(0).get("revision").asText());
        assertTrue(result.out().contains("Release refused, nothing was changed: 1 problem(s) found before upgrading: migration a1b2c3d4e5f6"),
                result.out());
        assertEquals(before, Catalog.snapshot(db));
        assertEquals(List.of("3fa9c1b27d4e"), db.column("select version_num from retort_version"));
    }

    @Test
    void aPendingRevisionWithAnUnacknowledgedLintErrorIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Cli cli = Cli.against(db, "dev.retort.fixtures.dropping");
        assertEquals(0, cli.run("upgrade", "d1e2").exit());
        List<String> before = Catalog.snapshot(db);
        Path report = dir.resolve("release.json");
        Cli.Result result = cli.run("release", "--report", report.toString());
        assertEquals(1, result.exit(), result.toString());
        JsonNode json = read(report);
        assertEquals("refused", json.get("outcome").asText());
        assertEquals("lint_error", json.get("problems").get(0).get("kind").asText());
        assertEquals("d2e3f4a5b6c7", json.get("problems").get(0).get("revision").asText());
        assertEquals(1, json.get("problems").size(), "only the upgrade's errors count: a release runs no downgrade");
        assertTrue(result.out().contains("Release refused, nothing was changed: 1 lint error(s) in the pending revisions, nothing applied: "
                + "drop-column in d2e3f4a5b6c7 upgrade #1."), result.out());
        assertTrue(result.out().contains("LINT error drop-column (d2e3f4a5b6c7 upgrade #1"), "the finding is printed in full: " + result.out());
        assertTrue(result.out().contains("op.acknowledge(\"drop-column\", \"reason\")"), result.out());
        assertEquals(before, Catalog.snapshot(db), "the column is still there");
        assertEquals(List.of("d1e2f3a4b5c6"), db.column("select version_num from retort_version"));
    }

    @Test
    void productionWithoutConfirmationIsRefusedAndChangesNothing(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("release.json");
        Cli.Result result = Cli.against(db, "dev.retort.fixtures.linear").env("RETORT_ENVIRONMENT", "production")
                .run("release", "--report", report.toString());
        assertEquals(1, result.exit(), result.toString());
        JsonNode json = read(report);
        assertEquals("refused", json.get("outcome").asText());
        assertEquals("production", json.get("environment").asText());
        assertTrue(json.get("error").asText().contains("set --confirm (RETORT_CONFIRM_PRODUCTION) to yes"), json.get("error").asText());
        assertNull(db.value("select to_regclass('retort_version')::text"));
        Cli.Result confirmed = Cli.against(db, "dev.retort.fixtures.linear").env("RETORT_ENVIRONMENT", "production")
                .env("RETORT_CONFIRM_PRODUCTION", "yes").run("release");
        assertEquals(0, confirmed.exit(), confirmed.toString());
    }

    @Test
    void aDatabaseAtARevisionTheCodeDoesNotKnowIsRefused() {
        Cli.against(db, "dev.retort.fixtures.linear").run("upgrade");
        Cli.Result result = Cli.against(db, "dev.retort.fixtures.failing").run("release", "--json");
        assertEquals(1, result.exit(), result.toString());
        JsonNode json = result.json();
        assertEquals("refused", json.get("outcome").asText());
        assertEquals("unknown_revision", json.get("problems").get(0).get("kind").asText());
        assertEquals(List.of("77e0d9c8b1a2"), db.column("select version_num from retort_version"));
    }
}
