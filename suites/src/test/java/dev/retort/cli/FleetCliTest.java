package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * Fleets from the command line on PostgreSQL: tenant schemas and separate databases migrated in parallel, each revision
 * once per target; a target failing mid-way while the others finish, then a rerun completing only it; the query source;
 * shards in separate processes; a fleet run killed with SIGKILL and run again.
 */
@PostgresTest
class FleetCliTest {

    private static final String FLEET = "dev.retort.fixtures.fleet";
    private static final String SLOW = "dev.retort.fixtures.fleetslow";
    private static final String HEAD = "fee700000003";

    private final TestDatabase db;

    FleetCliTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private static List<String> schemas(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
    }

    private String upRows(String schema) {
        return db.value("select count(*) from " + schema + ".retort_history where direction = 'up' and success");
    }

    private static Map<String, JsonNode> byTarget(JsonNode report) {
        Map<String, JsonNode> targets = new TreeMap<>();
        report.get("targets").forEach(t -> targets.put(t.get("target").asText(), t));
        return targets;
    }

    @Test
    void aFleetOfSchemasIsMigratedInParallelEachRevisionOnceInItsOwnSchemaAndARerunHasNothingToDo() {
        List<String> tenants = schemas("tenant_", 6);
        Cli cli = Cli.against(db, FLEET);
        Cli.Result first = cli.run("upgrade", "--tenant-schemas", String.join(",", tenants), "--parallel", "3", "--json");
        assertEquals(0, first.exit(), first.toString());
        Map<String, JsonNode> results = byTarget(first.json());
        assertEquals(tenants, List.copyOf(results.keySet()));
        for (String tenant : tenants) {
            assertEquals("migrated", results.get(tenant).get("result").asText(), first.toString());
            assertEquals(3, results.get(tenant).get("applied").asInt());
            assertEquals("3", upRows(tenant), "each revision once in " + tenant);
            assertEquals(HEAD, db.value("select version_num from " + tenant + ".retort_version"));
            assertEquals("1", db.value("select count(*) from information_schema.columns where table_schema = '" + tenant
                    + "' and table_name = 'item' and column_name = 'price'"), "the migrations ran in the tenant's schema");
        }
        assertFalse(db.tableExists("item"), "nothing lands in the default schema");
        assertTrue(first.err().contains("fleet: 6/6 done, 0 running, 0 failed"), first.err());

        Cli.Result again = cli.run("upgrade", "--tenant-schemas", String.join(",", tenants));
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains("upgrade over 6 target(s)"), again.out());
        assertTrue(again.out().contains("6 at head."), again.out());
        for (String tenant : tenants) {
            assertEquals("3", upRows(tenant), "a rerun applies nothing in " + tenant);
        }
        String header = again.out().lines().filter(l -> l.startsWith("target")).findFirst().orElseThrow();
        assertTrue(header.matches("target +from +to +time +result"), "an aligned table: " + header);
    }

    @Test
    void aFleetOfDatabasesFromAFileIsMigratedInParallelEachRevisionOnce(@TempDir Path dir) throws Exception {
        List<TestDatabase> databases = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                databases.add(TestDatabases.server("postgresql").createDatabase("fleet_db"));
            }
            Path targets = dir.resolve("targets.txt");
            Files.writeString(targets, "# one database per customer\n" + String.join("\n", databases.stream().map(TestDatabase::jdbcUrl).toList()) + "\n\n");
            Cli.Result result = Cli.against(db, FLEET).run("release", "--targets", targets.toString(), "--parallel", "3", "--json",
                    "--report", dir.resolve("fleet.json").toString());
            assertEquals(0, result.exit(), result.toString());
            assertEquals(3, result.json().get("targets").size());
            result.json().get("targets").forEach(t -> assertEquals("migrated", t.get("result").asText(), result.toString()));
            assertTrue(Files.readString(dir.resolve("fleet.json")).contains("\"succeeded\":true"), "the report file holds the fleet's JSON");
            for (TestDatabase target : databases) {
                assertEquals("3", target.value("select count(*) from retort_history where direction = 'up' and success"));
                assertEquals(HEAD, target.value("select version_num from retort_version"));
            }
            assertFalse(db.tableExists("retort_version"), "the fleet's own database is no target of a list of databases");
        } finally {
            databases.forEach(TestDatabase::close);
        }
    }

    @Test
    void aTargetFailingMidWayLetsTheOthersFinishTheSummaryAndExitCodeSayWhichAndARerunAfterTheFixCompletesOnlyIt() {
        List<String> tenants = schemas("shop_", 5);
        db.execute("create schema shop_3; create table shop_3.audit (id int)");
        Cli cli = Cli.against(db, FLEET);
        Cli.Result failed = cli.run("upgrade", "--tenant-schemas", String.join(",", tenants), "--parallel", "2");
        assertEquals(1, failed.exit(), failed.toString());
        String row = failed.out().lines().filter(l -> l.startsWith("shop_3 ")).findFirst().orElseThrow();
        assertTrue(row.contains("fee700000001") && row.contains("FAILED"), "the summary says where it stopped: " + row);
        assertTrue(failed.out().contains("shop_3: ") && failed.out().contains("audit"), "and why: " + failed.out());
        assertTrue(failed.out().contains("4 migrated, 1 FAILED; exit code 1."), failed.out());
        assertEquals("fee700000001", db.value("select version_num from shop_3.retort_version"), "the revision before the failure committed");
        for (String tenant : List.of("shop_1", "shop_2", "shop_4", "shop_5")) {
            assertEquals(HEAD, db.value("select version_num from " + tenant + ".retort_version"), "the others finished: " + tenant);
        }

        db.execute("drop table shop_3.audit");
        Cli.Result rerun = cli.run("upgrade", "--tenant-schemas", String.join(",", tenants), "--json");
        assertEquals(0, rerun.exit(), rerun.toString());
        Map<String, JsonNode> results = byTarget(rerun.json());
        assertEquals("migrated", results.get("shop_3").get("result").asText());
        assertEquals(2, results.get("shop_3").get("applied").asInt(), "only what was left");
        for (String tenant : List.of("shop_1", "shop_2", "shop_4", "shop_5")) {
            assertEquals("at_head", results.get(tenant).get("result").asText());
            assertEquals(0, results.get(tenant).get("applied").asInt());
        }
        for (String tenant : tenants) {
            assertEquals("3", upRows(tenant), "each revision once in " + tenant);
        }
    }

    @Test
    void aTargetNoPlatformAcceptsFailsAloneAndTheOthersRun() {
        Cli.Result result = Cli.against(db, FLEET).run("upgrade", "--targets", "jdbc:nosuchdb://127.0.0.1/x," + db.jdbcUrl(), "--json");
        assertEquals(1, result.exit(), result.toString());
        Map<String, JsonNode> results = byTarget(result.json());
        assertEquals("failed", results.get("jdbc:nosuchdb://127.0.0.1/x").get("result").asText(), result.toString());
        assertEquals(1, result.json().get("totals").get("migrated").asInt(), result.toString());
        assertEquals(HEAD, db.value("select version_num from retort_version"));
    }

    @Test
    void failFastAndACanaryStopTheFleetAfterTheFirstFailure() {
        List<String> tenants = schemas("cn_", 4);
        db.execute("create schema cn_1; create table cn_1.audit (id int)");
        Cli cli = Cli.against(db, FLEET);
        Cli.Result canary = cli.run("upgrade", "--tenant-schemas", String.join(",", tenants), "--canary", "1", "--json");
        assertEquals(1, canary.exit(), canary.toString());
        Map<String, JsonNode> results = byTarget(canary.json());
        assertEquals("failed", results.get("cn_1").get("result").asText());
        for (String tenant : List.of("cn_2", "cn_3", "cn_4")) {
            assertEquals("skipped", results.get(tenant).get("result").asText());
            assertTrue(results.get(tenant).get("message").asText().contains("canary"), canary.toString());
            assertEquals("0", db.value("select count(*) from information_schema.schemata where schema_name = '" + tenant + "'"));
        }
        Cli.Result failFast = cli.run("upgrade", "--tenant-schemas", String.join(",", tenants), "--parallel", "1", "--fail-fast", "--json");
        assertEquals(1, failFast.exit(), failFast.toString());
        assertEquals(3, failFast.json().get("totals").get("skipped").asInt(), failFast.toString());
    }

    @Test
    void theTargetsOfAQueryOnTheCatalogDatabaseAreMigrated() {
        db.execute("create table tenants (schema_name varchar(63), active boolean);"
                + "insert into tenants values ('acme', true), ('gone', false), ('globex', true)");
        Cli.Result result = Cli.against(db, FLEET).run("upgrade", "--targets-query", "select schema_name from tenants where active", "--json");
        assertEquals(0, result.exit(), result.toString());
        assertEquals(List.of("acme", "globex"), List.copyOf(byTarget(result.json()).keySet()));
        assertEquals("3", upRows("acme"));
        assertEquals("3", upRows("globex"));
        assertEquals("0", db.value("select count(*) from information_schema.schemata where schema_name = 'gone'"));

        Cli.Result wrong = Cli.against(db, FLEET).run("upgrade", "--targets-query", "select nope from tenants");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("The targets query failed") && wrong.err().contains("--targets-query"), wrong.err());
    }

    @Test
    void shardsInSeparateProcessesMigrateEveryTargetExactlyOnceAndStatusOverTheFleetSaysAllAtHead(@TempDir Path dir) throws Exception {
        List<String> tenants = schemas("sh_", 7);
        Path targets = dir.resolve("tenants.txt");
        Files.writeString(targets, String.join("\n", tenants) + "\n");
        List<Process> processes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<String> command = new ArrayList<>(List.of(java(), "-cp", classPath(), Main.class.getName(), "upgrade", "--targets",
                    targets.toString(), "--json"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            environment(builder.environment(), FLEET);
            if (i < 3) {
                command.addAll(List.of("--shard", i + "/3"));
                builder.command(command);
            } else {
                // The last as a pod of a Kubernetes Indexed Job sees it: an index from 0 and the completions.
                builder.environment().put("JOB_COMPLETION_INDEX", "2");
                builder.environment().put("JOB_COMPLETIONS", "3");
            }
            processes.add(builder.start());
        }
        List<String> migrated = new ArrayList<>();
        for (Process process : processes) {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "a shard did not finish");
            assertEquals(0, process.exitValue(), out);
            JsonNode report = new ObjectMapper().readTree(out);
            report.get("targets").forEach(t -> {
                assertEquals("migrated", t.get("result").asText(), out);
                migrated.add(t.get("target").asText());
            });
        }
        assertEquals(tenants, migrated.stream().sorted().toList(), "every target exactly once over the shards");
        for (String tenant : tenants) {
            assertEquals("3", upRows(tenant));
        }
        Cli.Result status = Cli.against(db, FLEET).run("status", "--targets", targets.toString(), "--json");
        assertEquals(0, status.exit(), status.toString());
        assertEquals(7, status.json().get("totals").get("at_head").asInt(), status.toString());
        Cli.Result check = Cli.against(db, FLEET).run("check", "--targets", targets.toString());
        assertEquals(0, check.exit(), check.toString());
    }

    @Test
    void aFleetRunKilledWithSigkillMidWayReachesHeadEverywhereWhenRunAgain() throws Exception {
        List<String> tenants = schemas("k_", 6);
        ProcessBuilder builder = new ProcessBuilder(java(), "-cp", classPath(), Main.class.getName(), "upgrade", "--tenant-schemas",
                String.join(",", tenants), "--parallel", "2").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        environment(builder.environment(), SLOW);
        Process run = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Integer.parseInt(db.value("select count(*) from information_schema.tables where table_name = 'retort_version' "
                + "and table_schema like 'k\\_%'")) == 0) {
            assertTrue(System.nanoTime() < deadline, "the fleet run never started");
            Thread.sleep(50);
        }
        Thread.sleep(300);
        run.destroyForcibly();
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        long atHead = tenants.stream().filter(t -> "1".equals(db.value("select count(*) from information_schema.tables where table_schema = '"
                + t + "' and table_name = 'step4'"))).count();
        assertTrue(atHead < tenants.size(), "the kill came mid-way: " + atHead + " of " + tenants.size() + " were done");

        Cli.Result rerun = Cli.against(db, SLOW).run("upgrade", "--tenant-schemas", String.join(",", tenants), "--parallel", "3", "--json");
        assertEquals(0, rerun.exit(), rerun.toString());
        for (String tenant : tenants) {
            assertEquals("fee800000004", db.value("select version_num from " + tenant + ".retort_version"));
            assertEquals("4", db.value("select count(distinct revision) from " + tenant + ".retort_history where direction = 'up' and success"));
            assertEquals("4", db.value("select count(*) from information_schema.tables where table_schema = '" + tenant
                    + "' and table_name like 'step_'"));
        }
    }

    private void environment(Map<String, String> env, String migrations) {
        env.put("DATABASE_URL", db.jdbcUrl());
        env.put("RETORT_USER", db.user());
        env.put("RETORT_PASSWORD", db.password() == null ? "" : db.password());
        env.put("RETORT_PACKAGE", migrations);
        env.put("RETORT_PLATFORM", "postgresql");
        env.remove("JOB_COMPLETION_INDEX");
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

}
