package dev.retort.command;

import static dev.retort.operation.Types.bigint;
import static dev.retort.operation.Types.column;
import static dev.retort.operation.Types.primaryKey;
import static dev.retort.operation.Types.timestamp;
import static dev.retort.operation.Types.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.DevDatabases;
import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.lint.Finding;
import dev.retort.lint.LintReport;
import dev.retort.operation.Operations;
import dev.retort.revision.RevisionScript;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.Revs;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * One history serving PostgreSQL and MariaDB ({@code platforms}): lint and check judge every revision for both, naming
 * the operation and the database one cannot run; {@code op.onlyOn}/{@code op.notOn} give each its form, and the same
 * revisions then run up and down on both.
 */
@PostgresTest
class SeveralDatabasesTest {

    private static final String BOTH = "postgresql,mariadb";

    private final TestDatabase db;

    SeveralDatabasesTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private static RevisionScript rev(String id, String parent, Consumer<Operations> up, Consumer<Operations> down) {
        return Revs.script(id, parent == null ? List.of() : List.of(parent), true, up, down);
    }

    private static RevisionScript documents() {
        return rev("p1", null, op -> op.createTable("document", column("id", bigint()).notNull(), column("title", varchar(200)),
                column("deleted_at", timestamp()), primaryKey("document_pkey", "id")), op -> op.dropTable("document"));
    }

    /** An index of the live rows only: PostgreSQL's partial index, which MariaDB has no form of. */
    private static RevisionScript partialIndex() {
        return rev("p2", "p1", op -> op.createIndex("ix_document_live", "document", "title").where("deleted_at IS NULL"),
                op -> op.dropIndex("ix_document_live"));
    }

    /** The same change with a form for each database: partial where it can be, the whole table elsewhere. */
    private static RevisionScript indexOnEach() {
        return rev("p2", "p1", op -> {
            op.onlyOn("postgresql", o -> o.createIndex("ix_document_live", "document", "title").where("deleted_at IS NULL"));
            op.notOn("postgresql", o -> o.createIndex("ix_document_live", "document", "title", "deleted_at"));
        }, op -> op.dropIndex("ix_document_live"));
    }

    private Retort retort(Revs graph, String platforms) {
        return Retort.configure().settings(Settings.builder().set(Setting.PLATFORMS, platforms).build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).revisions(graph.scripts()).listener(MigrationListener.none())
                .load();
    }

    @Test
    void lintAndCheckFailNamingTheOperationAndTheDatabaseThatCannotRunIt() {
        try (Retort retort = retort(Revs.graph().add(documents()).add(partialIndex()), BOTH)) {
            LintReport report = retort.lint();
            List<Finding> cannot = report.findings().stream().filter(f -> f.rule().equals("cannot-render")).toList();
            assertEquals(1, cannot.size(), report::toString);
            Finding finding = cannot.get(0);
            assertEquals("mariadb", finding.platform());
            assertEquals("p2", finding.revision());
            assertTrue(finding.problem().startsWith("MariaDB cannot run it: MariaDB has no partial indexes"), finding.problem());
            assertTrue(finding.line().contains("on mariadb"), finding.line());
            assertFalse(report.passed(), "an operation one of the databases cannot run fails lint");
            assertTrue(report.verdict().contains("on postgresql and mariadb"), report.verdict());

            retort.upgrade();
            CheckResult check = retort.check(dev.retort.schema.SchemaSource.of(retort.introspect(java.util.Set.of("public"))));
            assertFalse(check.passed(), check::toString);
            assertEquals(List.of(Problem.Kind.LINT_ERROR), check.problems().stream().map(Problem::kind).toList());
            assertTrue(check.problems().get(0).message().contains("MariaDB cannot run it: MariaDB has no partial indexes"),
                    check.problems().get(0).message());
            assertTrue(check.checks().stream().anyMatch(c -> c.startsWith("Platforms: every revision rendered on postgresql, mariadb; "
                    + "1 operation(s) one of them cannot run.")), check.checks()::toString);
        }
    }

