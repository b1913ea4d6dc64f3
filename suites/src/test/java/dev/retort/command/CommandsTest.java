package dev.retort.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.Revs;
import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.Types;
import dev.retort.report.Reports;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;
import dev.retort.schema.Table;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** Every command of the core API on its own, as the Maven goals and the command line call them: no Maven involved. */
@PostgresTest
class CommandsTest {

    private static final String LINEAR = "dev.retort.fixtures.linear";
    private final TestDatabase db;

    CommandsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private Retort linear() {
        return Revs.configure(db).migrationsPackage(LINEAR).listener(MigrationListener.none()).load();
    }

    /** The schema the linear fixture's migrations produce: author (id, name, email), as the entities would describe it. */
    private static SchemaModel author(boolean withPhone) {
        List<Column> columns = new java.util.ArrayList<>(List.of(
                Types.column("id", Types.bigint()).notNull(),
                Types.column("name", Types.text()).notNull(),
                Types.column("email", Types.varchar(320))));
        if (withPhone) {
            columns.add(Types.column("phone", Types.varchar(40)));
        }
        Table author = new Table("public", "author", columns, new Constraint.PrimaryKey("author_pkey", List.of("id")), List.of(),
                List.of(), List.of(), List.of(new dev.retort.operation.Index("public", "ix_author_email", "author",
                List.of(dev.retort.operation.Index.Element.column("email")), false, null, null, false)), null);
        return new SchemaModel(Set.of("public"), List.of(author), List.of(), List.of());
    }

    @Test
    void planWorksOutTheStepsBeforeAnyWriteAndScriptRendersThemWithoutExecuting() {
        try (Retort retort = linear()) {
            Plan plan = retort.plan(Direction.UP, "head");
            assertEquals(List.of("a1b2c3d4e5f6", "3fa9c1b27d4e", "77e0d9c8b1a2"), plan.revisions());
            assertEquals(Set.of(), plan.headsBefore());
            assertEquals(Set.of("77e0d9c8b1a2"), plan.headsAfter());
            Script script = retort.script(plan);
            assertEquals(3, script.revisionCount());
            assertTrue(script.sql().contains("create index concurrently ix_author_email on author (email);"), script.sql());
            assertNull(db.value("select to_regclass('retort_version')::text"), "planning and scripting write nothing");

            Plan offline = retort.plan(Direction.UP, Set.of("a1b2"), "+1");
            assertEquals(List.of("3fa9c1b27d4e"), offline.revisions());
            retort.upgrade();
            assertTrue(retort.plan(Direction.UP, "head").nothingToDo());
            Plan down = retort.plan(Direction.DOWN, "-1");
            assertEquals(List.of("77e0d9c8b1a2"), down.revisions());
            assertTrue(retort.script(down).sql().contains("drop index concurrently ix_author_email;"));
        }
    }

    @Test
    void validatePassesOnAGoodDatabaseAndNamesEditedAndUnknownRevisions() {
        try (Retort retort = linear()) {
            assertTrue(retort.validate().passed(), "nothing applied yet: nothing wrong");
            retort.upgrade();
            assertTrue(retort.validate().passed());
        }
        db.execute("update retort_history set checksum = repeat('0', 64) where revision = '3fa9c1b27d4e'");
        db.execute("insert into retort_version values ('ffffffffffff')");
        try (Retort retort = linear()) {
            Validation validation = retort.validate();
            assertEquals(List.of(Problem.Kind.UNKNOWN_REVISION, Problem.Kind.EDITED_MIGRATION),
                    validation.problems().stream().map(Problem::kind).toList());
            assertEquals("the database is at revision ffffffffffff, which no migration declares: the database is ahead of this code, "
                    + "or the migration was deleted", validation.problems().get(0).message());
            assertTrue(validation.problems().get(1).message().startsWith("migration 3fa9c1b27d4e (dev.retort.fixtures.linear.M0002_AddEmail) "
                    + "was edited after it was applied"), validation.problems().get(1).message());
        }
    }

    @Test
    void validateWithoutADatabaseChecksTheGraphOnly() {
        try (Retort retort = Revs.graph().rev("aaa").rev("bbb", "aaa").rev("ccc", "aaa").retortWithoutDatabase()) {
            Validation validation = retort.validate();
            assertEquals(List.of(Problem.Kind.SEVERAL_HEADS), validation.problems().stream().map(Problem::kind).toList());
            assertEquals("there are 2 heads (bbb, ccc); merge them", validation.problems().get(0).message());
        }
    }

    @Test
    void checkPassesAtHeadWithMatchingEntitiesAndReportsDriftOtherwise() {
        try (Retort retort = linear()) {
            CheckResult notAtHead = retort.check(SchemaSource.of(author(false)));
            assertEquals(List.of(Problem.Kind.NOT_AT_HEAD), notAtHead.problems().stream().map(Problem::kind).toList());
            retort.upgrade();
            CheckResult passed = retort.check(SchemaSource.of(author(false)));
            assertTrue(passed.passed(), () -> passed.problems().toString());
            CheckResult drift = retort.check(SchemaSource.of(author(true)));
            assertFalse(drift.passed());
            assertEquals(List.of("entities differ from the migrations: add column public.author.phone"),
                    drift.problems().stream().map(Problem::message).toList());
            assertEquals(1, drift.drift().size());
            CheckResult unreadable = retort.check(platform -> {
                throw new RetortException("No @Entity class was found in package(s) com.example.");
            });
            assertEquals(List.of(Problem.Kind.UNREADABLE_ENTITIES), unreadable.problems().stream().map(Problem::kind).toList());
        }
    }

