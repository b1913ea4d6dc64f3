package dev.retort.command;

import static dev.retort.operation.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.DevDatabases;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.Revs;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.lint.Finding;
import dev.retort.lint.LintReport;
import dev.retort.lint.Severity;
import dev.retort.operation.Operations;
import dev.retort.revision.RevisionScript;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;
import dev.retort.schema.Table;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** {@code lint} and {@code verify} as the goals and the command line call them. */
@PostgresTest
class SafetyCommandsTest {

    private final TestDatabase db;

    SafetyCommandsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private static RevisionScript rev(String id, String parent, Consumer<Operations> up, Consumer<Operations> down) {
        return Revs.script(id, parent == null ? List.of() : List.of(parent), true, up, down);
    }

    /** author (id, email): the first revision of every graph here. */
    private static RevisionScript author() {
        return rev("v1", null, op -> op.createTable("author", column("id", bigint()).notNull(), column("email", varchar(100)),
                primaryKey("author_pkey", "id")), op -> op.dropTable("author"));
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + (f.acknowledged() ? " (acknowledged)" : "")).toList();
    }

    @Test
    void lintJudgesPendingRevisionsKnowingTheTablesTheRevisionsBeforeCreated() {
        Revs graph = Revs.graph().add(rev("s1", null, op -> {
            op.createTable("tag", column("id", bigint()).notNull(), column("label", text()), primaryKey("tag_pkey", "id"));
            op.createIndex("ix_tag_label", "tag", "label");
        }, op -> op.dropTable("tag"))).add(rev("s2", "s1", op -> op.createIndex("ix_tag_id_label", "tag", "id", "label"),
                op -> op.dropIndex("ix_tag_id_label"))).add(rev("s3", "s2", op -> op.dropColumn("tag", "label")
                .acknowledge("drop-column", "labels moved to tag_label").acknowledge("drop-colum", "typo"),
                op -> op.addColumn("tag", column("label", text())))).add(rev("s4", "s3", op -> op.addColumn("tag", column("note", text())).acknowledge("drop-table", "nothing is dropped here"),
                op -> op.dropColumn("tag", "note")));
        try (Retort retort = graph.retort(db)) {
            retort.upgrade("s1");
            LintReport pending = retort.lint();
            assertEquals(List.of("s2", "s3", "s4"), pending.revisions());
            assertEquals(List.of("blocking-create-index", "blocking-drop-index", "drop-column (acknowledged)",
                    "unknown-acknowledgement", "unused-acknowledgement"), rules(pending.findings()),
                    "the runs set a lock_timeout (statementLockTimeout, 10s by default), so no-lock-timeout has nothing to say");
            assertEquals(Severity.INFO, pending.findings().get(4).severity());
            Finding down = pending.findings().get(1);
            assertEquals(Direction.DOWN, down.direction());
            assertEquals(Severity.WARNING, down.severity());
            assertEquals("s2 downgrade #1", down.location());
            assertEquals("labels moved to tag_label", pending.findings().get(2).acknowledgement());
            assertTrue(pending.passed(), "acknowledged errors and warnings do not fail lint");
            // From base, as one run on a fresh database: the table s1 creates holds no rows when s2 indexes it and s3 drops a
            // column, so only what a downgrade does later and the acknowledgements are left. s3's accepts nothing in this run
            // but is needed on a database in use, so it is not called unused; s4's accepts nothing anywhere.
            LintReport fresh = retort.lint(Set.of(), "heads");
            assertEquals(List.of("s1", "s2", "s3", "s4"), fresh.revisions());
            assertEquals(List.of("blocking-drop-index", "unknown-acknowledgement", "unused-acknowledgement"), rules(fresh.findings()),
                    fresh::toString);
            assertTrue(fresh.verdict().startsWith("Linted 4 revision(s) as one run on a fresh database (no table holds rows yet): "
                    + "0 error(s), 2 warning(s), 1 note(s)"), fresh.verdict());
        }
        try (Retort retort = graph.retortWithoutDatabase()) {
            // No database says where a run starts: each revision is judged as a deploy of its own applies it.
            LintReport each = retort.lint();
            assertEquals(List.of("s1", "s2", "s3", "s4"), each.revisions());
            assertEquals(List.of("blocking-create-index", "blocking-drop-index", "drop-column (acknowledged)",
                    "unknown-acknowledgement", "unused-acknowledgement"), rules(each.findings()));
            assertTrue(each.verdict().startsWith("Linted 4 revision(s) each on its own, on a database at its parent revision whose "
                    + "tables may hold rows: "), each.verdict());
        }
        Revs broken = Revs.graph().add(author()).add(rev("v2", "v1", op -> op.renameColumn("author", "email", "mail"),
                op -> op.renameColumn("author", "mail", "email")));
        try (Retort retort = broken.retortWithoutDatabase()) {
            LintReport report = retort.lint();
            assertFalse(report.passed());
            assertEquals(List.of("rename-column"), report.errors().stream().map(Finding::rule).toList());
            assertEquals("v2", report.errors().get(0).revision());
            assertTrue(report.errors().get(0).describe().startsWith("error rename-column (v2 upgrade #1: ALTER TABLE author RENAME COLUMN "
                    + "email TO mail): Renaming public.author.email to mail breaks"), report.errors().get(0).describe());
        }
    }

    private final DevDatabases devDatabases = new DevDatabases();

    /** A configuration over these revisions whose dev database is a fresh database on the test server. */
    private Retort onScratch(Revs graph) {
        return Retort.configure().settings(Settings.builder().set(Setting.DEV_DATABASE, DevDatabases.scratchServer(db)).set(Setting.PLATFORM, db.platform()).build())
                .revisions(graph.scripts()).listener(devDatabases).load();
    }

    /** The schema these revisions build, read back from the test database: what correct entities describe. */
    private SchemaModel built(Revs graph) {
        db.reset();
        try (Retort retort = graph.retort(db)) {
            retort.upgrade("heads");
            return retort.introspect(Set.of("public"));
        }
    }

    private static List<String> problems(Verification verification) {
        return verification.problems().stream().map(p -> p.kind() + " " + p.revision() + ": " + p.message()).toList();
    }

    @Test
    void verifyPassesCorrectMigrationsAndNamesTheRevisionAndTheDifferenceOfEachMistake() {
        Consumer<Operations> index = op -> op.createIndex("ix_author_email", "author", "email");
        Revs correct = Revs.graph().add(author()).add(rev("v2", "v1", index, op -> op.dropIndex("ix_author_email")));
        SchemaModel entities = built(correct);
        try (Retort retort = onScratch(correct)) {
            Verification ok = retort.verify(SchemaSource.of(entities));
            assertTrue(ok.passed(), () -> problems(ok).toString());
            assertEquals(List.of("v1", "v2"), ok.revisions());
        }

        Revs forgetsIndex = Revs.graph().add(author()).add(rev("v2", "v1", index, op -> { }));
        try (Retort retort = onScratch(forgetsIndex)) {
            List<String> found = problems(retort.verify(SchemaSource.of(entities)));
            assertEquals("DOWNGRADE_DIFFERS v2: revision v2 (create v2): its downgrade does not restore the schema it started from; to get "
                    + "back, it would take: drop index ix_author_email on public.author", found.get(0));
            assertTrue(found.get(1).startsWith("FAILED v2: revision v2 (create v2): its upgrade (after its downgrade) failed on a fresh "
                    + "database: "), found::toString);
            assertTrue(found.get(1).contains("relation \"ix_author_email\" already exists"), found::toString);
        }

        Revs wrongColumn = Revs.graph().add(author()).add(rev("v2", "v1", op -> op.addColumn("author", column("phone", varchar(100))),
                op -> op.dropColumn("author", "email")));
        SchemaModel withPhone = built(wrongColumn);
        try (Retort retort = onScratch(wrongColumn)) {
            List<String> found = problems(retort.verify(SchemaSource.of(withPhone)));
            assertEquals("DOWNGRADE_DIFFERS v2: revision v2 (create v2): its downgrade does not restore the schema it started from; to get "
                    + "back, it would take: rename column public.author.phone to email", found.get(0));
            assertTrue(found.get(1).startsWith("FAILED v2: revision v2 (create v2): its upgrade (after its downgrade) failed on a fresh "
                    + "database: "), found.toString());
            assertEquals(2, found.size(), found::toString);
        }

        Table author = entities.tables().get(0);
        List<dev.retort.operation.Column> columns = new ArrayList<>(author.columns());
        columns.add(column("name", text()));
        SchemaModel moreThanTheMigrations = new SchemaModel(entities.schemas(), List.of(new Table(author.schema(), author.name(), columns,
                author.primaryKey(), author.foreignKeys(), author.uniques(), author.checks(), author.indexes(), author.comment())),
                entities.sequences(), entities.enums());
        try (Retort retort = onScratch(correct)) {
            assertEquals(List.of("DRIFT v2: the schema at head differs from the entities: add column public.author.name"),
                    problems(retort.verify(SchemaSource.of(moreThanTheMigrations))));
        }

        Revs twoHeads = Revs.graph().add(author()).add(rev("v2", "v1", index, op -> op.dropIndex("ix_author_email")))
                .add(rev("v3", "v1", op -> op.addColumn("author", column("name", text())), op -> op.dropColumn("author", "name")));
        try (Retort retort = onScratch(twoHeads)) {
            assertEquals(List.of("SEVERAL_HEADS null: there are 2 heads (v2, v3); merge them"), problems(retort.verify(SchemaSource.of(entities))));
        }
        assertEquals(List.of(), devDatabases.left(db), "scratch databases are dropped");
    }

    @Test
    void verifyFindsSqlThatChangesFromOneReadingToTheNextAndNeedsADevDatabase() {
        Revs clock = Revs.graph().add(author()).add(rev("v2", "v1", op -> op.setTableComment("author", "checked " + System.nanoTime()),
                op -> op.dropTableComment("author")));
        try (Retort retort = onScratch(clock)) {
            List<Problem> found = retort.verify(SchemaSource.of(SchemaModel.empty(Set.of("public")))).problems();
            assertEquals(Problem.Kind.NOT_DETERMINISTIC, found.get(0).kind());
            assertEquals("v2", found.get(0).revision());
            assertTrue(found.get(0).message().startsWith("revision v2 (create v2) renders different SQL each time its upgrade is read, from "
                    + "statement 1: `COMMENT ON TABLE author IS 'checked "), found.get(0).message());
        }
        try (Retort retort = Revs.graph().add(author()).retort(db)) {
            RetortException e = assertThrows(RetortException.class, () -> retort.verify(SchemaSource.of(SchemaModel.empty(Set.of("public")))));
            assertEquals("verify runs every revision up and down on a throwaway database, never on yours: set retort.devDatabase to embedded, "
                    + "docker, or the JDBC URL of a scratch server.", e.getMessage(dev.retort.config.SettingNames.PROPERTIES));
        }
    }
}
