package dev.retort.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.retort.MigrationListener;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.RunningInstance;
import dev.retort.command.Problem;
import dev.retort.command.ReleaseReport;
import dev.retort.command.ReleaseReport.AppliedRevision;
import dev.retort.revision.RevisionGraphException;
import dev.retort.revision.RevisionScript;
import dev.retort.testing.Revs;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * The two-deploy rule, enforced by release on a real database: a contract revision is not applied by the release that
 * applies its expand, nor while a registered instance built before its expand still runs; every deploy is recorded.
 */
// Rolling deploys are built for PostgreSQL and MariaDB; H2 serves development, not rolling production deploys.
@ParameterizedClass(name = "on {argumentSetName}")
@MethodSource("platforms")
class TwoDeployRuleTest {

    static Stream<Arguments> platforms() {
        return TestDatabases.onPlatforms("postgresql", "mariadb");
    }

    private final TestDatabase db;

    TwoDeployRuleTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    /** How many columns of that name the person table has, in the test's own database. */
    private String personColumns(String column) {
        return db.value("select count(*) from information_schema.columns where table_name = 'person' and column_name = '" + column
                + "' and table_schema = " + ("mariadb".equals(db.platform()) ? "database()" : "current_schema()"));
    }

    /** Version 1: a table. */
    private static List<RevisionScript> v1() {
        return Revs.graph().sql("r1", "create table person (id int primary key, name text)", "drop table person").scripts();
    }

    /** Version 2: v1, an expand adding full_name, and its contract dropping name. */
    private static List<RevisionScript> v2() {
        Revs revs = Revs.graph().sql("r1", "create table person (id int primary key, name text)", "drop table person")
                .sql("e2", "alter table person add column full_name text", "alter table person drop column full_name", "r1")
                .sql("c3", "alter table person drop column name", "alter table person add column name text", "e2");
        return revs.scripts().stream().map(s -> switch (s.id()) {
            case "e2" -> s.withPhase(Revision.Phase.EXPAND, "");
            case "c3" -> s.withPhase(Revision.Phase.CONTRACT, "e2");
            default -> s;
        }).toList();
    }

    private Retort retort(List<RevisionScript> revisions, String version) {
        return Revs.configure(db).revisions(revisions).applicationVersion(version).listener(MigrationListener.none()).load();
    }

    private static List<String> applied(ReleaseReport report) {
        return report.applied().stream().map(AppliedRevision::revision).toList();
    }