    @Test
    void checkAndGenerateOnADevDatabaseLeaveTheConfiguredOneAlone(@TempDir Path src) throws Exception {
        dev.retort.DevDatabases devDatabases = new dev.retort.DevDatabases();
        try (Retort retort = Retort.configure().settings(dev.retort.config.Settings.builder()
                        .set(dev.retort.config.Setting.DEV_DATABASE, dev.retort.DevDatabases.scratchServer(db)).build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).migrationsPackage(LINEAR).sourceDirectory(src)
                .listener(devDatabases).load()) {
            CheckResult checked = retort.check(SchemaSource.of(author(false)));
            assertEquals(List.of(Problem.Kind.NOT_AT_HEAD), checked.problems().stream().map(Problem::kind).toList(),
                    "the entities match the migrations on the dev database, upgraded to head first; the configured one is not at head");
            assertEquals(List.of(), checked.drift());
            assertEquals(4, checked.checks().size(), checked.checks()::toString);
            assertTrue(checked.checks().get(1).startsWith("Database " + db.jdbcUrl()) && checked.checks().get(1).contains(
                    ": at base, not at head;"), checked.checks()::toString);
            assertTrue(checked.checks().get(2).startsWith("Entities: compared with the schema the migrations build on the dev database "
                    + "(a scratch database on "), checked.checks()::toString);
            assertEquals("Database: not compared with the schema the migrations build, as it is not at head.", checked.checks().get(3));
            Generated generated = retort.generate(SchemaSource.of(author(true)), "add phone");
            assertFalse(generated.nothingToDo());
            assertTrue(generated.source().contains("op.addColumn(\"author\", column(\"phone\", varchar(40)))"), generated.source());
            assertEquals(List.of("77e0d9c8b1a2"), generated.parents());
            assertTrue(Files.exists(generated.file()));
        }
        assertNull(db.value("select to_regclass('retort_version')::text"), "the configured database was never migrated");
        assertEquals(List.of(), devDatabases.left(db), "dev databases are dropped");
    }

    @Test
    void checkTellsAChangeMadeByHandToTheDatabaseFromDriftInTheEntities() {
        try (Retort retort = linear()) {
            retort.upgrade();
        }
        db.execute("alter table author add column nickname text");
        String byHand = "the database was changed outside the migrations: add column public.author.nickname; undo it there, "
                + "or write a migration that makes it";
        try (Retort retort = linear()) {
            CheckResult result = retort.check(SchemaSource.of(author(true)));
            assertEquals(List.of("entities differ from the migrations: add column public.author.phone", byHand),
                    result.problems().stream().map(Problem::message).toList(), "each change on its own side");
            assertEquals(List.of(Problem.Kind.DRIFT, Problem.Kind.DATABASE_DRIFT), result.problems().stream().map(Problem::kind).toList());
            assertEquals(1, result.drift().size(), "drift lists the entities' changes only");
        }
        try (Retort retort = Retort.configure()
                .settings(dev.retort.config.Settings.builder().set(dev.retort.config.Setting.DEV_DATABASE, "embedded")
                        .set(dev.retort.config.Setting.PLATFORM, "postgresql").build())
                .migrationsPackage(LINEAR).listener(MigrationListener.none()).url(db.jdbcUrl()).user(db.user()).password(db.password()).load()) {
            assertEquals(List.of(byHand), retort.check(SchemaSource.of(author(false))).problems().stream().map(Problem::message).toList(),
                    "with a dev database the configured one, at head, is compared with the migrations too");
        }
    }

