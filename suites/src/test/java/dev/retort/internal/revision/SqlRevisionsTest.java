package dev.retort.internal.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import dev.retort.platform.ScriptPiece;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.Revs;
import dev.retort.command.RevisionDetails;
import dev.retort.command.Step;
import dev.retort.lint.Finding;
import dev.retort.lint.LintReport;
import dev.retort.lint.Severity;
import dev.retort.report.Reports;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;
import dev.retort.revision.RevisionSource;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** SQL revision files beside Java migrations: one graph, the same runs, scripts, checksums, inspection, lint and packaging. */
@PostgresTest
class SqlRevisionsTest {

    private static final String MIXED = "dev.retort.fixtures.mixed";
    private static final String MIXED_SQL = "dev/retort/fixtures/mixed";
    private static final String IRREVERSIBLE = "dev.retort.fixtures.irreversible";
    private static final String NO_CLASSES = "dev.retort.fixtures.sqlonly.none";

    private final TestDatabase db;

    SqlRevisionsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private Retort mixed(MigrationListener listener) {
        return Revs.configure(db).migrationsPackage(MIXED).sqlLocation(MIXED_SQL).listener(listener).load();
    }

    private Retort irreversible() {
        return Revs.configure(db).migrationsPackage(IRREVERSIBLE).sqlLocation("dev/retort/fixtures/irreversible")
                .listener(MigrationListener.none()).load();
    }

    @Test
    void javaAndSqlRevisionsFormOneGraphWithParentsBothWaysAndAMergeAcrossKinds() {
        try (Retort retort = mixed(MigrationListener.none())) {
            RevisionGraph graph = retort.graph();
            assertEquals(6, graph.size());
            assertEquals(List.of("m6f000000006"), graph.heads());
            assertEquals(MIXED_SQL + "/0002_audit.sql", graph.get("m2b000000002").source());
            assertEquals(MIXED_SQL + "/branch/0004_tag.sql", graph.get("m4d000000004").source(), "sub-directories are scanned");
            assertEquals(List.of("m1a000000001"), graph.get("m2b000000002").parents(), "a SQL revision after a Java one");
            assertEquals(List.of("m2b000000002"), graph.get("m3c000000003").parents(), "a Java revision after a SQL one");
            assertTrue(graph.get("m5e000000005").isMerge());
            assertEquals(List.of("m3c000000003", "m4d000000004"), graph.get("m5e000000005").parents(), "a SQL merge of a Java and a SQL branch");
            assertEquals("audit inserts into author", graph.get("m2b000000002").message());
            assertEquals("2026-11-28T10:00:00Z", graph.get("m2b000000002").created());
        }
    }

    @Test
    void upgradeAndDowngradeRunSqlRevisionsLikeJavaOnes() {
        try (Retort retort = mixed(MigrationListener.none())) {
            retort.upgrade();
            assertEquals(Set.of("m6f000000006"), retort.currentHeads());
            assertEquals("O'Brien; -- not a comment", db.value("select name from author where id = 1"));
            assertEquals("it's -- no comment; dollar; 'quoted'", db.value("select note from author_audit"), "the trigger the SQL revision made ran");
            assertEquals("merged", db.value("select name from tag"));
            assertNotNull(db.value("select to_regclass('ix_author_name')::text"));

            retort.downgrade("m3c000000003");
            assertEquals(Set.of("m3c000000003"), retort.currentHeads());
            assertFalse(db.tableExists("tag"), "the SQL branch was downgraded");
            assertTrue(db.tableExists("author_audit"));

            retort.downgrade("base");
            assertEquals(Set.of(), retort.currentHeads());
            assertFalse(db.tableExists("author_audit"));
            assertNull(db.value("select to_regproc('author_audit_fn')::text"));
            assertFalse(db.tableExists("author"));

            retort.upgrade();
            assertEquals(Set.of("m6f000000006"), retort.currentHeads(), "the round trip comes back to head");
        }
    }

