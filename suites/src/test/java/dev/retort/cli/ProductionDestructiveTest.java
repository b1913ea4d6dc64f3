package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.testing.Catalog;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * On a production database, the commands that rewrite what it has recorded ({@code stamp --purge}, {@code repair})
 * need the second, louder confirmation: with {@code --confirm} alone they are refused in one line naming both
 * settings, and the schema, the version table and the history stay exactly as they were.
 */
@PostgresTest
class ProductionDestructiveTest {

    private static final String LINEAR = "dev.retort.fixtures.linear";
    private static final String REFUSAL = "set both --confirm (RETORT_CONFIRM_PRODUCTION) and --confirm-destructive "
            + "(RETORT_CONFIRM_DESTRUCTIVE) to yes to go ahead. Nothing was changed.";

    private final TestDatabase db;

    ProductionDestructiveTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void upgradedDatabase() {
        db.reset();
        assertEquals(0, Cli.against(db, LINEAR).run("upgrade").exit());
    }

    private Cli production() {
        return Cli.against(db, LINEAR).env("RETORT_ENVIRONMENT", "production").env("RETORT_CONFIRM_PRODUCTION", "yes");
    }

    /** Everything a refused command must leave alone: the schema, Retort's version rows and its history. */
    private List<String> state() {
        List<String> state = new java.util.ArrayList<>(Catalog.snapshot(db));
        state.addAll(db.column("select 'version ' || version_num from retort_version order by 1"));
        state.addAll(db.column("select 'history ' || id || ' ' || revision || ' ' || direction || ' ' || coalesce(checksum, '-') from retort_history order by id"));
        return state;
    }

    @Test
    void stampWithPurgeNeedsTheDestructiveConfirmation() {
        db.execute("insert into retort_version (version_num) values ('0ddba11c0ffe')");
        List<String> before = state();

        Cli.Result refused = production().run("stamp", "head", "--purge");
        assertEquals(1, refused.exit(), refused.toString());
        assertEquals("retort: The database is a production database (--environment (RETORT_ENVIRONMENT) is production, from "
                + "RETORT_ENVIRONMENT), and stamp with purge undoes or rewrites what it has recorded: " + REFUSAL, refused.err().strip());
        assertEquals(before, state(), "nothing changed");

        Cli.Result confirmed = production().env("RETORT_CONFIRM_DESTRUCTIVE", "yes").run("stamp", "head", "--purge");
        assertEquals(0, confirmed.exit(), confirmed.toString());
        assertEquals(List.of("77e0d9c8b1a2"), db.column("select version_num from retort_version"), "the unknown row was purged");
    }

    @Test
    void stampWithoutPurgeNeedsOnlyTheFirstConfirmation() {
        Cli.Result stamped = production().run("stamp", "3fa9");
        assertEquals(0, stamped.exit(), stamped.toString());
        assertEquals(List.of("3fa9c1b27d4e"), db.column("select version_num from retort_version"));
    }

    @Test
    void repairNeedsTheDestructiveConfirmationEvenWithYes() {
        db.execute("update retort_history set checksum = repeat('0', 64) where revision = '3fa9c1b27d4e'");
        List<String> before = state();

        Cli.Result refused = production().run("repair", "--yes");
        assertEquals(1, refused.exit(), refused.toString());
        assertEquals("retort: The database is a production database (--environment (RETORT_ENVIRONMENT) is production, from "
                + "RETORT_ENVIRONMENT), and repair undoes or rewrites what it has recorded: " + REFUSAL, refused.err().strip());
        assertEquals(before, state(), "nothing changed");

        Cli.Result unconfirmedProduction = Cli.against(db, LINEAR).env("RETORT_ENVIRONMENT", "production").run("repair", "--yes",
                "--confirm-destructive");
        assertEquals(1, unconfirmedProduction.exit(), "the louder confirmation does not replace the first one");
        assertEquals(before, state(), "nothing changed");

        Cli.Result repaired = production().run("repair", "--yes", "--confirm-destructive");
        assertEquals(0, repaired.exit(), repaired.toString());
        assertEquals(List.of("repair"), db.column("select direction from retort_history where revision = '3fa9c1b27d4e' order by id desc limit 1"));
    }
}