    @Test
    void anEmbeddedDevDatabaseIsAllGenerateAndCheckNeed(@TempDir Path src) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        try (Retort retort = Retort.configure()
                .settings(dev.retort.config.Settings.builder().set(dev.retort.config.Setting.DEV_DATABASE, "embedded")
                        .set(dev.retort.config.Setting.PLATFORM, "postgresql").build())
                .migrationsPackage(LINEAR).sourceDirectory(src).listener(listener).load()) {
            assertNull(retort.dataSource(), "no database is configured");
            assertTrue(retort.check(SchemaSource.of(author(false))).passed(), "the embedded database is upgraded to head first");
            CheckResult drift = retort.check(SchemaSource.of(author(true)));
            assertEquals(List.of("entities differ from the migrations: add column public.author.phone"),
                    drift.problems().stream().map(Problem::message).toList());
            Generated generated = retort.generate(SchemaSource.of(author(true)), "add phone");
            assertTrue(generated.source().contains("op.addColumn(\"author\", column(\"phone\", varchar(40)))"), generated.source());
            assertEquals(List.of("77e0d9c8b1a2"), generated.parents());
        }
        assertTrue(notes.stream().anyMatch(n -> n.matches("Started embedded dev database \\(PostgreSQL 17\\.\\d+\\) in \\d+\\.\\d s\\.")), notes::toString);
        assertEquals(notes.stream().filter(n -> n.startsWith("Started")).count(), notes.stream().filter(n -> n.equals("Stopped the embedded dev database.")).count(),
                "every embedded database is stopped: " + notes);
    }

    @Test
    void anUnknownKindOfDevDatabaseIsRefusedWithTheChoices() {
        try (Retort retort = Retort.configure()
                .settings(dev.retort.config.Settings.builder().set(dev.retort.config.Setting.DEV_DATABASE, "embeded")
                        .set(dev.retort.config.Setting.PLATFORM, "postgresql").build())
                .migrationsPackage(LINEAR).listener(MigrationListener.none()).load()) {
            RetortException e = assertThrows(RetortException.class, () -> retort.check(SchemaSource.of(author(false))));
            assertEquals("migrations.devDatabase is 'embeded'; use embedded, docker, or the JDBC URL of a scratch PostgreSQL server.",
                    e.getMessage(dev.retort.config.SettingNames.MAVEN));
        }
    }

    @Test
    void generateWritesTheDifferenceOnTopOfTheHeadAndNothingWhenThereIsNone(@TempDir Path src) {
        try (Retort retort = Revs.configure(db).migrationsPackage(LINEAR).listener(MigrationListener.none()).sourceDirectory(src).load()) {
            RetortException notAtHead = assertThrows(RetortException.class, () -> retort.generate(SchemaSource.of(author(true)), "phone"));
            assertTrue(notAtHead.getMessage().startsWith("The database is not at head: 3 revision(s) pending"), notAtHead.getMessage());
            retort.upgrade();
            assertTrue(retort.generate(SchemaSource.of(author(false)), "nothing").nothingToDo());
            Generated generated = retort.generate(SchemaSource.of(author(true)), "add phone");
            assertTrue(generated.file().startsWith(src.resolve("dev/retort/fixtures/linear")), "written into the migrations package: " + generated.file());
            assertEquals("add column public.author.phone", generated.comparison().changes().get(0).summary());
            RetortException noMessage = assertThrows(RetortException.class, () -> retort.generate(SchemaSource.of(author(true)), " "));
            assertEquals("A new revision needs a message, e.g. \"add email to author\".", noMessage.getMessage());
        }
    }

    @Test
    void mergeJoinsTheHeadsAndRefusesWhenThereIsOnlyOne(@TempDir Path src) throws Exception {
        try (Retort retort = Revs.graph().rev("aaa").rev("bbb", "aaa").rev("ccc", "aaa").configureWithoutDatabase().sourceDirectory(src)
                .migrationsPackage("db.migrations").load()) {
            Generated merge = retort.merge("join branches");
            assertEquals(List.of("bbb", "ccc"), merge.parents());
            assertTrue(Files.readString(merge.file()).contains("parents = {\"bbb\", \"ccc\"}"));
        }
        try (Retort retort = Revs.graph().rev("aaa").configureWithoutDatabase().sourceDirectory(src).load()) {
            RetortException e = assertThrows(RetortException.class, () -> retort.merge("join"));
            assertEquals("There is a single head (aaa); merge joins two or more heads, so there is nothing to merge.", e.getMessage());
        }
    }

    @Test
    void showGivesARevisionsDeclarationChecksumAndStatementsWithoutADatabase() {
        try (Retort retort = Revs.configure(db).migrationsPackage(LINEAR).listener(MigrationListener.none()).load()) {
            RevisionDetails details = retort.show("3fa9");
            assertEquals("3fa9c1b27d4e", details.revision().id());
            assertFalse(details.head());
            assertEquals(List.of("77e0d9c8b1a2"), details.children());
            assertEquals(List.of("alter table author add column email varchar(320)",
                    "insert into author (id, name, email) values (1, 'O''Brien', 'ob@example.com')"), details.upgrade());
            assertEquals(List.of("delete from author where id = 1", "alter table author drop column email"), details.downgrade());
            assertEquals(64, details.checksum().length());
            assertTrue(retort.show("head").head());
            List<String> lines = Reports.show(details);
            assertTrue(lines.contains("  alter table author add column email varchar(320);"), lines.toString());
        }
        assertNull(db.value("select to_regclass('retort_version')::text"));
    }

    @Test
    void statusHistoryAndStampReportWhatTheDatabaseSays() {
        try (Retort retort = linear()) {
            retort.stamp("3fa9");
            assertEquals(List.of("3fa9c1b27d4e"), retort.status().stream().filter(RevisionStatus::current).map(s -> s.revision().id()).toList());
            assertEquals(List.of("3fa9c1b27d4e"), Reports.current(retort.status(), false).stream().map(l -> l.split(",")[0]).toList());
            assertEquals(Set.of("3fa9c1b27d4e"), retort.currentHeads());
            assertEquals("stamp", retort.log().get(0).direction());
        }
    }
}
