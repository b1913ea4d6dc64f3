package dev.retort.rolling;

import static dev.retort.operation.Types.bigint;
import static dev.retort.operation.Types.column;
import static dev.retort.operation.Types.primaryKey;
import static dev.retort.operation.Types.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;
import dev.retort.platform.Platforms;
import dev.retort.platform.ScriptPiece;
import dev.retort.revision.RevisionScript;
import dev.retort.testing.Revs;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * The triggers of a rename's expand on MariaDB: written into an offline script, they split as the mysql client splits it
 * (no DELIMITER) and work once run; a user without the TRIGGER privilege is refused in a sentence, the column added just
 * before the first trigger (DDL committed on its own) dropped again from its reverse, the database left at the revision
 * before. A user without CREATE VIEW is refused the views that switch a renamed table in under its new name, at the first
 * of them, and the table stays under its old name.
 */
// The TRIGGER privilege is MariaDB's and MySQL's; PostgreSQL's triggers need only the table's ownership, which migrating takes.
@ParameterizedClass(name = "on {argumentSetName}")
@MethodSource("platforms")
class MariaDbTriggersTest {

    static Stream<Arguments> platforms() {
        return TestDatabases.onPlatforms("mariadb");
    }

    private final TestDatabase db;
    private final String user = "rt_notrig_" + Long.toHexString(System.nanoTime() & 0xffffff);

    MariaDbTriggersTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void freshDatabaseAndAUserWithoutTrigger() {
        db.reset();
        db.execute("create user '" + user + "'@'%' identified by 'no-trigger'");
        db.execute("grant select, insert, update, delete, create, drop, alter, index, references on `" + db.name() + "`.* to '" + user + "'@'%'");
    }

    @AfterEach
    void dropUser() {
        db.execute("drop user if exists '" + user + "'@'%'");
    }

    /** A table, and a rename's expand: the new column and the triggers that keep it equal to the old one. */
    private static List<RevisionScript> revisions(Platform platform) {
        return List.of(
                Revs.script("r1", List.of(), true, op -> op.createTable("person", column("id", bigint()).notNull(), column("name", varchar(100)),
                        primaryKey("person_pkey", "id")), op -> op.dropTable("person")),
                Revs.script("e2", List.of("r1"), true, op -> {
                    op.addColumn("person", column("full_name", varchar(100)));
                    for (Operation keep : platform.keepColumnsInStep("", "person", "name", "full_name")) {
                        op.execute(((Operation.ExecuteSql) keep).sql());
                    }
                }, op -> {
                    for (Operation stop : platform.stopKeepingColumnsInStep("", "person", "name", "full_name")) {
                        op.execute(((Operation.ExecuteSql) stop).sql());
                    }
                    op.dropColumn("person", "full_name");
                }).withPhase(Revision.Phase.EXPAND, ""));
    }

    @Test
    void anOfflineScriptCarriesEachTriggerAsOneStatementTheClientRunsWithoutDelimiter() throws SQLException {
        Platform platform = Platforms.named("mariadb");
        String script;
        try (Retort retort = Revs.configure(db).revisions(revisions(platform)).listener(MigrationListener.none()).load()) {
            script = retort.upgradeSql(Set.of(), "head");
        }
        assertFalse(script.toUpperCase(java.util.Locale.ROOT).contains("DELIMITER"), script);
        List<String> statements = platform.dialect().splitScript(script).stream().filter(p -> p instanceof ScriptPiece.Statement)
                .map(p -> ((ScriptPiece.Statement) p).sql()).toList();
        for (Operation keep : platform.keepColumnsInStep("", "person", "name", "full_name")) {
            assertTrue(statements.contains(((Operation.ExecuteSql) keep).sql()), "whole in the script: " + keep);
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        assertEquals(List.of("e2"), db.column("select version_num from retort_version"));
        db.execute("insert into person (id, name) values (1, 'written by the old code')");
        db.execute("insert into person (id, full_name) values (2, 'written by the new code')");
        db.execute("update person set full_name = 'renamed by the new code' where id = 1");
        assertEquals(List.of("renamed by the new code", "written by the new code"), db.column("select name from person order by id"));
        assertEquals(List.of("renamed by the new code", "written by the new code"), db.column("select full_name from person order by id"));
    }

    @Test
    void aTableRenamedStaysAsItWasWhenTheViewUnderItsOldNameIsRefused() {
        Platform platform = Platforms.named("mariadb");
        List<RevisionScript> revisions = List.of(
                Revs.script("r1", List.of(), true, op -> op.createTable("invoice", column("id", bigint()).notNull(), primaryKey("invoice_pkey", "id")),
                        op -> op.dropTable("invoice")),
                Revs.script("e2", List.of("r1"), true,
                        op -> platform.renameTableBridged("", "invoice", "bill").forEach(step -> op.execute(((Operation.ExecuteSql) step).sql())),
                        op -> platform.undoRenameTableBridged("", "invoice", "bill").forEach(step -> op.execute(((Operation.ExecuteSql) step).sql())))
                        .withPhase(Revision.Phase.EXPAND, ""));
        try (Retort retort = Revs.configure(db).user(user).password("no-trigger").revisions(revisions).listener(MigrationListener.none()).load()) {
            retort.upgrade("r1");
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().contains("CREATE VIEW command denied") && e.getMessage().contains("GRANT CREATE VIEW"), e.getMessage());
        }
        assertEquals(List.of("r1"), db.column("select version_num from retort_version"));
        assertEquals(List.of("invoice BASE TABLE"), db.column("select concat(table_name, ' ', table_type) from information_schema.tables "
                + "where table_schema = database() and table_name not like 'retort%'"));
    }

    @Test
    void theExpandFailsAtItsFirstTriggerAndItsNewColumnIsDroppedAgain() {
        List<RevisionScript> revisions = revisions(Platforms.named("mariadb"));
        try (Retort retort = Revs.configure(db).user(user).password("no-trigger").revisions(revisions).listener(MigrationListener.none()).load()) {
            retort.upgrade("r1");
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().contains("TRIGGER command denied"), e.getMessage());
            assertTrue(e.getMessage().contains("lacks the TRIGGER privilege") && e.getMessage().contains("GRANT TRIGGER"), e.getMessage());
            assertTrue(e.getMessage().contains("e2"), e.getMessage());
        }
        assertEquals(List.of("r1"), db.column("select version_num from retort_version"));
        assertEquals(List.of("id", "name"), db.column("select column_name from information_schema.columns where table_schema = database() "
                + "and table_name = 'person' order by column_name"));
        assertEquals("0", db.value("select count(*) from information_schema.triggers where trigger_schema = database()"));
    }
}
