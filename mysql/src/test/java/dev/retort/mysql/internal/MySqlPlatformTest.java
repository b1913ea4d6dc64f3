package dev.retort.mysql.internal;

import static dev.retort.operation.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.operation.Index;
import dev.retort.operation.Operation;
import dev.retort.operation.Operations;
import dev.retort.platform.DatabaseUrl;
import dev.retort.platform.MigrationLock;
import dev.retort.platform.ScriptPiece;
import dev.retort.platform.SqlStatement;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/** URL forms, the lock on a real MariaDB, the mysql client's splitting, and what MySQL 8 gets rendered differently. */
class MySqlPlatformTest {

    private final MariaDbPlatform mariadb = new MariaDbPlatform();
    private final MySqlPlatform mysql = new MySqlPlatform();

    @Test
    void urlFormsWithCredentialsMaskedInEveryMessage() {
        DatabaseUrl url = mariadb.parseUrl("mariadb://app:s%40cret+1@db.example:3307/shop?useSsl=false");
        assertEquals("jdbc:mariadb://db.example:3307/shop?useSsl=false", url.jdbcUrl());
        assertEquals("app", url.user());
        assertEquals("s@cret+1", url.password());
        assertEquals("jdbc:mariadb://h:3306/db", mariadb.parseUrl("jdbc:mariadb://h:3306/db").jdbcUrl());
        assertNull(mariadb.parseUrl("postgresql://a@h/db"));
        assertTrue(mysql.parseUrl("mysql://app:pw@h/db").jdbcUrl().startsWith("jdbc:mysql://h/db"));
        assertTrue(mysql.accepts("jdbc:mysql://h/db") && !mysql.accepts("jdbc:mariadb://h/db") && mariadb.accepts("jdbc:mariadb://h/db"));
        RetortException port = assertThrows(RetortException.class, () -> mariadb.parseUrl("mariadb://app:topsecret@h:99999/db"));
        assertEquals("The database URL mariadb://app:***@h:99999/db has port '99999', out of the range 1 to 65535; MariaDB's default is 3306.",
                port.getMessage());
        RetortException userInfo = assertThrows(RetortException.class, () -> mysql.parseUrl("jdbc:mysql://app:topsecret@h/db"));
        assertTrue(userInfo.getMessage().startsWith("The database URL jdbc:mysql://app:***@h/db puts the user and password before the host"),
                userInfo.getMessage());
        RetortException noHost = assertThrows(RetortException.class, () -> mariadb.parseUrl("mariadb://app:topsecret@/db"));
        assertEquals("The database URL mariadb://app:***@/db names no host; expected mariadb://user:password@host:3306/database.",
                noHost.getMessage());
        assertEquals("jdbc:mariadb://host:3306/database or mariadb://user:password@host:3306/database", mariadb.urlForms());
        assertTrue(!mariadb.transactionalDdl() && mariadb.id().equals("mariadb") && mysql.name().equals("MySQL"));
    }

    @Test
    void theLockMakesASecondRunWaitAndIsFreedWhenItsHolderIsKilled() throws Exception {
        try (TestDatabase db = TestDatabases.server("mariadb").createDatabase("lock");
             Connection first = db.connect(); Connection second = db.connect(); Connection admin = db.connect()) {
            MigrationLock lock = mariadb.lock();
            MigrationLock.Held held = lock.acquire(first, "`retort_version`", Duration.ofSeconds(1), MigrationListener.none());
            long started = System.nanoTime();
            RetortException timeout = assertThrows(RetortException.class,
                    () -> lock.acquire(second, "`retort_version`", Duration.ofMillis(400), MigrationListener.none()));
            assertTrue(System.nanoTime() - started >= 400_000_000L, "it waited for the lock");
            long holder = id(first);
            assertTrue(timeout.getMessage().startsWith("Another migration run holds Retort's lock on this database (GET_LOCK 'retort:"
                    + db.name() + ":retort_version', held by connection " + holder), timeout.getMessage());
            held.close();
            lock.acquire(second, "`retort_version`", Duration.ofSeconds(1), MigrationListener.none()).close();

            Connection killed = db.connect();
            lock.acquire(killed, "`retort_version`", Duration.ofSeconds(1), MigrationListener.none());
            try (Statement s = admin.createStatement()) {
                s.execute("KILL " + id(killed));
            }
            lock.acquire(second, "`retort_version`", Duration.ofSeconds(5), MigrationListener.none()).close();
            killed.abort(Runnable::run);
        }
    }

    private static long id(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void scriptsSplitAsTheMysqlClientSplitsThem() {
        String script = """
                -- retort:revision id=abc
                create table t (id int); -- trailing
                # a hash comment
                insert into t values (1), (2) /* inline; */;
                DELIMITER $$
                create trigger tr before insert on t for each row begin
                  set new.id = new.id + 1;
                end$$
                DELIMITER ;
                insert into t values ('it\\'s; fine');
                -- retort:downgrade
                drop table t""";
        List<ScriptPiece> pieces = mariadb.dialect().splitScript(script);
        assertEquals(List.of(new ScriptPiece.Directive("revision id=abc", 1), new ScriptPiece.Statement("create table t (id int)", 2),
                new ScriptPiece.Statement("insert into t values (1), (2)", 4),
                new ScriptPiece.Statement("create trigger tr before insert on t for each row begin\n  set new.id = new.id + 1;\nend", 6),
                new ScriptPiece.Statement("insert into t values ('it\\'s; fine')", 10), new ScriptPiece.Directive("downgrade", 11),
                new ScriptPiece.Statement("drop table t", 12)), pieces);
        IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class, () -> mariadb.dialect().splitScript("select 'oops;\n"));
        assertEquals("line 1: a quoted string is never closed.", unclosed.getMessage());
        IllegalArgumentException client = assertThrows(IllegalArgumentException.class, () -> mariadb.dialect().splitScript("select 1;\nsource x.sql\n"));
        assertTrue(client.getMessage().startsWith("line 2: source is a command of the mysql client"), client.getMessage());
        assertEquals("insert into t values ('O''Brien', 'a\\\\b', NULL, TRUE, X'0aff')", mariadb.dialect().inline(new SqlStatement(
                "insert into t values (?, ?, ?, ?, ?)", java.util.Arrays.asList("O'Brien", "a\\b", null, true, new byte[] {10, -1}))));
    }

