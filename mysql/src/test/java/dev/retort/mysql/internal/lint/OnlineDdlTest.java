package dev.retort.mysql.internal.lint;

import static dev.retort.operation.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.command.Direction;
import dev.retort.lint.RuleContext;
import dev.retort.mysql.MySql;
import dev.retort.mysql.internal.MariaDbPlatform;
import dev.retort.mysql.internal.MySqlPlatform;
import dev.retort.mysql.internal.lint.OnlineDdl.Algorithm;
import dev.retort.operation.Operation;
import dev.retort.operation.Operations;
import dev.retort.platform.Platform;
import dev.retort.platform.SqlStatement;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * The algorithm lint says InnoDB uses for each operation is the one MariaDB 10.11 uses: the operation runs under
 * {@code alter_algorithm} set to it, and is refused under the next cheaper one (ER_ALTER_OPERATION_NOT_SUPPORTED); where
 * lint says writes go on, it runs with {@code LOCK=NONE}. MySQL 8.0's answers, from its manual, are checked as values.
 */
class OnlineDdlTest {

    private static final Platform MARIADB = new MariaDbPlatform();
    private static final Server MARIADB_10_11 = Server.assumed(true, 10, 11);
    private static final Server MYSQL_8_0 = Server.assumed(false, 8, 0);
    private static final String TABLES = "create table author (id bigint primary key, name varchar(100) not null, email varchar(100), "
            + "nick varchar(50), n int, status varchar(10) not null default 'new', mood enum('ok','bad'));"
            + "insert into author values (1,'Ann','a@x','ann',1,'new','ok'),(2,'Bo',null,'bo',2,'new','bad');"
            + "create table book (id bigint primary key, author_id bigint); insert into book values (10,1),(11,2)";

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabases.server("mariadb").createDatabase("onlineddl");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                op("add column", o -> o.addColumn("author", column("bio", text())), Algorithm.INSTANT, true, Algorithm.INSTANT),
                op("add column NOT NULL", o -> o.addColumn("author", column("country", varchar(2)).notNull()), Algorithm.INSTANT, true,
                        Algorithm.INSTANT),
                op("add column, expression default", o -> o.addColumn("author", column("token", varchar(36)).defaultValue("(uuid())")),
                        Algorithm.COPY, false, Algorithm.COPY),
                op("drop column", o -> o.dropColumn("author", "nick"), Algorithm.INSTANT, true, Algorithm.INPLACE),
                op("rename column", o -> o.renameColumn("author", "nick", "handle"), Algorithm.INSTANT, true, Algorithm.INSTANT),
                op("varchar longer, same length byte", o -> o.alterColumnType("author", "email", varchar(320)).from(varchar(100)),
                        Algorithm.INSTANT, true, Algorithm.NOCOPY),
                op("varchar longer, across 255 bytes", o -> o.alterColumnType("author", "nick", varchar(100)).from(varchar(50)),
                        Algorithm.COPY, false, Algorithm.COPY),
                op("int to bigint", o -> o.alterColumnType("author", "n", bigint()).from(integer()), Algorithm.COPY, false, Algorithm.COPY),
                op("enum label appended", o -> o.alterColumnType("author", "mood", MySql.enumOf("ok", "bad", "meh"))
                        .from(MySql.enumOf("ok", "bad")), Algorithm.INSTANT, true, Algorithm.INSTANT),
                op("enum label inserted first", o -> o.alterColumnType("author", "mood", MySql.enumOf("meh", "ok", "bad"))
                        .from(MySql.enumOf("ok", "bad")), Algorithm.COPY, false, Algorithm.COPY),
                op("set NOT NULL", o -> o.setNotNull("author", "nick"), Algorithm.INPLACE, true, Algorithm.INPLACE),
                op("drop NOT NULL", o -> o.dropNotNull("author", "name"), Algorithm.INPLACE, true, Algorithm.INPLACE),
                op("set default", o -> o.setDefault("author", "status", "'old'"), Algorithm.INSTANT, true, Algorithm.INSTANT),
                op("drop default", o -> o.dropDefault("author", "status"), Algorithm.INSTANT, true, Algorithm.INSTANT),
                op("make AUTO_INCREMENT", o -> o.addIdentity("author", "id"), Algorithm.COPY, false, Algorithm.COPY),
                op("column comment", o -> o.setColumnComment("author", "email", "where to write"), Algorithm.INSTANT, true, Algorithm.INSTANT),
                op("table comment", o -> o.setTableComment("author", "who writes"), Algorithm.INSTANT, true, Algorithm.INSTANT),
                op("foreign key", o -> o.addForeignKey("book", foreignKey("fk_book_author", "author_id").references("author", "id")),
                        Algorithm.COPY, false, Algorithm.COPY),
                op("check", o -> o.addCheck("author", "ck_n", "n > 0"), Algorithm.COPY, false, Algorithm.COPY),
                op("unique key", o -> o.addUnique("author", "uq_author_email", "email"), Algorithm.NOCOPY, true, Algorithm.NOCOPY),
                op("index", o -> o.createIndex("ix_author_email", "author", "email"), Algorithm.NOCOPY, true, Algorithm.NOCOPY),
                op("rename table", o -> o.renameTable("book", "volume"), Algorithm.INSTANT, false, Algorithm.INSTANT));
    }

    private static Arguments op(String name, Consumer<Operations> operation, Algorithm mariaDb, boolean writes, Algorithm mySql) {
        Operations o = new Operations();
        operation.accept(o);
        return Arguments.of(name, o.recorded().get(0), mariaDb, writes, mySql);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void lintSaysTheAlgorithmMariaDbUses(String name, Operation operation, Algorithm mariaDb, boolean writes, Algorithm mySql)
            throws SQLException {
        OnlineDdl judged = OnlineDdl.of(context(operation, MARIADB, List.of()), MARIADB_10_11).orElseThrow();
        assertEquals(mariaDb, judged.algorithm(), name);
        assertEquals(writes, judged.writes(), name);
        OnlineDdl onMySql = OnlineDdl.of(context(operation, new MySqlPlatform(), List.of()), MYSQL_8_0).orElseThrow();
        assertEquals(mySql, onMySql.algorithm(), name + " on MySQL 8.0");

        assertEquals("", run(operation, mariaDb.name()), name + " runs with alter_algorithm = " + mariaDb);
        if (mariaDb != Algorithm.INSTANT) {
            Algorithm cheaper = Algorithm.values()[mariaDb.ordinal() - 1];
            String refused = run(operation, cheaper.name());
            assertTrue(refused.contains("is not supported"), name + " must be refused under alter_algorithm = " + cheaper + ": " + refused);
        }
        String lockNone = runLockNone(operation);
        if (lockNone != null) {
            assertEquals(writes, lockNone.isEmpty(), name + " with LOCK=NONE: " + lockNone);
        }
    }

    /** Answers that changed with a release: the version a server reports decides them, MySQL's down to the patch release. */
    static Stream<Arguments> releases() {
        return Stream.of(
                release("add column", o -> o.addColumn("author", column("bio", text())),
                        "10.2.44-MariaDB", Algorithm.INPLACE, "10.3.39-MariaDB-0+deb10u1", Algorithm.INSTANT),
                release("drop column", o -> o.dropColumn("author", "nick"),
                        "5.5.5-10.3.39-MariaDB", Algorithm.INPLACE, "10.11.6-MariaDB-1:10.11.6+maria~ubu2204", Algorithm.INSTANT),
                release("varchar longer, same length byte", o -> o.alterColumnType("author", "email", varchar(320)).from(varchar(100)),
                        "10.3.39-MariaDB", Algorithm.NOCOPY, "10.4.3-MariaDB", Algorithm.INSTANT),
                release("add column on MySQL", o -> o.addColumn("author", column("bio", text())),
                        "8.0.11", Algorithm.INPLACE, "8.0.12", Algorithm.INSTANT),
                release("drop column on MySQL", o -> o.dropColumn("author", "nick"),
                        "8.0.28", Algorithm.INPLACE, "8.0.29", Algorithm.INSTANT));
    }

    private static Arguments release(String name, Consumer<Operations> operation, String older, Algorithm before, String newer, Algorithm after) {
        Operations o = new Operations();
        operation.accept(o);
        return Arguments.of(name, o.recorded().get(0), older, before, newer, after);
    }

    @ParameterizedTest(name = "{0}: {2} vs {4}")
    @MethodSource("releases")
    void theVersionTheServerReportsDecidesWhatRunsInstantly(String name, Operation operation, String older, Algorithm before, String newer,
                                                            Algorithm after) {
        for (String version : List.of(older, newer)) {
            boolean mariaDb = version.contains("MariaDB");
            Server server = Server.reported(version, mariaDb, Server.assumed(mariaDb, 0, 0));
            assertTrue(server.live(), version);
            Platform platform = mariaDb ? MARIADB : new MySqlPlatform();
            OnlineDdl judged = OnlineDdl.of(context(operation, platform, List.of()), server).orElseThrow();
            assertEquals(version.equals(older) ? before : after, judged.algorithm(), name + " on " + server);
        }
    }

    @Test
    void theFindingsNameTheVersionTheyJudgedForAndWhereItCameFrom() {
        Operations o = new Operations();
        o.dropColumn("author", "nick");
        Operation drop = o.recorded().get(0);
        Server reported = Server.reported("8.0.28", false, MYSQL_8_0);
        assertEquals("MySQL 8.0.28 (the server's version)", reported.toString());
        String rebuild = reported(new AlgorithmRules.Rebuild(reported), drop, new MySqlPlatform());
        assertTrue(rebuild.contains("runs with ALGORITHM=INPLACE on MySQL 8.0.28 (the server's version) but rebuilds author"), rebuild);
        assertEquals("", reported(new AlgorithmRules.Rebuild(Server.reported("8.0.29", false, MYSQL_8_0)), drop, new MySqlPlatform()),
                "8.0.29 drops a column instantly: nothing to report");
        String assumed = reported(new AlgorithmRules.Rebuild(MYSQL_8_0), drop, new MySqlPlatform());
        assertTrue(assumed.contains("on MySQL 8.0 (assumed: no server was asked)"), "offline, the default and that it is one: " + assumed);
        assertEquals("MariaDB 10.11 (assumed: no server was asked)", MARIADB_10_11.toString());
        assertEquals(MARIADB_10_11, Server.reported("not a version", true, MARIADB_10_11), "a text that is no version leaves the default");
    }

    /** What a rule reports on one operation, every table existing: its problem text, or "" for nothing. */
    private static String reported(dev.retort.lint.LintRule rule, Operation operation, Platform platform) {
        StringBuilder text = new StringBuilder();
        rule.check(new TestContext(operation, platform, List.of()) {
            @Override
            public void report(String problem, String safeAlternative) {
                text.append(problem);
            }

            @Override
            public void report(dev.retort.lint.Severity severity, String problem, String safeAlternative) {
                text.append(problem);
            }
        });
        return text.toString();
    }

    @Test
    void aForeignKeyAddedWithChecksOffIsInPlaceAndRunsSo() throws SQLException {
        Operations o = new Operations();
        o.execute("SET SESSION foreign_key_checks = 0");
        o.addForeignKey("book", foreignKey("fk_book_author", "author_id").references("author", "id"));
        Operation fk = o.recorded().get(1);
        OnlineDdl judged = OnlineDdl.of(context(fk, MARIADB, List.of(o.recorded().get(0))), MARIADB_10_11).orElseThrow();
        assertEquals(Algorithm.NOCOPY, judged.algorithm());
        assertEquals("", run(fk, "NOCOPY", "SET SESSION foreign_key_checks = 0"));
    }

    @Test
    void aTableThisRunCreatedIsNotJudged() {
        Operations o = new Operations();
        o.addColumn("author", column("bio", text()));
        RuleContext fresh = new TestContext(o.recorded().get(0), MARIADB, List.of()) {
            @Override
            public boolean tableExisted(String schema, String table) {
                return false;
            }
        };
        assertEquals(Optional.empty(), OnlineDdl.of(fresh, MARIADB_10_11));
    }

    /** Runs the operation on fresh tables under alter_algorithm (and LOCK=NONE where writes go on); "" or the server's error. */
    private static String run(Operation operation, String algorithm, String... before) throws SQLException {
        db.reset();
        for (String statement : TABLES.split(";")) {
            db.execute(statement);
        }
        try (Connection connection = db.connect(); Statement s = connection.createStatement()) {
            for (String sql : before) {
                s.execute(sql);
            }
            s.execute("SET SESSION alter_algorithm = '" + algorithm + "'");
            for (SqlStatement statement : MARIADB.dialect().render(operation)) {
                s.execute(MARIADB.dialect().inline(statement));
            }
            return "";
        } catch (SQLException e) {
            if (e.getErrorCode() != 1845 && e.getErrorCode() != 1846) {
                fail("not an ALGORITHM refusal: " + e.getErrorCode() + " " + e.getMessage(), e);
            }
            return e.getMessage();
        }
    }

    /** Runs a one-statement ALTER TABLE or CREATE INDEX with LOCK=NONE: "" or the server's refusal; null for other renderings. */
    private static String runLockNone(Operation operation) throws SQLException {
        List<SqlStatement> statements = MARIADB.dialect().render(operation);
        String sql = statements.size() == 1 ? MARIADB.dialect().inline(statements.get(0)) : "";
        String withLock = sql.startsWith("ALTER TABLE") ? sql + ", LOCK=NONE" : sql.startsWith("CREATE") && sql.contains("INDEX") ? sql + " LOCK=NONE" : null;
        if (withLock == null) {
            return null;
        }
        db.reset();
        for (String statement : TABLES.split(";")) {
            db.execute(statement);
        }
        try (Connection connection = db.connect(); Statement s = connection.createStatement()) {
            s.execute(withLock);
            return "";
        } catch (SQLException e) {
            if (e.getErrorCode() != 1845 && e.getErrorCode() != 1846) {
                fail("not a LOCK refusal: " + e.getErrorCode() + " " + e.getMessage(), e);
            }
            return e.getMessage();
        }
    }

    static RuleContext context(Operation operation, Platform platform, List<Operation> preceding) {
        return new TestContext(operation, platform, preceding);
    }

    /** What lint knows of one operation, with every table existing before the run. */
    static class TestContext implements RuleContext {
        private final Operation operation;
        private final Platform platform;
        private final List<Operation> preceding;

        TestContext(Operation operation, Platform platform, List<Operation> preceding) {
            this.operation = operation;
            this.platform = platform;
            this.preceding = preceding;
        }

        @Override public Operation operation() { return operation; }
        @Override public Direction direction() { return Direction.UP; }
        @Override public List<Operation> preceding() { return preceding; }
        @Override public List<Operation> following() { return List.of(); }
        @Override public List<String> newNames() { return List.of(); }
        @Override public List<Operation> upgrade() { return List.of(operation); }
        @Override public boolean transactional() { return false; }
        @Override public Platform platform() { return platform; }
        @Override public boolean tableExisted(String schema, String table) { return true; }
        @Override public boolean typeExisted(String schema, String type) { return true; }
        @Override public Optional<String> tableOfIndex(String schema, String index) { return Optional.empty(); }
        @Override public boolean validNotNullCheck(String schema, String table, String column) { return false; }
        @Override public boolean addedInThisRevision(String schema, String table, String constraint) { return false; }
        @Override public Optional<List<String>> enumValues(String schema, String type) { return Optional.empty(); }
        @Override public boolean runSetsLockTimeout() { return false; }
        @Override public String qualified(String schema, String name) { return name; }
        @Override public void report(String problem, String safeAlternative) { }
        @Override public void reportAbout(String part, String problem, String safeAlternative) { }
        @Override public void report(dev.retort.lint.Severity severity, String problem, String safeAlternative) { }
    }
}
