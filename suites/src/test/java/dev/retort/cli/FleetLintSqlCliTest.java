package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.retort.fleet.FleetReport;
import dev.retort.fleet.Target;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * {@code lint} and {@code sql} from the command line over a fleet of three fresh databases, one at base, one a revision
 * behind and one at head, on PostgreSQL and MariaDB: each target judged and scripted from its own revision, the findings
 * per target in the summary, the scripts one per target on standard output or in a directory, and nothing executed.
 */
@org.junit.jupiter.params.ParameterizedClass(name = "on {argumentSetName}")
@org.junit.jupiter.params.provider.MethodSource("platforms")
class FleetLintSqlCliTest {

    private static final String MIGRATIONS = "dev.retort.fixtures.fleetlint";
    private static final String FIRST = "fee900000001";
    private static final String HEAD = "fee900000002";
    private static final java.util.regex.Pattern CREATES_ITEM = java.util.regex.Pattern.compile("(?i)create table [`\"]?item\\b");

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> platforms() {
        return TestDatabases.onPlatforms("postgresql", "mariadb");
    }

    private final TestDatabase db;
    private final List<TestDatabase> targets = new ArrayList<>();

    FleetLintSqlCliTest(TestDatabase db) {
        this.db = db;
    }

    /** Three fresh databases: the first at base, the second at the first revision, the third at head. */
    @BeforeEach
    void threeTargets() {
        for (int i = 0; i < 3; i++) {
            targets.add(TestDatabases.server(db.platform()).createDatabase("fleet_lint"));
        }
        Cli.Result behind = Cli.against(targets.get(1), MIGRATIONS).run("upgrade", FIRST);
        assertEquals(0, behind.exit(), behind.toString());
        Cli.Result atHead = Cli.against(targets.get(2), MIGRATIONS).run("upgrade");
        assertEquals(0, atHead.exit(), atHead.toString());
    }

    @AfterEach
    void dropTargets() {
        targets.forEach(TestDatabase::close);
    }

    private String fleet() {
        return String.join(",", targets.stream().map(TestDatabase::jdbcUrl).toList());
    }

    private String name(int i) {
        return Target.database(targets.get(i).jdbcUrl()).name();
    }

    private static Map<String, JsonNode> byTarget(JsonNode report) {
        Map<String, JsonNode> byName = new TreeMap<>();
        report.get("targets").forEach(t -> byName.put(t.get("target").asText(), t));
        return byName;
    }

    @Test
    void lintOverTheFleetJudgesWhatEachTargetLacksWithWhatItsSchemaHoldsAndFailsOnATargetWithAnError() {
        Cli cli = Cli.against(db, MIGRATIONS);
        Cli.Result json = cli.run("lint", "--targets", fleet(), "--json");
        assertEquals(1, json.exit(), json.toString());
        Map<String, JsonNode> results = byTarget(json.json());
        JsonNode base = results.get(name(0));
        assertEquals("linted", base.get("result").asText(), json.toString());
        assertEquals(2, base.get("applied").asInt(), "both revisions, as the one run that builds the database");
        assertEquals(0, base.get("findings").size(), "the run creates item: the new column's table holds no rows: " + base);
        JsonNode behind = results.get(name(1));
        assertEquals("failed", behind.get("result").asText(), json.toString());
        assertEquals("not-null-without-default", behind.get("findings").get(0).get("rule").asText(), "item exists there: " + behind);
        assertEquals(HEAD, behind.get("findings").get(0).get("revision").asText());
        assertTrue(behind.get("message").asText().contains("op.acknowledge(\"not-null-without-default\""), behind.toString());
        assertEquals("at_head", results.get(name(2)).get("result").asText(), json.toString());

        Cli.Result text = cli.run("lint", "--targets", fleet(), "--parallel", "2");
        assertEquals(1, text.exit(), text.toString());
        String header = text.out().lines().filter(l -> l.startsWith("target")).findFirst().orElseThrow();
        assertTrue(header.matches("target +from +to +time +result +findings"), "the summary has a findings column: " + header);
        String row = text.out().lines().filter(l -> l.startsWith(name(1) + " ")).findFirst().orElseThrow();
        assertTrue(row.contains(FIRST) && row.contains("FAILED") && row.contains("1 error(s)"), row);
        assertTrue(text.out().contains(name(1) + ": LINT error not-null-without-default"), "the finding, named by target: " + text.out());
        assertTrue(text.out().contains("lint over 3 target(s)") && text.out().contains("1 at head, 1 linted, 1 FAILED; exit code 1."),
                text.out());
        assertFalse(targets.get(0).tableExists("retort_version"), "lint writes nothing");
    }