    @Test
    void mySql8IsRenderedInItsOwnWords() {
        var my = mysql.dialect();
        var maria = mariadb.dialect();
        assertEquals("timestamp(6)", my.typeName(timestampWithZone()));
        assertEquals("datetime(6)", maria.typeName(timestampWithZone()));
        assertEquals("binary(16)", my.typeName(uuid()));
        assertEquals("uuid", maria.typeName(uuid()));
        assertEquals("json", my.typeName(json()));
        assertEquals(List.of("SET SESSION lock_wait_timeout = 5", "SET SESSION innodb_lock_wait_timeout = 5", "SET SESSION max_execution_time = 30000"),
                my.setTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)).stream().map(SqlStatement::sql).toList());
        assertEquals("SET SESSION max_statement_time = 30", maria.setTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)).get(2).sql());
        IllegalArgumentException sequences = assertThrows(IllegalArgumentException.class,
                () -> my.render(new Operations().createSequence("s").recorded().get(0)));
        assertTrue(sequences.getMessage().startsWith("MySQL has no sequences"), sequences.getMessage());
        Operations op = new Operations();
        op.addCheck("t", "ck_t", "a > 0");
        op.dropConstraint("t", "ck_t");
        op.addColumn("t", column("c", integer()).defaultValue("a + 1"));
        op.createIndex("ix_t_lower", "t", Index.Element.expression("lower(c)")).ifNotExists();
        List<Operation> ops = op.recorded();
        assertEquals("ALTER TABLE `t` ADD CONSTRAINT `ck_t` CHECK (a > 0)", my.render(ops.get(0)).get(0).sql());
        assertEquals("ALTER TABLE `t` DROP CHECK `ck_t`", my.render(new Operation.DropConstraint(null, "t", "ck_t",
                check("ck_t", "a > 0"))).get(0).sql());
        List<SqlStatement> mariaDrop = maria.render(new Operation.DropConstraint(null, "t", "ck_t", check("ck_t", "a > 0")));
        assertTrue(mariaDrop.get(0).sql().contains("MODIFY COLUMN `ck_t` ") && mariaDrop.get(0).sql().endsWith(
                "'ALTER TABLE `t` DROP CONSTRAINT `ck_t`')"), "a check declared with its column goes by restating it: " + mariaDrop.get(0).sql());
        assertEquals("ALTER TABLE `t` ADD COLUMN `c` int DEFAULT (a + 1)", my.render(ops.get(2)).get(0).sql());
        List<SqlStatement> index = my.render(ops.get(3));
        assertEquals(4, index.size(), "MySQL has no CREATE INDEX IF NOT EXISTS: the catalog decides");
        assertTrue(index.get(0).sql().contains("CREATE INDEX `ix_t_lower` ON `t` ((lower(c)))"), index.get(0).sql());
        assertThrows(IllegalArgumentException.class, () -> maria.render(ops.get(3)), "MariaDB cannot index an expression");
        List<SqlStatement> modify = my.render(new Operation.SetNullable(null, "t", "c", false));
        assertTrue(modify.get(0).sql().contains("IF(extra LIKE '%DEFAULT_GENERATED%'"), "MySQL keeps an expression default by its flag");
        assertEquals(List.of("PREPARE retort_ddl FROM @retort_ddl", "EXECUTE retort_ddl", "DEALLOCATE PREPARE retort_ddl"),
                modify.subList(1, 4).stream().map(SqlStatement::sql).toList());
        assertEquals("t_chk_1", mysql.rules().objectName("t", null, "check"));
        assertEquals("CONSTRAINT_1", mariadb.rules().objectName("t", null, "check"));
        assertEquals("price", mariadb.rules().objectName("t", "price", "check"));
        assertEquals("t_ibfk_2", mariadb.rules().uniqueName("t_ibfk_1", new java.util.HashSet<>(List.of("t_ibfk_1"))));
        assertEquals("email_2", mariadb.rules().uniqueName("email", new java.util.HashSet<>(List.of("email"))));
        assertEquals("MySQL", mysql.hibernateSettings(false).get("jakarta.persistence.database-product-name"));
        assertEquals("MariaDB", mariadb.hibernateSettings(false).get("jakarta.persistence.database-product-name"));
    }

    @Test
    void embeddedDevDatabasesSayWhatToUseInstead() {
        RetortException e = assertThrows(RetortException.class, () -> mariadb.startDevDatabase("embedded", null, MigrationListener.none()));
        assertTrue(e.getMessage().contains("=embedded is PostgreSQL's: MariaDB has no server that runs from Maven artifacts. Set "), e.getMessage());
        assertTrue(e.getMessage().contains(" to docker (a container of mariadb:11), or to the JDBC URL of a scratch MariaDB server"), e.getMessage());
    }
}
