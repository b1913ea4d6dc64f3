package dev.retort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.Callback;
import dev.retort.DevDatabases;
import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.CheckResult;
import dev.retort.command.Cleaned;
import dev.retort.command.Direction;
import dev.retort.command.MigrationFailedException;
import dev.retort.command.Problem;
import dev.retort.command.ReleaseReport;
import dev.retort.command.RepeatableStatus;
import dev.retort.command.RunResult;
import dev.retort.command.Verification;
import dev.retort.fixtures.daytwo.Summaries;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;
import dev.retort.schema.Table;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.Revs;
import dev.retort.testing.TestDatabase;

/**
 * What Flyway and Liquibase users reach for on day two, through the start-up API: repeatable revisions, callbacks,
 * placeholders, clean, baseline on release and object filters.
 */
@PostgresTest
class DayTwoTest {

    private static final String PACKAGE = "dev.retort.fixtures.daytwo";
    private static final String SQL = "dev/retort/fixtures/daytwo";

    private final TestDatabase db;

    DayTwoTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
        Summaries.label = "one";
    }

    @AfterEach
    void restore() {
        Summaries.label = "one";
    }

    private Retort.Builder configure() {
        return Revs.configure(db).migrationsPackage(PACKAGE).sqlLocation(SQL).placeholder("greeting", "hello")
                .listener(MigrationListener.none());
    }

    private static List<String> ran(RunResult result) {
        return result.steps().stream().map(s -> s.step().direction().label() + " " + s.step().revision().id()).toList();
    }

    @Test
    void repeatablesRunAfterTheVersionedRevisionsInNameOrderAndAgainOnlyWhenTheyChange() {
        try (Retort retort = configure().load()) {
            RunResult first = retort.upgrade();
            assertEquals(List.of("up d1a000000001", "up d2b000000002", "repeat active_authors", "repeat author_count", "repeat Summaries"),
                    ran(first), "versioned revisions first, then the repeatables by name, SQL and Java alike");
            assertEquals("Upgraded 2 revisions and applied 3 repeatables in " + first.elapsed().toMillis() + " ms; now at d2b000000002.",
                    dev.retort.command.Summary.of(first));
            assertEquals("1", db.value("select author_count()::text"));
            assertEquals("hello", db.value("select name from active_authors"));
            assertEquals(List.of("active_authors", "author_count", "Summaries"),
                    db.column("select revision from retort_history where direction = 'repeat' and success order by id"));

            assertTrue(ran(retort.upgrade()).isEmpty(), "unchanged repeatables do not run again");
            assertTrue(retort.repeatables().stream().noneMatch(RepeatableStatus::pending));

            Summaries.label = "two";
            assertEquals("changed", retort.repeatables().stream().filter(r -> r.name().equals("Summaries")).findFirst().orElseThrow().state());
            assertEquals(List.of("repeat Summaries"), ran(retort.upgrade()), "only the changed repeatable runs again");
            assertEquals("two", db.value("select label from author_summary"));
            assertTrue(ran(retort.upgrade()).isEmpty());
        }
    }

    @Test
    void anUpgradeShortOfHeadLeavesTheRepeatablesPendingAndCheckSaysSo() {
        try (Retort retort = configure().load()) {
            assertEquals(List.of("up d1a000000001"), ran(retort.upgrade("d1a000000001")), "repeatables are written against head");
            assertEquals(List.of("pending", "pending", "pending"), retort.repeatables().stream().map(RepeatableStatus::state).toList());
            assertEquals(List.of("active_authors", "author_count", "Summaries"), retort.plan(Direction.UP, "head").repeatables());
            retort.upgrade();
            Summaries.label = "two";
            CheckResult check = retort.check(platform -> retort.introspect(Set.of("public")));
            assertEquals(List.of(Problem.Kind.REPEATABLE_PENDING), check.problems().stream().map(Problem::kind).toList(), check.problems().toString());
            assertTrue(check.problems().get(0).message().contains("repeatable Summaries changed since it last ran"), check.problems().toString());
        }
    }

    @Test
    void callbacksRunAtEveryPointAndAFailingOneFailsTheRunLikeARevision() {
        List<String> javaSeen = new ArrayList<>();
        try (Retort retort = configure().callback(Callback.at(Callback.Event.AFTER_RUN, "recording", (step, op) -> javaSeen.add("afterRun")))
                .load()) {
            retort.upgrade("d1a000000001");
            assertEquals(List.of("beforeRun", "beforeEach", "afterEach", "afterRun"),
                    db.column("select event from callback_log order by id"), "SQL callbacks by convention, each event in order");
            assertEquals(List.of("afterRun"), javaSeen, "a callback given through the API runs as well");
            retort.upgrade("d1a000000001");
            assertEquals(6, db.column("select event from callback_log").size(), "before and after the run also when there is nothing to do");
        }
        db.reset();
        Callback failing = Callback.at(Callback.Event.AFTER_EACH, "failing", (step, op) -> {
            if (step.revision().id().equals("author_count")) {
                op.execute("select 1 / 0");
            }
        });
        try (Retort retort = configure().callback(failing).load()) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertTrue(e.getMessage().startsWith("Repeatable author_count failed during upgrade and was rolled back"), e.getMessage());
            assertTrue(e.getMessage().contains("Statement: select 1 / 0 (in the afterEach callback failing)"), e.getMessage());
            assertEquals(Set.of("d2b000000002"), retort.currentHeads(), "what ran before stays");
            assertNull(db.value("select to_regproc('author_count')::text"), "the repeatable rolled back with its callback");
            assertEquals("afterFailure", db.value("select event from callback_log order by id desc limit 1"), "afterFailure ran");
        }
        Callback failingAfterRun = Callback.at(Callback.Event.AFTER_RUN, "grants", (step, op) -> op.execute("grant select on nowhere to public"));
        try (Retort retort = configure().callback(failingAfterRun).load()) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertTrue(e.getMessage().startsWith("The afterRun callback grants failed and was rolled back; the revisions before it stay "
                    + "applied, the database is at d2b000000002. Statement: grant select on nowhere to public."), e.getMessage());
            assertEquals(List.of("author_count", "Summaries"), e.completed().stream().map(s -> s.step().revision().id()).toList());
        }
    }

    @Test
    void placeholdersAreReplacedTheChecksumIsTakenBeforeAndAnUnsetOneIsNamed() {
        try (Retort retort = configure().load()) {
            retort.upgrade("d1a000000001");
            assertEquals("hello", db.value("select name from author"));
            String checksum = retort.checksum("d1a000000001");
            try (Retort other = configure().placeholder("greeting", "bonjour").load()) {
                assertEquals(checksum, other.checksum("d1a000000001"), "the checksum is taken over the text before substitution");
                assertTrue(other.validate().passed(), "another value is no edit");
                assertTrue(other.show("d1a000000001").upgrade().get(1).contains("'bonjour'"));
            }
        }
        db.reset();
        try (Retort unset = Revs.configure(db).migrationsPackage(PACKAGE).sqlLocation(SQL).listener(MigrationListener.none()).load()) {
            RetortException e = assertThrows(RetortException.class, unset::upgrade);
            assertEquals(SQL + "/0001_author.sql uses the placeholder ${greeting}, which has no value: set it with retort.placeholders "
                    + "(greeting=<value>), retort.placeholders.greeting or RETORT_PLACEHOLDERS_GREETING, or write $${greeting} for the "
                    + "text itself. Nothing was executed.", e.getMessage());
            assertFalse(db.tableExists("retort_version"), "nothing was executed");
        }
    }

    @Test
    void showSqlAndLintKnowTheRepeatablesAndTheCallbacks() {
        try (Retort retort = configure().load()) {
            assertEquals(List.of("create or replace view active_authors as select id, name, email from author where active"),
                    retort.show("active_authors").upgrade());
            String script = retort.upgradeSql("head");
            int view = script.indexOf("create or replace view active_authors");
            assertTrue(view > script.indexOf("alter table author add column email"), "the repeatables after the revisions:\n" + script);
            assertTrue(script.contains("'active_authors', 'repeat'"), script);
            assertTrue(script.contains("-- the beforeRun callback " + SQL + "/beforeRun.sql"), script);
            assertTrue(script.indexOf("values ('afterRun')") > view, script);
            assertTrue(retort.lint().revisions().containsAll(List.of("d1a000000001", "active_authors", "Summaries")));
        }
    }

    @Test
    void cleanIsRefusedInProductionAndUnlessEnabledAndThenDropsEverything() {
        try (Retort retort = configure().load()) {
            retort.upgrade();
        }
        try (Retort production = configure().environment("production").confirmProduction(true).cleanEnabled(true).load()) {
            RetortException e = assertThrows(RetortException.class, production::clean);
            assertTrue(e.getMessage().contains("clean never runs in production, whatever is confirmed. Nothing was changed."), e.getMessage());
        }
        try (Retort notEnabled = configure().load()) {
            RetortException e = assertThrows(RetortException.class, notEnabled::clean);
            assertEquals("clean drops every object in the managed schemas, Retort's tables included: set retort.cleanEnabled to yes to "
                    + "allow it on this development or test database. Nothing was changed.", e.getMessage());
        }
        assertTrue(db.tableExists("author"));
        try (Retort retort = configure().cleanEnabled(true).load()) {
            Cleaned cleaned = retort.clean();
            List<String> dropped = cleaned.dropped().stream().map(o -> o.type() + " " + o.name()).toList();
            assertTrue(dropped.containsAll(List.of("view active_authors", "view author_summary", "table author", "table retort_version",
                    "table retort_history", "function author_count", "table callback_log")), dropped.toString());
            assertFalse(db.tableExists("author"));
            assertFalse(db.tableExists("retort_version"));
            assertNull(db.value("select to_regproc('author_count')::text"));
            assertEquals("Nothing to clean: schema public is empty.", retort.clean().summary());
            assertEquals(List.of("up d1a000000001", "up d2b000000002", "repeat active_authors", "repeat author_count", "repeat Summaries"),
                    ran(retort.upgrade()), "a clean database migrates from base");
        }
    }

    @Test
    void releaseAdoptsADatabaseWithoutRetortTablesWhenItsSchemaEqualsTheRevisionsAndRefusesOtherwise() {
        db.execute("create table author (id int primary key, name text not null, active boolean not null default true)");
        try (Retort retort = withDevDatabase().baselineOnRelease("d2b000000002").load()) {
            ReleaseReport refused = retort.release();
            assertFalse(refused.succeeded());
            assertEquals(ReleaseReport.Outcome.REFUSED, refused.outcome());
            assertTrue(refused.error().startsWith("The database has no Retort tables, and its schema is not the one at revision d2b000000002, "
                    + "so it was not adopted there (retort.baselineOnRelease): 1 difference(s), the first: to match it, it would take "),
                    refused.error());
            assertTrue(refused.error().contains("email"), refused.error());
            assertTrue(refused.error().endsWith("adopt it by hand with stamp d2b000000002 and let check report them. Nothing was changed."),
                    refused.error());
            assertFalse(db.tableExists("retort_version"));
        }
        db.execute("alter table author add column email text");
        db.execute("create table flyway_schema_history (installed_rank int primary key, version varchar(50))");
        try (Retort retort = withDevDatabase().baselineOnRelease("d2b000000002").load()) {
            ReleaseReport adopted = retort.release();
            assertTrue(adopted.succeeded(), adopted.toJson());
            assertTrue(adopted.warnings().get(0).startsWith("the database had no Retort tables and its schema equals revision d2b000000002's"),
                    adopted.warnings().toString());
            assertEquals(Set.of("d2b000000002"), retort.currentHeads());
            assertEquals(List.of("d2b000000002 stamp"), db.column("select revision || ' ' || direction from retort_history where direction <> 'repeat'"));
            assertEquals("0", db.value("select count(*)::text from author"), "no revision ran: the data is the database's own");
        }
    }

    @Test
    void otherToolsTablesExcludedObjectsAndWhatRepeatablesOwnStayOutOfGenerateCheckAndVerify(@TempDir Path sources) {
        SchemaModel atHead;
        try (Retort retort = configure().load()) {
            retort.upgrade();
            atHead = retort.introspect(Set.of("public"));
        }
        db.execute("create table flyway_schema_history (installed_rank int primary key, version varchar(50))");
        db.execute("create table audit_trail (id int primary key)");
        Table author = atHead.table("public", "author").orElseThrow();
        // An entity mapped onto the view a repeatable makes is read as a table, but the repeatable owns it.
        Table onView = new Table("public", "active_authors", author.columns(), null, List.of(), List.of(), List.of(), List.of(), null);
        List<Table> tables = new ArrayList<>(atHead.tables());
        tables.add(onView);
        SchemaSource entities = platform -> new SchemaModel(atHead.schemas(), tables, atHead.sequences(), atHead.enums());

        try (Retort retort = configure().sourceDirectory(sources).excludeObjects("audit_*").load()) {
            CheckResult check = retort.check(entities);
            assertTrue(check.passed(), "flyway_schema_history, audit_trail and the view are left out: " + check.problems());
            assertTrue(retort.check(platform -> withFlywayTable(entities.read(platform))).passed(),
                    "other tools' tables are left out even when the entities name them");
            assertTrue(retort.generate(entities, "nothing of theirs").nothingToDo());
        }
        try (Retort retort = configure().sourceDirectory(sources).load()) {
            String written = retort.generate(entities, "drop the audit trail").source();
            assertTrue(written.contains("audit_trail"), written);
            assertFalse(written.contains("flyway_schema_history"), "generate never writes the drop of Flyway's table:\n" + written);
            assertFalse(written.contains("active_authors"), "nor the table of an entity mapped onto a repeatable's view:\n" + written);
        }
        try (Retort retort = withDevDatabase().load()) {
            SchemaModel head = new SchemaModel(atHead.schemas(), atHead.tables().stream().filter(t -> !t.name().equals("callback_log")).toList(),
                    atHead.sequences().stream().filter(q -> !q.name().startsWith("callback_log")).toList(), atHead.enums());
            Verification verification = retort.verify(platform -> withFlywayTable(head));
            assertTrue(verification.passed(), "up, down, up, the repeatables twice, and Flyway's table no drift: " + verification.problems());
        }
    }

    @Test
    void anApplicationJarsRevisionIndexCarriesTheRepeatablesAndTheCallbacks(@TempDir Path tmp) throws Exception {
        String index;
        try (Retort retort = configure().load()) {
            index = retort.revisionIndex();
        }
        assertTrue(index.contains("repeatables=active_authors,author_count,Summaries"), index);
        assertTrue(index.contains("callback.0.file=" + SQL + "/afterEach.sql"), index);
        Path classes = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = tmp.resolve("app.jar");
        dev.retort.TestJars.write(classes, SQL, jar, true, java.util.Map.of(SQL + "/retort.revisions", index));
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                new dev.retort.TestJars.HidingLoader(getClass().getClassLoader(), PACKAGE));
             Retort retort = configure().classLoader(loader).load()) {
            assertEquals(List.of("up d1a000000001", "up d2b000000002", "repeat active_authors", "repeat author_count", "repeat Summaries"),
                    ran(retort.upgrade()), "the index's repeatables, read from the jar");
            assertEquals("beforeRun", db.value("select event from callback_log order by id limit 1"), "and its callbacks");
        }
    }

    @Test
    void aRepeatableOutsideATransactionThatFailsPartWayRunsWholeOnTheNextUpgrade() {
        String[] second = {"select 1 / 0"};
        dev.retort.revision.RepeatableScript refresh = new dev.retort.revision.RepeatableScript("refresh", "", false, "test", () -> op -> {
            op.execute("create table if not exists refreshed (id int)");
            op.execute(second[0]);
        });
        dev.retort.revision.RevisionSource source = new dev.retort.revision.RevisionSource() {
            @Override
            public List<dev.retort.revision.RevisionScript> revisions() {
                return Revs.graph().rev("r1").scripts();
            }

            @Override
            public List<dev.retort.revision.RepeatableScript> repeatables() {
                return List.of(refresh);
            }
        };
        try (Retort retort = Revs.configure(db).revisions(source).listener(MigrationListener.none()).load()) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, retort::upgrade);
            assertTrue(e.getMessage().startsWith("Repeatable refresh failed during upgrade and left statement 1 of 2 committed, as it runs "
                    + "statement by statement; the next upgrade runs it whole again"), e.getMessage());
            assertEquals(Set.of("r1"), retort.currentHeads());
            assertTrue(db.tableExists("refreshed"));
            assertEquals("pending", retort.repeatables().get(0).state());
            second[0] = "insert into refreshed values (1)";
            assertEquals(List.of("repeat refresh"), ran(retort.upgrade()), "run whole, from its first statement");
            assertEquals("1", db.value("select count(*)::text from refreshed"));
        }
    }

    /** The configuration with the test server as a scratch dev database. */
    private Retort.Builder withDevDatabase() {
        return Retort.configure().settings(dev.retort.config.Settings.builder()
                        .set(dev.retort.config.Setting.DEV_DATABASE, DevDatabases.scratchServer(db)).build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).migrationsPackage(PACKAGE).sqlLocation(SQL)
                .placeholder("greeting", "hello").listener(MigrationListener.none());
    }

    /** The model with a flyway_schema_history table in it, as entities that map it would give. */
    private SchemaModel withFlywayTable(SchemaModel model) {
        List<Table> tables = new ArrayList<>(model.tables());
        Table any = model.table("public", "author").orElseThrow();
        tables.add(new Table("public", "flyway_schema_history", any.columns(), null, List.of(), List.of(), List.of(), List.of(), null));
        return new SchemaModel(model.schemas(), tables, model.sequences(), model.enums());
    }
}