    @Test
    void aFormForEachDatabasePassesAndRunsUpAndDownOnBoth() throws Exception {
        Revs graph = Revs.graph().add(documents()).add(indexOnEach());
        try (Retort retort = retort(graph, BOTH)) {
            LintReport report = retort.lint();
            assertTrue(report.findings().stream().noneMatch(f -> f.rule().equals("cannot-render")), report::toString);
            assertEquals(List.of(), retort.portability());
            retort.upgrade();
            assertEquals("CREATE INDEX ix_document_live ON public.document USING btree (title) WHERE (deleted_at IS NULL)",
                    db.value("select indexdef from pg_indexes where indexname = 'ix_document_live'"));
            assertTrue(retort.check(dev.retort.schema.SchemaSource.of(retort.introspect(java.util.Set.of("public")))).passed());
            retort.downgrade("base");
        }
        try (TestDatabase mariadb = TestDatabases.server("mariadb").createDatabase("several");
             Retort retort = Retort.configure().url(mariadb.jdbcUrl()).user(mariadb.user()).password(mariadb.password())
                     .revisions(graph.scripts()).listener(MigrationListener.none()).load()) {
            retort.upgrade();
            assertEquals(List.of("title", "deleted_at"), mariadb.column("select column_name from information_schema.statistics "
                    + "where table_schema = database() and index_name = 'ix_document_live' order by seq_in_index"));
            retort.downgrade("base");
            assertFalse(mariadb.tableExists("document"));
        }
    }

    /** The documents table with a search column of PostgreSQL's own type and an index of the live rows only. */
    private static dev.retort.schema.SchemaModel searchableDocuments() {
        dev.retort.schema.Table document = new dev.retort.schema.Table("public", "document", List.of(
                column("id", bigint()).notNull(), column("title", varchar(200)), column("deleted_at", timestamp())),
                new dev.retort.operation.Constraint.PrimaryKey("document_pkey", List.of("id")), List.of(), List.of(), List.of(),
                List.of(new dev.retort.operation.Index("public", "ix_document_live", "document",
                        List.of(dev.retort.operation.Index.Element.column("title")), false, null, "deleted_at IS NULL", false)), null);
        dev.retort.schema.Table search = new dev.retort.schema.Table("public", "document_search", List.of(
                column("id", bigint()).notNull(), column("terms", dev.retort.operation.Types.raw("tsvector"))),
                new dev.retort.operation.Constraint.PrimaryKey("document_search_pkey", List.of("id")), List.of(), List.of(), List.of(),
                List.of(), null);
        return new dev.retort.schema.SchemaModel(java.util.Set.of("public"), List.of(document, search), List.of(), List.of());
    }

