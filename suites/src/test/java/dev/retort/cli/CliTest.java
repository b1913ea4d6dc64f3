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

import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** The command line's commands, exit codes and output, run in-process against a real database. */
@PostgresTest
class CliTest {

    private static final String LINEAR = "dev.retort.fixtures.linear";
    private final TestDatabase db;

    CliTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void upgradeCurrentHistoryHeadsAndDowngradeWithConfigurationFromTheEnvironment() {
        Cli cli = Cli.against(db, LINEAR);
        Cli.Result up = cli.run("upgrade");
        assertEquals(0, up.exit(), up.toString());
        assertTrue(up.out().contains("up     base -> a1b2c3d4e5f6, create author ("), up.out());
        assertTrue(up.out().contains("Upgraded 3 revisions in "), up.out());
        assertEquals(List.of("77e0d9c8b1a2"), db.column("select version_num from retort_version"));

        Cli.Result current = cli.run("current", "--verbose");
        assertEquals(0, current.exit(), current.toString());
        assertTrue(current.out().startsWith("77e0d9c8b1a2 (head), index author email\nThe database is at head."), current.out());
        assertTrue(cli.run("history").out().contains("3fa9c1b27d4e  a1b2c3d4e5f6  applied"));
        assertTrue(cli.run("heads").out().contains("77e0d9c8b1a2 (current), index author email"));

        Cli.Result down = cli.run("downgrade", "-1");
        assertEquals(0, down.exit(), down.toString());
        assertEquals(List.of("3fa9c1b27d4e"), db.column("select version_num from retort_version"));
        Cli.Result again = cli.run("upgrade", "--json");
        assertEquals(0, again.exit(), again.toString());
        JsonNode json = again.json();
        assertEquals("up", json.get("direction").asText());
        assertEquals("3fa9c1b27d4e", json.get("before").get(0).asText());
        assertEquals("77e0d9c8b1a2", json.get("steps").get(0).get("revision").asText());
        assertTrue(again.err().contains("up     3fa9c1b27d4e -> 77e0d9c8b1a2"), "progress goes to standard error with --json");
    }