    @Test
    void sqlOverTheFleetWritesEachTargetsUpgradeFromItsOwnRevisionToStandardOutputOrOneFilePerTarget(@TempDir Path dir) throws Exception {
        Cli cli = Cli.against(db, MIGRATIONS);
        Cli.Result out = cli.run("sql", "--targets", fleet());
        assertEquals(0, out.exit(), out.toString());
        String scripts = out.out();
        assertTrue(scripts.startsWith("-- retort sql: " + name(0) + ", from base to " + HEAD + " (2 revision(s)); nothing was executed"), scripts);
        String first = section(scripts, name(0));
        assertTrue(CREATES_ITEM.matcher(first).find() && first.contains("price"), first);
        String second = section(scripts, name(1));
        assertTrue(second.startsWith("-- retort sql: " + name(1) + ", from " + FIRST + " to " + HEAD + " (1 revision(s))"), second);
        assertFalse(CREATES_ITEM.matcher(second).find(), "only what it lacks: " + second);
        assertTrue(second.contains("price"), second);
        assertTrue(section(scripts, name(2)).startsWith("-- retort sql: " + name(2) + ", at head " + HEAD + ": nothing to do"), scripts);
        assertFalse(scripts.contains("sql over 3 target(s)"), "standard output is the scripts alone");
        assertTrue(out.err().contains("sql over 3 target(s)") && out.err().contains("1 at head, 2 scripted."), out.err());

        Path scriptsDir = dir.resolve("scripts");
        Cli.Result files = cli.run("sql", "--targets", fleet(), "-o", scriptsDir.toString());
        assertEquals(0, files.exit(), files.toString());
        assertTrue(files.out().contains("Wrote 3 script(s) to " + scriptsDir), files.out());
        for (int i = 0; i < 3; i++) {
            Path file = scriptsDir.resolve(FleetReport.fileName(Target.database(targets.get(i).jdbcUrl())));
            assertEquals(section(scripts, name(i)).strip(), Files.readString(file).strip(), "the same script in " + file);
        }
        assertFalse(targets.get(0).tableExists("item"), "nothing was executed");
        assertEquals(FIRST, targets.get(1).value("select version_num from retort_version"), "nothing was executed");

        Cli.Result json = cli.run("sql", "--targets", fleet(), "--json");
        assertEquals(0, json.exit(), json.toString());
        Map<String, JsonNode> results = byTarget(json.json());
        assertEquals("scripted", results.get(name(1)).get("result").asText());
        assertTrue(results.get(name(1)).get("sql").asText().contains("price"), json.toString());
        assertTrue(results.get(name(2)).get("sql").isNull(), json.toString());
    }

    @Test
    void sqlAndLintOverAFleetRefuseWhatOnlyOneTargetCanMeanAndOtherCommandsStillRefuseAFleet() {
        Cli cli = Cli.against(db, MIGRATIONS);
        Cli.Result down = cli.run("sql", "--down", "-1", "--targets", fleet());
        assertEquals(1, down.exit(), down.toString());
        assertTrue(down.err().contains("sql over a fleet") && down.err().contains("--down"), down.err());
        Cli.Result from = cli.run("lint", "--from", "base", "--targets", fleet());
        assertEquals(1, from.exit(), from.toString());
        assertTrue(from.err().contains("lint over a fleet") && from.err().contains("--from"), from.err());
        Cli.Result downgrade = cli.run("downgrade", "-1", "--targets", fleet());
        assertEquals(1, downgrade.exit(), downgrade.toString());
        assertTrue(downgrade.err().contains("downgrade does not run over a fleet") && downgrade.err().contains("lint or sql"), downgrade.err());
        assertFalse(targets.get(0).tableExists("retort_version"), "nothing ran");
    }

    /** One target's section of the scripts: from its header to the next header. */
    private static String section(String scripts, String name) {
        int start = scripts.indexOf("-- retort sql: " + name + ",");
        assertTrue(start >= 0, "no section for " + name + ": " + scripts);
        int next = scripts.indexOf("-- retort sql: ", start + 1);
        return next < 0 ? scripts.substring(start) : scripts.substring(start, next);
    }
}
