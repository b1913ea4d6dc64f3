package dev.retort.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.command.Direction;
import dev.retort.command.Plan;
import dev.retort.command.Script;

/** What sql over a fleet writes: a header per target, one file per target that did not fail, names that cannot clash. */
class FleetReportTest {

    private static TargetResult scripted(Target target, String sql) {
        Script script = new Script(new Plan(Direction.UP, "head", Set.of(), Set.of("fee700000001"), List.of()), sql);
        return new TargetResult(target, List.of(), List.of("fee700000001"), 1, Duration.ofMillis(5), TargetResult.Outcome.SCRIPTED, null,
                null, script);
    }

    @Test
    void eachTargetsScriptStandsUnderAHeaderAndFailedTargetsGetNoFile(@TempDir Path dir) throws Exception {
        Target acme = Target.schema("acme");
        Target shop = Target.database("jdbc:postgresql://db1:5432/shop");
        FleetReport report = new FleetReport(FleetCommand.SQL, Shard.ALL, List.of(
                scripted(acme, "CREATE TABLE item (id int);\n"),
                new TargetResult(Target.schema("globex"), List.of("fee700000001"), List.of("fee700000001"), 0, Duration.ZERO,
                        TargetResult.Outcome.AT_HEAD, null),
                new TargetResult(shop, null, null, 0, Duration.ZERO, TargetResult.Outcome.FAILED, "Cannot connect:\nrefused")),
                Duration.ofMillis(20));

        String scripts = report.scripts();
        assertTrue(scripts.startsWith("-- retort sql: acme, from base to fee700000001 (1 revision(s)); nothing was executed\n"
                + "CREATE TABLE item (id int);\n"), scripts);
        assertTrue(scripts.contains("-- retort sql: globex, at head fee700000001: nothing to do\n"), scripts);
        assertTrue(scripts.contains("-- retort sql: jdbc:postgresql://db1:5432/shop, FAILED: Cannot connect: refused\n"),
                "a failure is one comment line: " + scripts);

        List<Path> files = report.writeScripts(dir);
        assertEquals(List.of(dir.resolve("acme.sql"), dir.resolve("globex.sql")), files);
        assertTrue(Files.readString(dir.resolve("acme.sql")).contains("CREATE TABLE item"));
        assertEquals("jdbc_postgresql___db1_5432_shop.sql", FleetReport.fileName(shop));
    }

    @Test
    void targetsWhoseFileNamesClashGetNumberedFiles(@TempDir Path dir) {
        FleetReport report = new FleetReport(FleetCommand.SQL, Shard.ALL, List.of(scripted(Target.schema("a.b"), "select 1;\n"),
                scripted(Target.schema("A.B"), "select 2;\n"), scripted(Target.database("jdbc:mariadb://h/a"), "select 3;\n"),
                scripted(Target.database("jdbc:mariadb://h:a"), "select 4;\n")), Duration.ZERO);
        assertEquals(List.of("a.b.sql", "A.B-2.sql", "jdbc_mariadb___h_a.sql", "jdbc_mariadb___h_a-2.sql"),
                report.writeScripts(dir).stream().map(p -> p.getFileName().toString()).toList());
    }
}