    @Test
    void theOfflineScriptDoesWhatTheOnlineRunDoes() throws SQLException {
        String script;
        try (Retort retort = mixed(MigrationListener.none())) {
            script = retort.upgradeSql(Set.of(), "head");
        }
        assertNull(db.value("select to_regclass('retort_version')::text"), "rendering executes nothing");
        // Run the script as psql would: split like psql, one session.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (ScriptPiece piece : dev.retort.platform.Platforms.named("postgresql").dialect().splitScript(script)) {
                if (piece instanceof ScriptPiece.Statement statement) {
                    s.execute(statement.sql());
                }
            }
        }
        Map<String, Object> offline = snapshot();

        db.reset();
        List<String> executed = new ArrayList<>();
        try (Retort retort = mixed(new MigrationListener() {
            @Override
            public void statementExecuted(Step step, String sql) {
                executed.add(sql);
            }
        })) {
            retort.upgrade();
        }
        assertEquals(offline, snapshot());
        for (String statement : executed) {
            // A statement whose last line holds "--" gets its semicolon on the next line, in case that is a comment.
            assertTrue(script.contains(statement + ";\n") || script.contains(statement + "\n;\n"), "the script holds " + statement);
        }
        assertTrue(executed.stream().anyMatch(sql -> sql.contains("$body$") && sql.contains("return new;")), executed.toString());
    }

    /** What a run leaves: schema, routines, triggers, data, version and history (checksums included). */
    private Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("columns", db.column("select table_name || '.' || column_name || ' ' || data_type from information_schema.columns "
                + "where table_schema = 'public' order by 1"));
        state.put("indexes", db.column("select indexname from pg_indexes where schemaname = 'public' order by 1"));
        state.put("routines", db.column("select proname from pg_proc where pronamespace = 'public'::regnamespace order by 1"));
        state.put("triggers", db.column("select tgname from pg_trigger where not tgisinternal order by 1"));
        state.put("data", db.column("select name from author union all select note from author_audit union all select name from tag"));
        try (Retort retort = mixed(MigrationListener.none())) {
            state.put("version", retort.currentHeads());
            state.put("history", retort.log().stream().map(step -> step.revision() + " " + step.direction() + " " + step.checksum()
                    + " " + step.success()).toList());
        }
        return state;
    }

    @Test
    void showAndHistoryPresentSqlRevisionsByTheirFile() {
        try (Retort retort = mixed(MigrationListener.none())) {
            retort.upgrade("m2b000000002");
            RevisionDetails details = retort.show("m2b");
            assertEquals(4, details.upgrade().size(), details.upgrade().toString());
            assertTrue(details.upgrade().get(1).startsWith("create function author_audit_fn()"), details.upgrade().get(1));
            assertEquals(List.of("drop trigger author_audit_tr on author", "drop function author_audit_fn()",
                    "delete from author where id = 1", "drop table author_audit"), details.downgrade());
            assertEquals(retort.checksum("m2b000000002"), details.checksum());
            assertTrue(Reports.show(details).contains("File:          " + MIXED_SQL + "/0002_audit.sql"), Reports.show(details).toString());

            String history = String.join("\n", Reports.history(retort.status()));
            assertTrue(history.contains("m2b000000002") && history.contains("audit inserts into author"), history);
            assertTrue(history.contains("m5e000000005") && history.contains("m3c000000003, m4d000000004"), history);
            assertEquals(retort.checksum("m2b000000002"), retort.log().stream().filter(s -> s.revision().equals("m2b000000002"))
                    .findFirst().orElseThrow().checksum(), "the history records the SQL revision's checksum");
        }
    }

    @Test
    void downgradingThroughASqlRevisionWithoutADowngradeSectionIsRefusedBeforeAnythingRuns() {
        try (Retort retort = irreversible()) {
            retort.upgrade();
            assertNotNull(db.value("select to_regclass('ix_note_body')::text"), "the non-transactional SQL revision ran");
            RetortException e = assertThrows(RetortException.class, () -> retort.downgrade("base"));
            assertEquals("Revision ir0000000002 (dev/retort/fixtures/irreversible/0002_fill.sql) cannot be downgraded: the file has no "
                    + "-- retort:downgrade section. Add one with the statements that undo it, or downgrade no further than ir0000000002.",
                    e.getMessage());
            assertNotNull(db.value("select to_regclass('ix_note_body')::text"), "nothing ran, not even the later revision's downgrade");
            assertEquals(Set.of("ir0000000003"), retort.currentHeads());
            assertThrows(RetortException.class, () -> retort.downgradeSql("base"), "nor can an offline script be written");

            RevisionDetails details = retort.show("ir0000000002");
            assertEquals(List.of("-- no downgrade: dev/retort/fixtures/irreversible/0002_fill.sql has no -- retort:downgrade section"),
                    details.downgrade());

            retort.downgrade("ir0000000002");
            assertNull(db.value("select to_regclass('ix_note_body')::text"), "downgrading to it is fine");
        }
    }

    @Test
    void lintRunsOverTheStatementsAndRecognisesRawSqlItKnows() {
        try (Retort retort = irreversible()) {
            LintReport report = retort.lint(Set.of(), "head");
            assertEquals(List.of("ir0000000001", "ir0000000002", "ir0000000003"), report.revisions());
            assertTrue(report.errors().isEmpty(), report.findings().toString());
        }
        try (Retort retort = mixed(MigrationListener.none())) {
            assertEquals(6, retort.lint(Set.of(), "head").revisions().size());
        }
        try (Retort retort = Revs.configure(db).migrationsPackage(NO_CLASSES).sqlLocation("dev/retort/fixtures/sqllint")
                .listener(MigrationListener.none()).load()) {
            List<Finding> errors = retort.lint(Set.of(), "head").errors();
            assertEquals(1, errors.size(), errors.toString());
            assertEquals("concurrently-in-transaction", errors.get(0).rule());
            assertEquals(Severity.ERROR, errors.get(0).severity());
            assertTrue(errors.get(0).describe().contains("-- retort:transactional false"), errors.get(0).describe());
        }
    }

    @Test
    void theSqlLocationAcceptsAFlywayStyleClasspathPrefixAndRefusesAPathThatLeavesTheClassPath() {
        try (Retort retort = Revs.configure(db).migrationsPackage(MIXED).sqlLocation("classpath:/" + MIXED_SQL + "/")
                .listener(MigrationListener.none()).load()) {
            assertEquals(MIXED_SQL, retort.settings().sqlLocation());
            assertEquals(6, retort.graph().size());
        }
        RetortException e = assertThrows(RetortException.class, () -> Revs.configure(db).migrationsPackage(MIXED)
                .sqlLocation("../migrations").load());
        assertEquals("retort.sqlLocation is '../migrations' (from explicit), which is not a class path location; give a resource path "
                + "with / between its parts, e.g. db/migrations.", e.getMessage(dev.retort.config.SettingNames.PROPERTIES));
    }

    @Test
    void aMalformedFileFailsTheScanWithOneLineNamingItAndNothingIsApplied() {
        assertScanFails(NO_CLASSES, "noid", "The SQL revision dev/retort/fixtures/sqlbad/noid/0001_root.sql is not valid: it has no revision id");
        assertScanFails(NO_CLASSES, "unknownkey", "The SQL revision dev/retort/fixtures/sqlbad/unknownkey/0001_root.sql is not valid: "
                + "line 2: unknown header key 'mesage'");
        assertScanFails(NO_CLASSES, "badid", "The SQL revision dev/retort/fixtures/sqlbad/badid/0001_root.sql is not valid: line 1: "
                + "id 'bad-id!' may contain only letters, digits and underscores");
        assertScanFails(NO_CLASSES, "control", "The SQL revision dev/retort/fixtures/sqlbad/control/0001_root.sql is not valid: "
                + "line 2: the message has a control character");
        assertScanFails(NO_CLASSES, "unclosed", "The SQL revision dev/retort/fixtures/sqlbad/unclosed/0001_root.sql is not valid: "
                + "line 2: the dollar-quoted string $$ is not closed");
        assertScanFails("dev.retort.fixtures.linear", "duplicate", "duplicate revision id a1b2c3d4e5f6 in "
                + "dev.retort.fixtures.linear.M0001_CreateAuthor and dev/retort/fixtures/sqlbad/duplicate/0001_again.sql");
        assertNull(db.value("select to_regclass('retort_version')::text"));
        assertFalse(db.tableExists("x"));
    }

    private void assertScanFails(String packageName, String dir, String expected) {
        RetortException e = assertThrows(RetortException.class, () -> Revs.configure(db).migrationsPackage(packageName)
                .sqlLocation("dev/retort/fixtures/sqlbad/" + dir).load().upgrade());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void anEditedAppliedSqlRevisionIsRefusedUntilRepairedAndCommentsBeforeAStatementDoNotCount(@TempDir Path dir) throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("0001_root.sql"), "-- retort:revision id=ed0000000001\ncreate table e (id int);\n"
                + "-- retort:downgrade\ndrop table e;\n");
        Files.writeString(migrations.resolve("0002_fill.sql"), "-- retort:revision id=ed0000000002 parents=ed0000000001\n"
                + "insert into e values (1);\n-- retort:downgrade\ndelete from e;\n");
        try (Retort retort = fromDirectory(dir)) {
            retort.upgrade();
        }

        Files.writeString(migrations.resolve("0002_fill.sql"), "-- retort:revision id=ed0000000002 parents=ed0000000001\n"
                + "-- A comment before the statement is not part of it.\n\ninsert into e values (1);\n-- retort:downgrade\ndelete from e;\n");
        try (Retort retort = fromDirectory(dir)) {
            assertTrue(retort.validate().problems().isEmpty(), retort.validate().problems().toString());
        }

        Files.writeString(migrations.resolve("0002_fill.sql"), "-- retort:revision id=ed0000000002 parents=ed0000000001\n"
                + "insert into e  values (1);\n-- retort:downgrade\ndelete from e;\n");
        Files.writeString(migrations.resolve("0003_more.sql"), "-- retort:revision id=ed0000000003 parents=ed0000000002\n"
                + "insert into e values (3);\n-- retort:downgrade\ndelete from e where id = 3;\n");
        try (Retort retort = fromDirectory(dir)) {
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().contains("ed0000000002") && e.getMessage().contains("db/migrations/0002_fill.sql"), e.getMessage());
            assertEquals("1", db.value("select count(*)::text from e"), "nothing ran");
            assertEquals(1, retort.validate().problems().size());

            retort.repair();
            retort.upgrade();
            assertEquals("2", db.value("select count(*)::text from e"));
            assertEquals(Set.of("ed0000000003"), retort.currentHeads());
        }
    }

    private Retort fromDirectory(Path dir) throws IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        return Revs.configure(db).classLoader(loader).migrationsPackage(NO_CLASSES).listener(MigrationListener.none()).load();
    }

    @Test
    void sqlRevisionsAreFoundInJarsThroughTheirIndexAndInsideASpringBootJar(@TempDir Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("db/migrations/0001_root.sql", "-- retort:revision id=jr0000000001\n-- retort:message root\ncreate table j (id int);\n"
                + "-- retort:downgrade\ndrop table j;\n");
        files.put("db/migrations/0002_fill.sql", "-- retort:revision id=jr0000000002 parents=jr0000000001\ninsert into j values (2);\n");

        Path plain = jar(dir.resolve("plain.jar"), "", files);
        String index;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {plain.toUri().toURL()}, getClass().getClassLoader());
             Retort retort = Revs.configure(db).classLoader(loader).listener(MigrationListener.none()).load()) {
            assertEquals(List.of("jr0000000001", "jr0000000002"), retort.graph().revisions().stream().map(RevisionScript::id).toList(),
                    "the default package and SQL location are db.migrations and db/migrations");
            index = retort.revisionIndex();
        }
        assertTrue(index.contains("revision.jr0000000002.file=db/migrations/0002_fill.sql"), index);
        assertTrue(index.contains("format=2"), index);

        Map<String, String> withIndex = new LinkedHashMap<>(files);
        withIndex.put(RevisionIndex.resourceName("db.migrations"), index);
        Path indexed = jar(dir.resolve("indexed.jar"), "", withIndex);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {indexed.toUri().toURL()}, getClass().getClassLoader());
             Retort retort = Revs.configure(db).classLoader(loader).listener(MigrationListener.none()).load()) {
            assertNotNull(retort.graph().get("jr0000000002").checksum(), "read from the index, not scanned");
            retort.upgrade();
            assertEquals("2", db.value("select id::text from j"), "the file named by the index ran");
        }

        Path boot = jar(dir.resolve("app.jar"), "BOOT-INF/classes/", files);
        try (Retort retort = Revs.configure(db).revisions(RevisionSource.archive(boot, "db.migrations", "db/migrations",
                dev.retort.platform.Platforms.named("postgresql").dialect()))
                .listener(MigrationListener.none()).load()) {
            assertEquals(Set.of("jr0000000001", "jr0000000002"), Set.copyOf(retort.graph().revisions().stream().map(RevisionScript::id).toList()));
            assertEquals(Set.of("jr0000000002"), retort.currentHeads());
            assertTrue(retort.validate().problems().isEmpty(), "the Boot jar's files have the checksums that were applied");
        }
    }

    private static Path jar(Path jar, String prefix, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                jarOut.putNextEntry(new JarEntry(prefix + entry.getKey()));
                jarOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
