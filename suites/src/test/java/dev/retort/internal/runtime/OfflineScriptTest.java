package dev.retort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.command.Step;
import dev.retort.testing.EveryPlatform;
import dev.retort.testing.TestDatabase;

@EveryPlatform
class OfflineScriptTest {

    private final TestDatabase db;

    OfflineScriptTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    /** The linear fixtures in this platform's SQL (an online index build in a non-transactional revision). */
    private String linear() {
        return db.platform().equals("postgresql") ? "dev.retort.fixtures.linear" : "dev.retort.fixtures." + db.platform() + ".linear";
    }

    private Retort retort(MigrationListener listener) {
        return Revs.configure(db).migrationsPackage(linear())
                .listener(listener).load();
    }

    /** The statements of a script: comments and transaction control dropped, split at line-ending semicolons. */
    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String chunk : script.split(";\n")) {
            String statement = Arrays.stream(chunk.split("\n")).filter(l -> !l.startsWith("--")).reduce((a, b) -> a + "\n" + b).orElse("").strip();
            if (!statement.isEmpty() && !statement.equals("BEGIN") && !statement.equals("COMMIT")) {
                out.add(statement);
            }
        }
        return out;
    }

    @Test
    void offlineScriptEqualsStatementForStatementWhatAnOnlineRunExecutes() {
        String script;
        try (Retort retort = retort(MigrationListener.none())) {
            script = retort.upgradeSql("head");
        }
        assertFalse(db.tableExists("retort_version"), "rendering SQL must execute nothing");
        assertFalse(db.tableExists("author"));

        List<String> executed = new ArrayList<>();
        try (Retort retort = retort(new MigrationListener() {
            @Override
            public void statementExecuted(Step step, String sql) {
                executed.add(sql);
            }
        })) {
            retort.upgrade();
        }
        assertEquals(statements(script), executed);
        assertTrue(executed.contains("insert into author (id, name, email) values (1, 'O''Brien', 'ob@example.com')"), executed.toString());
        assertTrue(script.contains("-- up: 3fa9c1b27d4e -> 77e0d9c8b1a2, index author email (non-transactional)\n"
                + "INSERT INTO " + dev.retort.platform.Platforms.named(db.platform()).dialect().identifier("retort_history")), script);
    }

    @Test
    void aRevisionWithJdbcCodeIsRefusedRatherThanRecordedAsAppliedWithoutIt() {
        var revs = dev.retort.testing.Revs.graph().rev("jd0001").add(dev.retort.testing.Revs.script("jd0002", List.of("jd0001"), true,
                op -> op.run("copy prices", c -> { }), op -> { }));
        try (Retort retort = revs.retort(db)) {
            dev.retort.RetortException e = org.junit.jupiter.api.Assertions.assertThrows(dev.retort.RetortException.class,
                    () -> retort.upgradeSql(Set.of(), "head"));
            assertEquals("Revision jd0002 (test jd0002) runs JDBC code ('copy prices'), which cannot be written as SQL; a script without it "
                    + "would record the revision as applied. Apply it online, or start the script after it.", e.getMessage());
            assertTrue(retort.upgradeSql(Set.of(), "jd0001").contains("create table t_jd0001 (id int);"));
        }
    }

    @Test
    void aStatementEndingInACommentKeepsItsSemicolonOutOfTheComment() {
        var revs = dev.retort.testing.Revs.graph().sql("cm0001", "create table t_cm (id int) -- the comment", "drop table t_cm");
        String script;
        try (Retort retort = revs.retort(db)) {
            script = retort.upgradeSql(Set.of(), "head");
        }
        assertTrue(script.contains("create table t_cm (id int) -- the comment\n;\n"), script);
        for (String statement : statements(script)) {
            db.execute(statement);
        }
        assertTrue(db.tableExists("t_cm"));
    }

    @Test
    void theScriptRunsWithPsqlSemanticsAndReachesTheSameState() {
        String script;
        try (Retort retort = retort(MigrationListener.none())) {
            script = retort.upgradeSql(Set.of(), "head");
        }
        // Feed the script through plain JDBC statement by statement, as psql would, outside any Retort run.
        for (String statement : statements(script)) {
            db.execute(statement);
        }
        assertEquals(List.of("77e0d9c8b1a2"), db.column("select version_num from retort_version"));
        assertEquals("3", db.value("select count(*) from retort_history where success"));
        try (Retort retort = retort(MigrationListener.none())) {
            assertTrue(retort.upgrade().nothingToDo());
            String downgrade = retort.downgradeSql("base");
            String dropIndex = switch (db.platform()) {
                case "postgresql" -> "drop index concurrently ix_author_email";
                case "h2" -> "drop index ix_author_email";
                default -> "drop index ix_author_email on author algorithm=inplace lock=none";
            };
            assertTrue(downgrade.contains(dropIndex + ";"), downgrade);
            assertTrue(downgrade.indexOf(dropIndex) < downgrade.indexOf("drop table author"), downgrade);
        }
    }
}
