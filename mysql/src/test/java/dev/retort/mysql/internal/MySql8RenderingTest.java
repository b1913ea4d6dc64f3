package dev.retort.mysql.internal;

import static dev.retort.operation.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.operation.Constraint;
import dev.retort.operation.Operation;
import dev.retort.operation.Operations;
import dev.retort.operation.SequenceOptions;
import dev.retort.platform.SqlStatement;

/**
 * What autogenerate's operations become on MySQL 8 beside MariaDB, as SQL (no MySQL server here): checks, JSON,
 * character sets and collations (MySQL 8's utf8mb4_0900_ai_ci), sequences, dropped foreign keys.
 */
class MySql8RenderingTest {

    private final MySqlPlatform mysql = new MySqlPlatform();
    private final MariaDbPlatform mariadb = new MariaDbPlatform();

    private static List<String> sql(List<SqlStatement> statements) {
        return statements.stream().map(SqlStatement::sql).toList();
    }

    @Test
    void aCheckNamedAfterItsColumnIsDeclaredWithItOnMariaDbAndWithTheTableOnMySql() {
        Operations op = new Operations();
        op.createTable("author", column("level", smallint()), check("level", "level between 0 and 2"), check("ck_author", "level <> 1"));
        op.addConstraint("author", check("level", "level between 0 and 2"));
        List<Operation> ops = op.recorded();
        assertEquals(List.of("CREATE TABLE `author` (\n    `level` smallint CHECK (level between 0 and 2),\n"
                + "    CONSTRAINT `ck_author` CHECK (level <> 1)\n)"), sql(mariadb.dialect().render(ops.get(0))));
        assertEquals(List.of("CREATE TABLE `author` (\n    `level` smallint,\n    CONSTRAINT `level` CHECK (level between 0 and 2),\n"
                + "    CONSTRAINT `ck_author` CHECK (level <> 1)\n)"), sql(mysql.dialect().render(ops.get(0))));
        List<String> maria = sql(mariadb.dialect().render(ops.get(1)));
        assertTrue(maria.get(0).contains("MODIFY COLUMN `level` ") && maria.get(0).contains(" CHECK (level between 0 and 2)"), maria.get(0));
        assertTrue(maria.get(0).contains("'ALTER TABLE `author` ADD CONSTRAINT `level` CHECK (level between 0 and 2)'"),
                "without such a column, a table's check: " + maria.get(0));
        assertEquals(List.of("ALTER TABLE `author` ADD CONSTRAINT `level` CHECK (level between 0 and 2)"), sql(mysql.dialect().render(ops.get(1))));
    }

    @Test
    void jsonIsATypeOfItsOwnOnMySqlAndReadBackAsJsonOnBoth() {
        assertEquals("json", mysql.dialect().typeName(json()));
        assertEquals("json", mariadb.dialect().typeName(json()));
        assertEquals(json(), mysql.rules().parseType("json"));
        assertTrue(mariadb.rules().sameType(json(), mariadb.rules().parseType("JSON")));
    }

    @Test
    void characterSetsAndCollationsCompareAsTheServerCompletesThem() {
        var my = mysql.rules();
        var maria = mariadb.rules();
        String read = "varchar(20) character set utf8mb4 collate utf8mb4_0900_ai_ci";
        assertTrue(my.sameType(my.parseType("varchar(20) character set utf8mb4"), my.parseType(read)), "MySQL 8's default collation");
        assertTrue(my.sameType(my.parseType("varchar(20) collate utf8mb4_0900_ai_ci"), my.parseType(read)), "a collation names its set");
        assertFalse(maria.sameType(maria.parseType("varchar(20) character set utf8mb4"), maria.parseType(read)), "MariaDB's default differs");
        assertTrue(maria.sameType(maria.parseType("varchar(20) charset utf8mb4"), maria.parseType(
                "varchar(20) character set utf8mb4 collate utf8mb4_general_ci")));
        assertFalse(my.sameType(my.parseType("varchar(20) character set ascii collate ascii_bin"), my.parseType("varchar(20)")));
        assertEquals("varchar(16) character set ascii collate ascii_bin",
                mysql.dialect().typeName(my.parseType("VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin")));
    }

    @Test
    void sequencesAreMariaDbsAloneAndCreatedWithoutACacheAsHibernateCreatesThem() {
        Operations op = new Operations();
        op.createSequence("book_seq", SequenceOptions.NONE.start(1L).increment(10L));
        Operation create = op.recorded().get(0);
        assertEquals(List.of("CREATE SEQUENCE `book_seq` START WITH 1 INCREMENT BY 10 NOCACHE"), sql(mariadb.dialect().render(create)));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> mysql.dialect().render(create));
        assertTrue(refused.getMessage().startsWith("MySQL has no sequences"), refused.getMessage());
    }

    @Test
    void aDroppedForeignKeyTakesTheIndexInnoDbMadeForItOnBoth() {
        Constraint.ForeignKey fk = new Constraint.ForeignKey("fk_book_author", List.of("author_id"), "", "author", List.of("id"),
                Constraint.Action.NO_ACTION, Constraint.Action.NO_ACTION, false, false, false);
        for (var platform : List.of(mysql, mariadb)) {
            List<String> known = sql(platform.dialect().render(new Operation.DropConstraint(null, "book", "fk_book_author", fk)));
            assertEquals("ALTER TABLE `book` DROP FOREIGN KEY `fk_book_author`", known.get(0));
            assertTrue(known.get(1).contains("'ALTER TABLE `book` DROP INDEX `fk_book_author`'") && known.get(1).contains("non_unique = 1"),
                    known.get(1));
            List<String> named = sql(platform.dialect().render(new Operation.DropConstraint(null, "book", "fk_book_author", null)));
            assertTrue(named.get(0).startsWith("SET @retort_fk = (SELECT COUNT(*) FROM information_schema.referential_constraints"), named.get(0));
            assertEquals(platform == mysql ? "ALTER TABLE `book` DROP CONSTRAINT `fk_book_author`" : "ALTER TABLE `book` DROP CONSTRAINT `fk_book_author`')",
                    platform == mysql ? named.get(1) : named.get(1).substring(named.get(1).length() - 53));
            assertTrue(named.get(named.size() - 4).contains("@retort_fk > 0"), named.get(named.size() - 4));
        }
    }
}