    @Test
    void optionsWinOverTheEnvironmentAndAPropertiesFileFillsTheRest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("retort.properties");
        Files.writeString(file, "retort.package=" + LINEAR + "\nretort.url=" + db.jdbcUrl() + "\nretort.user=" + db.user() + "\n"
                + (db.password() == null || db.password().isEmpty() ? "" : "retort.password=" + db.password() + "\n"));
        Cli cli = new Cli().env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
        Cli.Result up = cli.run("upgrade", "--config-file", file.toString(), "a1b2");
        assertEquals(0, up.exit(), up.toString());
        assertEquals(List.of("a1b2c3d4e5f6"), db.column("select version_num from retort_version"));
        Cli.Result wrongPackage = cli.run("upgrade", "--config-file", file.toString(), "--package", "dev.retort.fixtures.failing");
        assertEquals(1, wrongPackage.exit(), "the option names another package: its revisions are unknown to this database");
    }

    @Test
    void lintFailsOnAnUnacknowledgedErrorInThePendingRevisionsAndNeedsNoDatabaseWithFrom() {
        Cli cli = Cli.against(db, "dev.retort.fixtures.dropping");
        assertEquals(0, cli.run("upgrade", "d1e2f3a4b5c6").exit());
        Cli.Result pending = cli.run("lint");
        assertEquals(1, pending.exit(), pending.toString());
        assertTrue(pending.out().contains("error drop-column (d2e3f4a5b6c7 upgrade #1: ALTER TABLE item DROP COLUMN note)"), pending.out());
        assertTrue(pending.out().contains("Linted 1 revision(s) as one run (tables the run creates hold no rows and serve no running code): "
                + "1 error(s), "), pending.out());
        assertTrue(pending.out().contains("op.acknowledge(\"drop-column\", \"why\")"), pending.out());

        Cli.Result offline = new Cli().run("lint", "--package", "dev.retort.fixtures.dropping", "--from", "d1e2f3a4b5c6", "--json");
        assertEquals(1, offline.exit(), offline.toString());
        JsonNode json = offline.json();
        assertFalse(json.get("passed").asBoolean());
        assertEquals("d2e3f4a5b6c7", json.get("revisions").get(0).asText());
        assertEquals("drop-column", json.get("findings").get(0).get("rule").asText());
        assertEquals("error", json.get("findings").get(0).get("severity").asText());

        db.reset();
        Cli.Result linear = Cli.against(db, LINEAR).run("lint");
        assertEquals(0, linear.exit(), linear.toString());
        assertEquals("Linted 3 revision(s) as one run on a fresh database (no table holds rows yet): 0 error(s), 0 warning(s), 0 note(s).",
                linear.out().strip());
    }

    @Test
    void verifyProvesTheRevisionsOnAScratchServerAndNeverTouchesTheConfiguredDatabase() {
        String scratch = dev.retort.DevDatabases.scratchServer(db);
        Cli.Result verified = Cli.against(db, LINEAR).run("verify", "--dev-database", scratch);
        assertEquals(0, verified.exit(), verified.toString());
        assertTrue(verified.out().matches("(?s).*Verified 3 revision\\(s\\) in \\d+\\.\\d s: each upgrades, downgrades.*"), verified.out());
        assertNull(db.value("select to_regclass('retort_version')::text"), "the configured database was not migrated");

        Cli.Result twoHeads = Cli.against(db, "dev.retort.fixtures.branches").run("verify", "--dev-database", scratch, "--json");
        assertEquals(1, twoHeads.exit(), twoHeads.toString());
        assertEquals("several_heads", twoHeads.json().get("problems").get(0).get("kind").asText());

        Cli.Result noDevDatabase = Cli.against(db, LINEAR).run("verify");
        assertEquals(1, noDevDatabase.exit(), noDevDatabase.toString());
        assertTrue(noDevDatabase.err().contains("set --dev-database (RETORT_DEV_DATABASE)"), noDevDatabase.err());
    }

    @Test
    void usageErrorsExitWithTwoAndFailuresWithOne() {
        Cli cli = Cli.against(db, LINEAR);
        Cli.Result unknown = cli.run("upgrad");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("Unmatched argument at index 0: 'upgrad'"), unknown.err());
        assertEquals(2, cli.run("downgrade").exit(), "downgrade needs a target");
        assertEquals(2, cli.run().exit(), "a command is needed");
        Cli.Result badTarget = cli.run("upgrade", "zzz");
        assertEquals(1, badTarget.exit(), badTarget.toString());
        assertEquals("retort: No revision matches 'zzz'. Run history to list the revisions.", badTarget.err().lines().findFirst().orElse(""));
        Cli.Result badTimeout = cli.run("upgrade", "--lock-timeout", "soon");
        assertEquals(1, badTimeout.exit());
        assertTrue(badTimeout.err().startsWith("retort: --lock-timeout (RETORT_LOCK_TIMEOUT) is 'soon' (from explicit)"), badTimeout.err());
        assertNull(db.value("select to_regclass('retort_version')::text"), "nothing was applied");
        Cli.Result help = cli.run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("DATABASE_URL names it, in one of these forms:\n    jdbc:postgresql://host:port/database\n"
                + "    postgresql://user:password@host:port/database\n"), help.out());
        assertTrue(help.out().contains("\n    mariadb://user:password@host:3306/database\n"), help.out());
        assertTrue(help.out().contains("\n  A JDBC URL takes the user and password as parameters (?user=app&password=...).\n"), help.out());
        assertTrue(help.out().contains("java -cp 'app.jar:lib/*' dev.retort.cli.Main upgrade"), help.out());
        assertTrue(help.out().contains("java -Dloader.main=dev.retort.cli.Main -cp app.jar \\\n"
                + "      org.springframework.boot.loader.launch.PropertiesLauncher upgrade"), help.out());
        assertTrue(help.out().indexOf("  0   success") < help.out().indexOf("  2   usage error"), "exit codes in order: " + help.out());
        Cli.Result version = cli.run("--version");
        assertTrue(version.out().matches("retort \\d+\\.\\d+\\.\\d+.*\\n"), version.out());
        assertTrue(cli.run("release", "--help").out().contains("--report=FILE"));
    }

    @Test
    void releasePrintsEachRevisionOnceWithItsTimeAndStampNamesTheStampOnce() {
        Cli cli = Cli.against(db, LINEAR);
        Cli.Result release = cli.run("release");
        assertEquals(0, release.exit(), release.toString());
        assertEquals(1, release.out().lines().filter(line -> line.contains("-> a1b2c3d4e5f6")).count(), release.out());
        assertTrue(release.out().matches("(?s).*up     base -> a1b2c3d4e5f6, create author \\(\\d+ ms\\).*"), release.out());
        assertFalse(release.out().contains("applied a1b2c3d4e5f6"), release.out());
        assertTrue(release.out().contains("Release succeeded: applied 3 revisions in "), release.out());

        Cli.Result stamp = cli.run("stamp", "base");
        assertEquals(0, stamp.exit(), stamp.toString());
        assertTrue(stamp.out().startsWith("stamp  77e0d9c8b1a2 -> base ("), stamp.out());
    }

    @Test
    void sqlShowAndCheck(@TempDir Path dir) throws Exception {
        Cli cli = Cli.against(db, LINEAR);
        Cli.Result offline = cli.run("sql", "--from", "base", "--output", dir.resolve("up.sql").toString());
        assertEquals(0, offline.exit(), offline.toString());
        assertTrue(Files.readString(dir.resolve("up.sql")).contains("create table author"), "the script is written");
        assertNull(db.value("select to_regclass('retort_version')::text"), "sql executes nothing");
        Cli.Result show = cli.run("show", "3fa9", "--json");
        assertEquals("alter table author add column email varchar(320)", show.json().get("upgrade").get(0).asText());

        Cli.Result notAtHead = cli.run("check");
        assertEquals(1, notAtHead.exit(), notAtHead.toString());
        assertTrue(notAtHead.out().contains("problem: the database is at base, not at head 77e0d9c8b1a2"), notAtHead.out());
        cli.run("upgrade");
        Cli.Result down = cli.run("sql", "--down", "base");
        assertTrue(down.out().contains("drop table author;"), down.out());
        assertEquals(0, cli.run("check").exit());
        assertTrue(cli.run("check", "--json").json().get("passed").asBoolean());
    }

    @Test
    void anEditedAppliedMigrationIsRefusedByUpgradeUntilRepairedWithConfirmation() {
        Cli cli = Cli.against(db, LINEAR);
        cli.run("upgrade", "3fa9");
        db.execute("update retort_history set checksum = repeat('0', 64) where revision = '3fa9c1b27d4e'");
        Cli.Result refused = cli.run("upgrade");
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().startsWith("retort: Migration 3fa9c1b27d4e (dev.retort.fixtures.linear.M0002_AddEmail) was edited after "
                + "it was applied"), refused.err());
        assertEquals(List.of("3fa9c1b27d4e"), db.column("select version_num from retort_version"), "nothing ran");
        Cli.Result unconfirmed = cli.run("repair");
        assertEquals(1, unconfirmed.exit());
        assertTrue(unconfirmed.err().contains("run it again with --yes"), unconfirmed.err());
        Cli.Result repaired = cli.run("repair", "--yes");
        assertEquals(0, repaired.exit(), repaired.toString());
        assertTrue(repaired.out().contains("repair 3fa9c1b27d4e, add email to author ("), repaired.out());
        assertTrue(repaired.out().contains("Repaired the history of 1 revision (the current checksum of an edited migration recorded, an interrupted attempt cleared)"), repaired.out());
        assertEquals(List.of("repair"), db.column("select direction from retort_history where revision = '3fa9c1b27d4e' order by id desc limit 1"));
        assertEquals(0, cli.run("upgrade").exit());
        assertTrue(cli.run("repair", "--yes").out().startsWith("Nothing to repair"));
    }

    @Test
    void productionRefusesUnconfirmedWritesAndChangesNothing() {
        Cli cli = Cli.against(db, LINEAR).env("RETORT_ENVIRONMENT", "production");
        Cli.Result refused = cli.run("upgrade");
        assertEquals(1, refused.exit());
        assertEquals("retort: The database is a production database (--environment (RETORT_ENVIRONMENT) is production, from "
                + "RETORT_ENVIRONMENT), and upgrade writes to it: set --confirm (RETORT_CONFIRM_PRODUCTION) to yes to go ahead. "
                + "Nothing was changed.", refused.err().strip());
        assertNull(db.value("select to_regclass('retort_version')::text"), "not even Retort's tables were created");
        assertEquals(0, cli.env("RETORT_CONFIRM_PRODUCTION", "yes").run("upgrade").exit());
        Cli.Result downgrade = cli.run("downgrade", "-1");
        assertEquals(1, downgrade.exit());
        assertTrue(downgrade.err().contains("set both --confirm (RETORT_CONFIRM_PRODUCTION) and --confirm-destructive "
                + "(RETORT_CONFIRM_DESTRUCTIVE) to yes"), downgrade.err());
        assertEquals(0, cli.run("downgrade", "-1", "--confirm-destructive").exit());
        assertEquals(List.of("3fa9c1b27d4e"), db.column("select version_num from retort_version"));
    }

    @Test
    void checkDeployableComparesAnArtifactsRecordedHeadWithTheDatabase() {
        Cli cli = Cli.against(db, LINEAR);
        cli.run("upgrade", "a1b2");
        Cli.Result behind = cli.run("check-deployable");
        assertEquals(0, behind.exit(), behind.toString());
        assertTrue(behind.out().startsWith("Deployable: the database is at a1b2c3d4e5f6, behind the artifact's head 77e0d9c8b1a2; release "
                + "would apply 2 revisions (3fa9c1b27d4e, 77e0d9c8b1a2)."), behind.out());
        cli.run("upgrade");
        // An older build of the application knew only the first two revisions.
        Cli.Result ahead = Cli.against(db, "dev.retort.fixtures.failing").run("check-deployable", "--json");
        assertEquals(1, ahead.exit(), ahead.toString());
        JsonNode json = ahead.json();
        assertFalse(json.get("deployable").asBoolean());
        assertEquals("77e0d9c8b1a2", json.get("unknown").get(0).asText());
    }
}