    private static JsonNode readJson(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReleaseReport release(List<RevisionScript> revisions, String version) {
        try (Retort retort = retort(revisions, version)) {
            return retort.release();
        }
    }

    @Test
    void theReleaseThatAppliesAnExpandHoldsItsContractAndTheNextReleaseAppliesIt() {
        assertEquals(List.of("r1"), applied(release(v1(), "1.0")));
        // The markers travel in the revision index that deploys read.
        try (Retort retort = retort(v2(), "2.0")) {
            String index = retort.revisionIndex();
            assertTrue(index.contains("revision.c3.phase=contract") && index.contains("revision.c3.expand=e2")
                    && index.contains("revision.e2.phase=expand"), index);
        }

        ReleaseReport second = release(v2(), "2.0");
        assertTrue(second.succeeded(), String.valueOf(second.error()));
        assertEquals(List.of("e2"), applied(second));
        assertEquals(Set.of("e2"), second.headsAfter());
        assertTrue(second.warnings().stream().anyMatch(w -> w.startsWith("revision c3") && w.contains("held for the next deploy")
                && w.contains("expand e2 is applied by this release")), second.warnings().toString());
        // The held contract is in the report as data too, for a pipeline to act on without reading the warnings.
        assertEquals(List.of("c3"), second.held().stream().map(ReleaseReport.HeldRevision::revision).toList());
        assertTrue(second.held().get(0).reason().startsWith("held for the next deploy: its expand e2 is applied by this release"),
                second.held().toString());
        JsonNode json = readJson(second.toJson()).get("held");
        assertEquals(1, json.size(), json.toString());
        assertEquals("c3", json.get(0).get("revision").asText());
        assertEquals(second.held().get(0).reason(), json.get(0).get("reason").asText());
        assertEquals(List.of("e2"), db.column("select version_num from retort_version"));
        assertEquals("1", personColumns("name"));

        // The same artifact released again (a retried pipeline) does not apply the contract either.
        ReleaseReport retried = release(v2(), "2.0");
        assertTrue(retried.succeeded(), String.valueOf(retried.error()));
        assertEquals(List.of(), applied(retried));
        assertTrue(retried.warnings().stream().anyMatch(w -> w.contains("same artifact")), retried.warnings().toString());
        assertEquals(List.of("c3"), retried.held().stream().map(ReleaseReport.HeldRevision::revision).toList());
        assertTrue(retried.held().get(0).reason().contains("same artifact"), retried.held().toString());

        ReleaseReport third = release(v2(), "3.0");
        assertTrue(third.succeeded(), String.valueOf(third.error()));
        assertEquals(List.of("c3"), applied(third));
        assertEquals(List.of(), third.held());
        assertEquals(0, readJson(third.toJson()).get("held").size());
        assertEquals("0", personColumns("name"));

        // Every deploy is recorded: which artifact, how it ended, what it applied and held back.
        assertEquals(List.of("1.0 upgraded r1 -", "2.0 upgraded e2 c3", "2.0 nothing_to_do - c3", "3.0 upgraded c3 -"),
                db.column("select concat(version, ' ', outcome, ' ', coalesce(nullif(applied, ''), '-'), ' ', coalesce(nullif(held, ''), '-')) "
                        + "from retort_deploys order by started_at"));
        assertEquals(List.of("c3"), db.column("select head from retort_deploys where version = '3.0'"));
    }

    @Test
    void aContractIsRefusedByNameWhileAnInstanceBuiltBeforeItsExpandRunsAndAppliedOnceItIsGone() {
        release(v1(), "1.0");
        try (Retort old = retort(v1(), "1.0")) {
            RunningInstance instance = old.registerInstance(Duration.ofSeconds(30));
            try {
                assertEquals(List.of("e2"), applied(release(v2(), "2.0")));
                // A new instance, built with the expand, does not hold the contract back.
                try (Retort current = retort(v2(), "2.0"); RunningInstance fresh = current.registerInstance()) {
                    ReleaseReport refused = release(v2(), "3.0");
                    assertEquals(ReleaseReport.Outcome.REFUSED, refused.outcome());
                    assertFalse(refused.succeeded());
                    assertTrue(refused.error().contains("contract revision c3") && refused.error().contains(instance.id())
                            && refused.error().contains("built with head r1") && refused.error().contains("version 1.0")
                            && !refused.error().contains(fresh.id()), refused.error());
                    assertEquals(Problem.Kind.CONTRACT_REFUSED, refused.problems().get(0).kind());
                    assertEquals("c3", refused.problems().get(0).revision());
                    assertEquals(List.of("e2"), db.column("select version_num from retort_version"));
                }
            } finally {
                instance.close();
            }
        }
        ReleaseReport applied = release(v2(), "3.0");
        assertTrue(applied.succeeded(), String.valueOf(applied.error()));
        assertEquals(List.of("c3"), applied(applied));
        assertEquals("refused", db.value("select outcome from retort_deploys where version = '3.0' order by started_at limit 1"));
    }

    /**
     * forceContract lifts the rule for one release, saying in a warning what would have held or refused each contract;
     * in production only with both confirmations, and otherwise refused with nothing changed.
     */
    @Test
    void forceContractAppliesAContractAnOlderInstanceStillNeedsWithAWarning() {
        release(v1(), "1.0");
        release(v2(), "2.0");
        try (Retort old = retort(v1(), "1.0"); RunningInstance instance = old.registerInstance()) {
            assertEquals(ReleaseReport.Outcome.REFUSED, release(v2(), "3.0").outcome());
            Settings production = Settings.builder().set(Setting.FORCE_CONTRACT, "yes").set(Setting.ENVIRONMENT, "production")
                    .set(Setting.CONFIRM, "yes").build();
            try (Retort forced = Retort.configure().settings(production).url(db.jdbcUrl()).user(db.user()).password(db.password()).revisions(v2()).applicationVersion("3.0")
                    .listener(MigrationListener.none()).load()) {
                ReleaseReport refused = forced.release();
                assertEquals(ReleaseReport.Outcome.REFUSED, refused.outcome());
                assertTrue(refused.error().contains("retort.forceContract applies contract revisions while the code of the version before "
                        + "may still run: set both retort.confirm and retort.confirmDestructive to yes"), refused.error());
                assertEquals(List.of("e2"), db.column("select version_num from retort_version"));
            }
            Settings confirmed = production.toBuilder().set(Setting.CONFIRM_DESTRUCTIVE, "yes").build();
            try (Retort forced = Retort.configure().settings(confirmed).url(db.jdbcUrl()).user(db.user()).password(db.password()).revisions(v2()).applicationVersion("3.0")
                    .listener(MigrationListener.none()).load()) {
                ReleaseReport applied = forced.release();
                assertTrue(applied.succeeded(), String.valueOf(applied.error()));
                assertEquals(List.of("c3"), applied(applied));
                assertEquals(List.of(), applied.held());
                assertTrue(applied.warnings().stream().anyMatch(w -> w.startsWith("applied by retort.forceContract: contract revision c3")
                        && w.contains(instance.id())), applied.warnings().toString());
            }
        }
    }

    @Test
    void anInstanceThatStopsRefreshingExpires() {
        release(v1(), "1.0");
        release(v2(), "2.0");
        try (Retort old = retort(v1(), "1.0"); RunningInstance instance = old.registerInstance(Duration.ofSeconds(60))) {
            assertEquals(ReleaseReport.Outcome.REFUSED, release(v2(), "3.0").outcome());
            // Killed without closing: its last refresh grows older than its time to live.
            db.execute("update retort_instances set seen_at = seen_at - " + ("mariadb".equals(db.platform()) ? "interval 5 minute" : "interval '5 minutes'")
                    + " where id = '" + instance.id() + "'");
            ReleaseReport applied = release(v2(), "3.0");
            assertTrue(applied.succeeded(), String.valueOf(applied.error()));
            assertEquals(List.of("c3"), applied(applied));
            assertEquals("0", db.value("select count(*) from retort_instances"));
        }
    }

    /**
     * The deploy job fourteen hours ahead of the instance (its JVM's zone, and so its database session's): the instance,
     * refreshed a moment ago, is live for it too, however each session's local time reads.
     */
    @Test
    void aReleaseInAnotherTimeZoneSeesARunningInstanceAsLive() {
        release(v1(), "1.0");
        release(v2(), "2.0");
        try (Retort old = retort(v1(), "1.0"); RunningInstance instance = old.registerInstance(Duration.ofSeconds(60))) {
            java.util.TimeZone own = java.util.TimeZone.getDefault();
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            try {
                assertEquals(ReleaseReport.Outcome.REFUSED, release(v2(), "3.0").outcome());
            } finally {
                java.util.TimeZone.setDefault(own);
            }
            assertEquals(List.of(instance.id()), db.column("select id from retort_instances"), "not taken for expired");
        }
    }

    @Test
    void anUpgradeAtStartUpHoldsAContractWhileItsExpandIsAppliedByTheSameRunOrAnOlderInstanceRuns() {
        List<String> notes = new java.util.ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        release(v1(), "1.0");
        try (Retort old = retort(v1(), "1.0"); RunningInstance instance = old.registerInstance()) {
            try (Retort starting = Revs.configure(db).revisions(v2()).listener(listener).load()) {
                assertEquals(List.of("e2"), starting.upgrade().steps().stream().map(s -> s.step().revision().id()).toList());
                assertTrue(notes.stream().anyMatch(n -> n.startsWith("Revision c3") && n.contains("expand e2 is applied by this run")),
                        notes.toString());
                notes.clear();
                // The next instance of the new version starts while the old one still runs: held again, by name.
                assertEquals(List.of(), starting.upgrade().steps());
                assertTrue(notes.stream().anyMatch(n -> n.startsWith("Revision c3") && n.contains(instance.id())), notes.toString());
            }
        }
        try (Retort starting = Revs.configure(db).revisions(v2()).listener(MigrationListener.none()).load()) {
            assertEquals(List.of("c3"), starting.upgrade().steps().stream().map(s -> s.step().revision().id()).toList());
        }
    }

    @Test
    void aContractMustDescendFromTheExpandItNames() {
        List<RevisionScript> scripts = v2().stream().map(s -> s.id().equals("c3") ? s.withPhase(Revision.Phase.CONTRACT, "zz") : s).toList();
        RevisionGraphException e = assertThrows(RevisionGraphException.class, () -> Revs.configure(db).revisions(scripts).load());
        assertTrue(e.getMessage().contains("contract revision c3") && e.getMessage().contains("names expand zz"), e.getMessage());
    }
}
