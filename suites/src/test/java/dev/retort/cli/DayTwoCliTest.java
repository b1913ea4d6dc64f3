package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.fixtures.daytwo.Summaries;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** Repeatables, callbacks, placeholders, clean and baseline on release through the command line, as a release step runs it. */
@PostgresTest
class DayTwoCliTest {

    private static final String PACKAGE = "dev.retort.fixtures.daytwo";

    private final TestDatabase db;

    DayTwoCliTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
        Summaries.label = "one";
    }

    private Cli cli() {
        return Cli.against(db, PACKAGE).env("RETORT_SQL_LOCATION", "dev/retort/fixtures/daytwo");
    }

    @Test
    void placeholdersFromTheEnvironmentRepeatablesAfterRevisionsAndCallbacks() {
        Cli.Result unset = cli().run("upgrade");
        assertEquals(1, unset.exit(), unset.toString());
        assertTrue(unset.err().contains("uses the placeholder ${greeting}, which has no value: set it with --placeholders (RETORT_PLACEHOLDERS) "
                + "(greeting=<value>)"), unset.err());
        assertFalse(db.tableExists("retort_version"), "nothing ran");

        Cli cli = cli().env("RETORT_PLACEHOLDERS_GREETING", "hi");
        Cli.Result up = cli.run("upgrade");
        assertEquals(0, up.exit(), up.toString());
        assertTrue(up.out().contains("repeat active_authors, authors still writing ("), up.out());
        assertTrue(up.out().indexOf("up     d1a000000001 -> d2b000000002") < up.out().indexOf("repeat active_authors"), up.out());
        assertTrue(up.out().contains("Ran the afterRun callback dev/retort/fixtures/daytwo/afterRun.sql ("), up.out());
        assertTrue(up.out().contains("Upgraded 2 revisions and applied 3 repeatables in "), up.out());
        assertEquals("hi", db.value("select name from author"));

        Cli.Result again = cli.run("upgrade", "--placeholders", "greeting=other");
        assertTrue(again.out().contains("Nothing to do: the database is already at d2b000000002."), again.toString());

        Cli.Result history = cli.run("history");
        assertTrue(history.out().matches("(?s).*Repeatable\\s+State\\s+Applied at \\(UTC\\)\\s+Source\n"
                + "active_authors\\s+applied .*author_count\\s+applied .*Summaries\\s+applied .*"), history.out());
        Cli.Result show = cli.run("show", "author_count");
        assertTrue(show.out().contains("create or replace function author_count()"), show.out());
        assertTrue(cli.run("current", "--verbose").out().contains("Every repeatable is applied as it is now."));

        Summaries.label = "two";
        try {
            assertTrue(cli.run("current", "--verbose").out().contains("1 repeatable(s) pending, applied by the next upgrade to head (Summaries)."));
            Cli.Result changed = cli.run("upgrade");
            assertTrue(changed.out().contains("repeat Summaries ("), changed.out());
            assertTrue(changed.out().contains("Applied 1 repeatable in "), changed.out());
            assertFalse(changed.out().contains("repeat active_authors"), "only the changed one: " + changed.out());
        } finally {
            Summaries.label = "one";
        }
    }

    @Test
    void aFailingCallbackFailsTheRunNamingItAndAfterFailureRuns() {
        Cli cli = Cli.against(db, "dev.retort.fixtures.daytwofail").env("RETORT_SQL_LOCATION", "dev/retort/fixtures/daytwofail");
        Cli.Result up = cli.run("upgrade");
        assertEquals(1, up.exit(), up.toString());
        assertTrue(up.err().contains("The afterRun callback dev/retort/fixtures/daytwofail/afterRun__grant_reader.sql failed and was rolled "
                + "back; the revisions before it stay applied, the database is at f1a000000001. Statement: grant select on ledger_view to public."),
                up.err());
        assertEquals(List.of("f1a000000001"), db.column("select version_num from retort_version"), "the revision stays applied");
        assertEquals(List.of("afterFailure"), db.column("select event from ledger"), "afterFailure ran after the failure");
    }

    @Test
    void cleanIsRefusedInProductionAndWhenNotEnabled() {
        Cli cli = cli().env("RETORT_PLACEHOLDERS", "greeting=hi");
        assertEquals(0, cli.run("upgrade").exit());
        Cli.Result notEnabled = cli.run("clean");
        assertEquals(1, notEnabled.exit(), notEnabled.toString());
        assertTrue(notEnabled.err().contains("set --clean-enabled (RETORT_CLEAN_ENABLED) to yes"), notEnabled.err());
        Cli.Result production = cli.run("clean", "--clean-enabled", "--environment", "production", "--confirm", "--confirm-destructive");
        assertEquals(1, production.exit(), production.toString());
        assertTrue(production.err().contains("clean never runs in production"), production.err());
        assertTrue(db.tableExists("author"));

        Cli.Result clean = cli.run("clean", "--clean-enabled");
        assertEquals(0, clean.exit(), clean.toString());
        assertTrue(clean.out().matches("(?s)Schema\\s+Type\\s+Name\n.*public\\s+view\\s+active_authors\n.*public\\s+table\\s+retort_version\n.*"
                + "Cleaned schema public: dropped \\d+ objects in \\d+ ms.\n"), clean.out());
        assertFalse(db.tableExists("author"));
    }

    @Test
    void releaseAdoptsAFlywayDatabaseWhenAskedAndRefusesAnotherSchemaNamingTheDifference() {
        db.execute("create table author (id int primary key, name text not null, active boolean not null default true, email text)");
        db.execute("create table flyway_schema_history (installed_rank int primary key, version varchar(50))");
        String scratch = dev.retort.DevDatabases.scratchServer(db);
        Cli cli = cli().env("RETORT_PLACEHOLDERS", "greeting=hi").env("RETORT_DEV_DATABASE", scratch);

        Cli.Result notAsked = cli.run("release");
        assertEquals(1, notAsked.exit(), notAsked.toString());
        assertTrue((notAsked.out() + notAsked.err()).contains("The database has no Retort tables but already holds 1 table(s) (author), so a "
                + "release from base would fail on them. If it holds the schema of a revision, set --baseline-on-release "
                + "(RETORT_BASELINE_ON_RELEASE) to that revision"), notAsked.toString());
        assertFalse(db.tableExists("retort_version"), "refused before anything ran");

        db.execute("alter table author drop column email");
        Cli.Result refused = cli.run("release", "--baseline-on-release", "d2b000000002");
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue((refused.out() + refused.err()).contains("its schema is not the one at revision d2b000000002"), refused.toString());
        assertTrue((refused.out() + refused.err()).contains("email"), refused.toString());

        db.execute("alter table author add column email text");
        Cli.Result adopted = cli.run("release", "--baseline-on-release", "d2b000000002");
        assertEquals(0, adopted.exit(), adopted.toString());
        assertEquals(List.of("d2b000000002"), db.column("select version_num from retort_version"));
        assertTrue(db.tableExists("flyway_schema_history"), "Flyway's table stays");
    }
}
