package dev.retort.mysql.internal.lint;

import static dev.retort.operation.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.lint.Finding;
import dev.retort.lint.LintReport;
import dev.retort.lint.LintRule;
import dev.retort.lint.SafeForm;
import dev.retort.mysql.MySql;
import dev.retort.mysql.internal.MariaDbPlatform;
import dev.retort.mysql.internal.MySqlPlatform;
import dev.retort.operation.Operation;
import dev.retort.operation.Operations;
import dev.retort.platform.Platforms;
import dev.retort.platform.SqlStatement;
import dev.retort.testing.Revs;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * Every MariaDB/MySQL lint rule: a revision that triggers it, and a safe variant that does not, which must then run on
 * MariaDB against tables that hold rows. The set-up tables are unknown to lint, so they count as existing ones. MySQL
 * 8.0's findings are judged on the revisions alone (no MySQL server here) and its safe forms rendered as SQL.
 */
class MySqlLintRulesTest {

    private static final String[] TABLES = {
            "create table author (id bigint primary key, name varchar(100) not null, email varchar(100), nick varchar(50), "
                    + "status varchar(10) not null default 'new', mood enum('ok','bad'))",
            "insert into author values (1, 'Ann', 'ann@example.com', 'ann', 'new', 'ok'), (2, 'Bo', null, 'bo', 'new', 'bad')",
            "create table book (id bigint primary key, author_id bigint)", "insert into book values (10, 1), (11, 2)"};
    private static final Pattern POSTGRES_WORDS = Pattern.compile("PostgreSQL|ACCESS EXCLUSIVE|SHARE lock|CONCURRENTLY|lock_timeout\\b|"
            + "NOT VALID|pg_|vacuum", Pattern.CASE_INSENSITIVE);

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabases.server("mariadb").createDatabase("lintrules");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("drop-table", op -> op.dropTable("book"), op -> op.dropTable("book").acknowledge("drop-table", "moved to the catalogue")),
                rule("drop-column", op -> op.dropColumn("author", "nick"),
                        op -> op.dropColumn("author", "nick").acknowledge("drop-column", "released without the field in 2.3")),
                rule("narrowing-type", op -> op.alterColumnType("author", "email", varchar(50)).from(varchar(100)),
                        op -> op.addColumn("author", column("email_short", varchar(50))).execute("update author set email_short = left(email, 50)")),
                rule("enum-value-removed", op -> op.alterColumnType("author", "mood", MySql.enumOf("ok")).from(MySql.enumOf("ok", "bad")),
                        op -> op.alterColumnType("author", "mood", MySql.enumOf("ok", "bad", "meh")).from(MySql.enumOf("ok", "bad"))),
                rule("drop-default", op -> op.dropDefault("author", "status"),
                        op -> op.dropDefault("author", "status").setDefault("author", "status", "'active'")),
                rule("copy-algorithm", op -> op.addForeignKey("book", foreignKey("fk_book_author", "author_id").references("author", "id")),
                        op -> op.execute("SET SESSION foreign_key_checks = 0")
                                .addForeignKey("book", foreignKey("fk_book_author", "author_id").references("author", "id"))
                                .execute("SET SESSION foreign_key_checks = 1")),
                rule("table-rebuild", op -> op.setNotNull("author", "nick"),
                        op -> op.execute("SET SESSION alter_algorithm = 'INPLACE'").setNotNull("author", "nick")
                                .execute("SET SESSION alter_algorithm = DEFAULT")),
                rule("rename-table", op -> op.renameTable("book", "volume"),
                        op -> op.renameTable("book", "volume").acknowledge("rename-table", "deployed with the app stopped")),
                rule("rename-column", op -> op.renameColumn("author", "nick", "handle"),
                        op -> op.renameColumn("author", "nick", "handle").acknowledge("rename-column", "deployed with the app stopped")),
                rule("not-null-without-default", op -> op.addColumn("author", column("country", varchar(2)).notNull()),
                        op -> op.addColumn("author", column("country", varchar(2)).notNull().defaultValue("'NL'"))),
                rule("no-lock-timeout", op -> op.addColumn("author", column("bio", text())),
                        op -> op.execute("SET SESSION lock_wait_timeout = 5").addColumn("author", column("bio", text()))),
                rule("identifier-too-long", op -> op.addColumn("author", column("n".repeat(65), text())),
                        op -> op.addColumn("author", column("n".repeat(64), text()))));
    }

    private static Arguments rule(String id, Consumer<Operations> trigger, Consumer<Operations> safe) {
        return Arguments.of(id, trigger, safe);
    }

    private static Revs graph(Consumer<Operations> upgrade) {
        return Revs.graph().add(Revs.script("lint1", List.of(), true, upgrade, op -> { }));
    }

    /** Runs with statementLockTimeout 0, as no-lock-timeout judges them; the other rules do not depend on it. */
    private static Retort onMariaDb(Revs graph) {
        return Retort.configure().settings(Settings.builder().set(Setting.STATEMENT_LOCK_TIMEOUT, "0").build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).revisions(graph.scripts()).listener(MigrationListener.none()).load();
    }

    private static Retort onMySqlWithoutServer(Revs graph) {
        return Retort.configure().settings(Settings.builder().set(Setting.STATEMENT_LOCK_TIMEOUT, "0").build())
                .platform(Platforms.named("mysql")).revisions(graph.scripts()).listener(MigrationListener.none()).load();
    }

    private static void tables() {
        db.reset();
        for (String sql : TABLES) {
            db.execute(sql);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aRevisionTriggersTheRuleAndItsSafeVariantDoesNotAndRuns(String rule, Consumer<Operations> trigger, Consumer<Operations> safe) {
        tables();
        try (Retort retort = onMariaDb(graph(trigger))) {
            List<Finding> found = retort.lint().findings().stream().filter(f -> f.rule().equals(rule) && !f.acknowledged()).toList();
            assertEquals(1, found.size(), () -> rule + " must report the trigger once: " + found);
            Finding finding = found.get(0);
            assertFalse(finding.problem().isBlank() || finding.safeAlternative().isBlank() || finding.operation().isBlank(), finding::describe);
            assertFalse(finding.safeAlternative().contains("acknowledge("), finding::describe);
            assertFalse(POSTGRES_WORDS.matcher(finding.describe()).find(), () -> "names PostgreSQL's concepts: " + finding.describe());
        }
        try (Retort retort = onMariaDb(graph(safe))) {
            LintReport report = retort.lint();
            assertTrue(report.findings().stream().noneMatch(f -> f.rule().equals(rule) && !f.acknowledged()),
                    () -> "the safe variant must not trigger " + rule + ": " + report.findings());
            retort.upgrade();
            assertEquals(List.of(), retort.lint().revisions(), "nothing pending once the safe variant ran on tables that hold rows");
        }
    }

    @Test
    void onMySql80DroppingAColumnRebuildsTheTableAndTheFindingsSaySo() {
        try (Retort retort = onMySqlWithoutServer(graph(op -> op.dropColumn("author", "nick").alterColumnType("author", "email",
                varchar(320)).from(varchar(100))))) {
            List<Finding> findings = retort.lint().findings();
            String text = findings.stream().map(Finding::describe).collect(Collectors.joining("\n"));
            assertEquals(Set.of("drop-column", "table-rebuild", "no-lock-timeout"), findings.stream().map(Finding::rule).collect(Collectors.toSet()), text);
            assertTrue(text.contains("DROP COLUMN author.nick deletes"), text);
            assertTrue(text.contains("ALGORITHM=INPLACE, rebuilding the table on MySQL 8.0"), text);
            assertTrue(text.contains("ALGORITHM=INPLACE, LOCK=NONE"), text);
            assertFalse(text.contains("alter_algorithm"), "MySQL has no alter_algorithm: " + text);
            assertFalse(POSTGRES_WORDS.matcher(text).find(), text);
        }
        tables();
        try (Retort retort = onMariaDb(graph(op -> op.dropColumn("author", "nick").alterColumnType("author", "email",
                varchar(320)).from(varchar(100))))) {
            List<Finding> findings = retort.lint().findings();
            assertEquals(Set.of("drop-column", "no-lock-timeout"), findings.stream().map(Finding::rule).collect(Collectors.toSet()),
                    "MariaDB drops a column and lengthens a varchar within its length byte INSTANTly: " + findings);
        }
    }

    @Test
    void againstTheLiveServerTheFindingsJudgeForItsOwnVersionAndOfflineForTheDefault() {
        java.util.regex.Matcher version = Pattern.compile("(\\d+\\.\\d+\\.\\d+).*").matcher(db.value("select version()"));
        assertTrue(version.matches(), "the server's version: " + db.value("select version()"));
        tables();
        try (Retort retort = onMariaDb(graph(op -> op.setNotNull("author", "nick")))) {
            String text = retort.lint().findings().stream().filter(f -> f.rule().equals("table-rebuild")).map(Finding::describe)
                    .collect(Collectors.joining("\n"));
            assertTrue(text.contains("on MariaDB " + version.group(1) + " (the server's version)"), "judged for the live server: " + text);
        }
        try (Retort retort = Retort.configure().settings(Settings.builder().set(Setting.STATEMENT_LOCK_TIMEOUT, "0").build())
                .platform(Platforms.named("mariadb")).revisions(graph(op -> op.setNotNull("author", "nick")).scripts())
                .listener(MigrationListener.none()).load()) {
            String text = retort.lint().findings().stream().map(Finding::describe).collect(Collectors.joining("\n"));
            assertTrue(text.contains("on MariaDB 10.11 (assumed: no server was asked)"), "offline, the default: " + text);
        }
    }

    @Test
    void theForeignKeySafeFormRendersForMySqlWithChecksOffAroundIt() {
        Operations o = new Operations();
        o.addForeignKey("book", foreignKey("fk_book_author", "author_id").references("author", "id"));
        MySqlPlatform mysql = new MySqlPlatform();
        AlgorithmRules.Copy rule = new AlgorithmRules.Copy(Server.assumed(false, 8, 0));
        SafeForm form = rule.safeForm(OnlineDdlTest.context(o.recorded().get(0), mysql, List.of())).orElseThrow();
        List<String> sql = new ArrayList<>();
        for (Operation operation : form.upgrade()) {
            for (SqlStatement statement : mysql.dialect().render(operation)) {
                sql.add(mysql.dialect().inline(statement));
            }
        }
        assertEquals("SET SESSION foreign_key_checks = 0", sql.get(0));
        assertTrue(sql.get(1).startsWith("ALTER TABLE `book` ADD CONSTRAINT `fk_book_author` FOREIGN KEY"), sql::toString);
        assertEquals("SET SESSION foreign_key_checks = 1", sql.get(2));
        assertTrue(form.note().contains("has its parent"), form.note());
    }

    @Test
    void notNullSafeFormOnMariaDbIsARebuildThatLetsWritesGoOnAndMySqlHasNone() {
        Operations o = new Operations();
        o.setNotNull("author", "nick");
        o.dropNotNull("author", "email");
        Operation set = o.recorded().get(0);
        MariaDbPlatform mariaDb = new MariaDbPlatform();
        AlgorithmRules.Rebuild rule = new AlgorithmRules.Rebuild(Server.assumed(true, 10, 11));
        SafeForm form = rule.safeForm(OnlineDdlTest.context(set, mariaDb, List.of())).orElseThrow();
        assertEquals(List.of(), form.upgrade());
        assertEquals(List.of(new Operation.ExecuteSql("SET SESSION alter_algorithm = 'INPLACE'", List.of()), set,
                new Operation.ExecuteSql("SET SESSION alter_algorithm = DEFAULT", List.of())), form.laterUpgrade());
        assertEquals(List.of(new Operation.ExecuteSql("SET SESSION alter_algorithm = 'INPLACE'", List.of()),
                new Operation.SetNullable(null, "author", "nick", true), new Operation.ExecuteSql("SET SESSION alter_algorithm = DEFAULT", List.of())),
                form.laterDowngrade());
        // Alone, the rule warns of the rebuild; after alter_algorithm, it has nothing left to say.
        assertEquals(1, findings(rule, set, mariaDb, List.of()).size());
        assertEquals(List.of(), findings(rule, set, mariaDb, List.of(form.laterUpgrade().get(0))));
        assertTrue(rule.safeForm(OnlineDdlTest.context(o.recorded().get(1), mariaDb, List.of())).isEmpty(), "dropping NOT NULL");
        assertTrue(new AlgorithmRules.Rebuild(Server.assumed(false, 8, 0)).safeForm(OnlineDdlTest.context(set, new MySqlPlatform(), List.of()))
                .isEmpty(), "MySQL has no alter_algorithm");
    }

    private static List<String> findings(AlgorithmRules.Rebuild rule, Operation operation, MariaDbPlatform platform, List<Operation> preceding) {
        List<String> findings = new ArrayList<>();
        rule.check(new OnlineDdlTest.TestContext(operation, platform, preceding) {
            @Override
            public void report(String problem, String fix) {
                findings.add(problem);
            }
        });
        return findings;
    }

    @Test
    void everyRuleOfBothPlatformsHasItsCase() {
        Set<String> covered = new TreeSet<>(rules().map(a -> (String) a.get()[0]).toList());
        for (String platform : List.of("mariadb", "mysql")) {
            Set<String> ids = new TreeSet<>(Platforms.named(platform).lintRules().stream().map(LintRule::id).toList());
            assertEquals(ids, covered, platform);
            assertEquals(List.of(), ids.stream().filter(id -> !id.matches("[a-z]+(-[a-z0-9]+)*")).toList());
        }
    }
}