    @Test
    void generateWritesWhatAnotherDatabaseCannotRunForThisOneAloneWithAReview(@org.junit.jupiter.api.io.TempDir java.nio.file.Path src) {
        try (Retort retort = Retort.configure().settings(Settings.builder().set(Setting.PLATFORMS, BOTH).build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).revisions(List.of()).sourceDirectory(src)
                .migrationsPackage("db.migrations").listener(MigrationListener.none()).load()) {
            Generated generated = retort.generate(dev.retort.schema.SchemaSource.of(searchableDocuments()), "documents");
            String source = generated.source();
            assertTrue(source.contains("    op.createTable(\"document\","), "the portable table is written as usual: " + source);
            assertTrue(source.contains("// REVIEW (not portable): MariaDB cannot run it: MariaDB has no partial indexes"), source);
            assertTrue(source.contains("Written for PostgreSQL alone: give the others a form of their own in op.notOn(\"postgresql\", "
                    + "o -> …) beside it, or leave them without it."), source);
            assertTrue(source.contains("op.onlyOn(\"postgresql\", o -> o.createIndex(\"ix_document_live\", \"document\", \"title\")"
                    + ".where(\"deleted_at IS NULL\"));"), source);
            assertTrue(source.contains("// REVIEW (not portable): tsvector is PostgreSQL's own type, which MariaDB would be given as written."),
                    source);
            assertTrue(source.contains("op.onlyOn(\"postgresql\", o -> o.createTable(\"document_search\","), source);
            assertTrue(source.contains("op.onlyOn(\"postgresql\", o -> o.dropTable(\"document_search\"));"), "the downgrade too: " + source);
            assertFalse(source.contains("Not undone"), "the partial index goes with its table: " + source);
            assertFalse(source.contains(".. Written"), source);
            assertTrue(generated.comparison().reviews().stream().anyMatch(r -> r.kind() == dev.retort.schema.Review.Kind.NOT_PORTABLE),
                    "the reviews the goal prints name it");
        }
        try (Retort retort = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password()).revisions(List.of())
                .sourceDirectory(src).migrationsPackage("db.single").listener(MigrationListener.none()).load()) {
            String source = retort.generate(dev.retort.schema.SchemaSource.of(searchableDocuments()), "documents").source();
            assertFalse(source.contains("onlyOn"), "a history that serves one database is written as it always was: " + source);
        }
    }

    @Test
    void verifyProvesTheHistoryOnEachDatabaseThatHasADevDatabase() {
        Revs graph = Revs.graph().add(documents()).add(indexOnEach());
        try (TestDatabase mariadb = TestDatabases.server("mariadb").createDatabase("verify");
             Retort retort = Retort.configure().settings(Settings.builder().set(Setting.PLATFORMS, BOTH)
                             .set(Setting.DEV_DATABASE, DevDatabases.scratchServer(db))
                             .set(Setting.DEV_DATABASES, "mariadb=" + DevDatabases.scratchServer(mariadb)).build())
                     .revisions(graph.scripts()).listener(MigrationListener.none()).load()) {
            Verification verification = retort.verify();
            assertTrue(verification.passed(), verification.problems()::toString);
            assertEquals(List.of("postgresql", "mariadb"), verification.platforms());
            assertEquals(" on postgresql and mariadb", verification.where());
            assertEquals(List.of(), verification.skipped());
        }
        try (Retort retort = Retort.configure().settings(Settings.builder().set(Setting.PLATFORMS, BOTH)
                        .set(Setting.DEV_DATABASE, DevDatabases.scratchServer(db)).build())
                .revisions(graph.scripts()).listener(MigrationListener.none()).load()) {
            Verification verification = retort.verify();
            assertTrue(verification.passed(), verification.problems()::toString);
            assertEquals(List.of("postgresql"), verification.platforms());
            assertEquals(List.of("mariadb: no dev database; set {devDatabases} to mariadb=<the JDBC URL of a scratch server> or "
                    + "mariadb=docker to verify there too."), verification.skipped());
        }
    }

    /**
     * A SQL revision file, a repeatable and a callback with a section per database: each database runs its own, and lint
     * judges each database's statements.
     */
    @Test
    void aSqlRevisionFileGivesEachDatabaseItsOwnStatements(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path migrations = java.nio.file.Files.createDirectories(dir.resolve("db/migrations"));
        java.nio.file.Files.writeString(migrations.resolve("V1__documents.sql"), """
                -- retort:revision id=s1
                -- retort:message Documents, and an index of the live ones
                create table document (id bigint not null primary key, title varchar(200), deleted_at timestamp);
                -- retort:platform postgresql
                create index ix_document_live on document (title) where deleted_at is null;
                -- retort:platform not postgresql
                create index ix_document_live on document (title, deleted_at);
                -- retort:platform all
                insert into document (id, title) values (1, 'first');
                -- retort:downgrade
                -- retort:platform mariadb,mysql
                drop index ix_document_live on document;
                -- retort:platform all
                drop table document;
                """);
        java.nio.file.Files.writeString(migrations.resolve("R__which_database.sql"), """
                -- retort:message Which database this is
                -- retort:platform postgresql
                create or replace view which_database as select 'postgresql'::text as name;
                -- retort:platform not postgresql
                create or replace view which_database as select 'another' as name;
                """);
        java.nio.file.Files.writeString(migrations.resolve("afterRun.sql"), """
                -- retort:platform mariadb
                create table if not exists after_run_on_mariadb (id int);
                -- retort:platform not mariadb
                create table if not exists after_run_elsewhere (id int);
                """);
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            try (Retort retort = Retort.configure().settings(Settings.builder().set(Setting.PLATFORMS, BOTH).build())
                    .url(db.jdbcUrl()).user(db.user()).password(db.password()).classLoader(loader)
                    .migrationsPackage("dev.retort.fixtures.sqlonly.none").listener(MigrationListener.none()).load()) {
                assertTrue(retort.lint().findings().stream().noneMatch(f -> f.rule().equals("cannot-render")), () -> retort.lint().toString());
                retort.upgrade();
                assertEquals("CREATE INDEX ix_document_live ON public.document USING btree (title) WHERE (deleted_at IS NULL)",
                        db.value("select indexdef from pg_indexes where indexname = 'ix_document_live'"));
                assertEquals("1", db.value("select count(*)::text from document"));
                assertEquals("postgresql", db.value("select name from which_database"), "the repeatable's own section");
                assertTrue(db.tableExists("after_run_elsewhere") && !db.tableExists("after_run_on_mariadb"), "the callback's own section");
                retort.downgrade("base");
                assertFalse(db.tableExists("document"));
            }
            try (TestDatabase mariadb = TestDatabases.server("mariadb").createDatabase("sections");
                 Retort retort = Retort.configure().url(mariadb.jdbcUrl()).user(mariadb.user()).password(mariadb.password())
                         .classLoader(loader).migrationsPackage("dev.retort.fixtures.sqlonly.none").listener(MigrationListener.none())
                         .load()) {
                retort.upgrade();
                assertEquals(List.of("title", "deleted_at"), mariadb.column("select column_name from information_schema.statistics "
                        + "where table_schema = database() and index_name = 'ix_document_live' order by seq_in_index"));
                assertEquals(List.of("1"), mariadb.column("select count(*) from document"));
                assertEquals(List.of("another"), mariadb.column("select name from which_database"), "the repeatable's own section");
                assertTrue(mariadb.tableExists("after_run_on_mariadb") && !mariadb.tableExists("after_run_elsewhere"), "the callback's own section");
                assertTrue(retort.script(retort.plan(Direction.DOWN, "base")).sql().contains("drop index ix_document_live on document"));
                retort.downgrade("base");
                assertFalse(mariadb.tableExists("document"));
            }
        }
    }

    /** The release step, with its deploy record, on the databases whose DDL commits on its own. */
    @Test
    void releaseRunsAndRecordsItsDeployOnMariaDbAndH2() {
        Revs graph = Revs.graph().add(documents()).add(indexOnEach());
        for (String platform : List.of("mariadb", "h2")) {
            try (TestDatabase other = TestDatabases.server(platform).createDatabase("release");
                 Retort retort = Retort.configure().url(other.jdbcUrl()).user(other.user()).password(other.password())
                         .revisions(graph.scripts()).listener(MigrationListener.none()).load()) {
                ReleaseReport first = retort.release();
                assertTrue(first.succeeded(), first.toJson());
                assertEquals(java.util.Set.of("p2"), retort.currentHeads());
                ReleaseReport again = retort.release();
                assertTrue(again.succeeded(), again.toJson());
                assertEquals(List.of("2"), other.column("select count(*) from retort_deploys"), platform + " records each deploy");
            }
        }
    }
}
