package dev.retort.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.command.Direction;
import dev.retort.command.Generated;
import dev.retort.operation.Operation;
import dev.retort.platform.Platforms;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * {@code generateRolling} on MariaDB with rows, for the kinds PostgreSQL's {@code GenerateRollingTest} runs besides a
 * column renamed ({@code RollingRenameTest}): a table renamed, bridged by a view under its old name; columns narrowed
 * and retyped, through shadow columns kept in step by converting triggers; columns made NOT NULL after the contract,
 * in a rebuild that lets writes go on. Each is released in two deploys, the old code's statements run between them, the
 * schema after the contract is what Hibernate's create of the new entities makes, and the downgrade puts the first
 * version's schema back. DDL commits statement by statement here: each revision is applied one statement at a time. The
 * converting triggers are also run alone on a bigint and a double, whose IF() would round the bigint.
 */
@ParameterizedClass(name = "on {argumentSetName}")
@MethodSource("platforms")
class RollingMariaDbTest {

    private static final int ROWS = 2500;
    private static final String COLUMNS = "select concat(column_name, ' ', column_type, ' ', is_nullable) from information_schema.columns "
            + "where table_schema = database() and table_name = '%s' order by column_name";

    static Stream<Arguments> platforms() {
        return TestDatabases.onPlatforms("mariadb");
    }

    private final TestDatabase db;

    /** The stand-in and bridge views a table's rename goes through, left behind by a switch that did not finish. */
    private static final String LEFT_BEHIND = "select count(*) from information_schema.tables where table_schema = database() "
            + "and table_name like 'retort\\_invoice\\_%'";

    RollingMariaDbTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void aRenamedTableKeepsItsOldNameAsAnUpdatableViewUntilTheContract(@TempDir Path work) {
        Rollouts rollouts = new Rollouts(db, work);
        Rollouts.Rollout rollout = rollouts.rollout(dev.retort.rolling.v1.Invoice.class, dev.retort.rolling.v2.Invoice.class, "bills", 2,
                "insert into invoice (id, number, amount) select seq, concat('INV-', seq), seq from seq_1_to_" + ROWS);
        Generated expand = rollout.revisions().get(0);
        Generated contract = rollout.revisions().get(1);
        // One RENAME switches the table to its new name and a view in under its old one: the old code never finds neither.
        assertTrue(expand.source().contains("RENAME TABLE `bill` TO `retort_invoice_stand_in`, `invoice` TO `bill`, "
                + "`retort_invoice_bridge` TO `invoice`"), expand.source());
        assertTrue(expand.findings().stream().noneMatch(f -> f.rule().equals("rename-table") && f.direction() == Direction.UP),
                expand.findings().toString());
        assertTrue(contract.source().contains("phase = Revision.Phase.CONTRACT") && contract.source().contains("DROP VIEW IF EXISTS `invoice`"),
                contract.source());

        rollouts.release("2.0", expand);
        assertEquals("0", db.value(LEFT_BEHIND));
        assertEquals("VIEW YES", db.value("select concat(t.table_type, ' ', v.is_updatable) from information_schema.tables t join "
                + "information_schema.views v on v.table_schema = t.table_schema and v.table_name = t.table_name "
                + "where t.table_schema = database() and t.table_name = 'invoice'"));
        rollouts.validate(rollout.before());
        rollouts.validate(rollout.after());
        // The old code's statements go through the view, the new code's to the table, and each sees the other's rows.
        for (String written : List.of("insert into invoice (id, number, amount) values (100001, 'INV-OLD', 7)",
                "insert into invoice (id, number) values (100003, 'INV-NO-AMOUNT')",
                "update invoice set amount = 99 where id = 1", "delete from invoice where id = 2",
                "insert into bill (id, number, amount) values (100002, 'INV-NEW', 8)")) {
            db.execute(written);
        }
        assertEquals(List.of("1 99 INV-1", "100001 7 INV-OLD", "100002 8 INV-NEW", "100003 - INV-NO-AMOUNT"),
                db.column("select concat(id, ' ', coalesce(amount, '-'), ' ', number) from bill where id in (1, 2, 100001, 100002, 100003) "
                        + "order by id"));
        assertEquals("INV-NEW", db.value("select number from invoice where id = 100002"));
        // The view is no table to the catalog: the new entities already match.
        rollouts.assertMatches(rollout.after());
        assertEquals(String.valueOf(ROWS + 2), db.value("select count(*) from invoice"));

        rollouts.release("2.1", contract);
        assertEquals("0", db.value("select count(*) from information_schema.tables where table_schema = database() and table_name = 'invoice'"));
        rollouts.assertMatches(rollout.after());
        rollouts.validate(rollout.after());

        rollouts.downgrade(rollout.base());
        assertEquals("BASE TABLE", db.value("select table_type from information_schema.tables where table_schema = database() "
                + "and table_name = 'invoice'"));
        assertEquals("0", db.value("select count(*) from information_schema.tables where table_schema = database() and table_name = 'bill'"));
        assertEquals("0", db.value(LEFT_BEHIND));
        assertEquals(String.valueOf(ROWS + 2), db.value("select count(*) from invoice"));
        rollouts.validate(rollout.before());
    }

    @Test
    void columnsNarrowedAndRetypedGoThroughShadowColumnsKeptInStepByConvertingTriggers(@TempDir Path work) {
        Rollouts rollouts = new Rollouts(db, work);
        Rollouts.Rollout items = rollouts.rollout(dev.retort.rolling.v1.Item.class, dev.retort.rolling.v2.Item.class, "item types", 4,
                "insert into item (id, code, quantity, reference, label) select seq, concat('C', seq), seq, seq * 10, concat('L', seq) "
                        + "from seq_1_to_" + ROWS);
        Generated expand = items.revisions().get(0);
        Generated backfill = items.revisions().get(1);
        Generated contract = items.revisions().get(2);
        Generated notNull = items.revisions().get(3);
        // varchar(40) to varchar(80) changes the length's byte count in utf8mb4: a copy here, so a shadow column too.
        for (String shadow : List.of("column(\"retort_new_code\", varchar(50))", "column(\"retort_new_quantity\", bigint())",
                "column(\"retort_new_reference\", integer())", "column(\"retort_new_label\", varchar(80))")) {
            assertTrue(expand.source().contains(shadow), expand.source());
        }
        assertTrue(expand.source().contains("CREATE TRIGGER `retort_sync_item_retort_new_reference_ins` BEFORE INSERT ON `item` FOR EACH ROW SET "
                + "NEW.`retort_new_reference` = IF(NEW.`retort_new_reference` IS NULL, CAST(NEW.`reference` AS CHAR CHARACTER SET utf8mb4)"),
                expand.source());
        assertTrue(backfill.source().contains("set(\"`retort_new_reference` = `reference`\")"), backfill.source());
        assertTrue(contract.source().contains("op.dropColumn(\"item\", \"code\")")
                && contract.source().contains("op.renameColumn(\"item\", \"retort_new_code\", \"code\")"), contract.source());
        // The running version's statements wait for the lock instead of landing between the drop and the rename.
        String up = contract.source().substring(0, contract.source().indexOf("public void downgrade"));
        int drop = up.indexOf("op.dropColumn(\"item\", \"code\")");
        int lock = up.lastIndexOf("op.execute(\"LOCK TABLES `item` WRITE\")", drop);
        assertTrue(lock >= 0 && up.substring(lock, drop).contains("DROP TRIGGER IF EXISTS `retort_sync_item_retort_new_code_ins`")
                && up.indexOf("op.execute(\"UNLOCK TABLES\")", drop) > up.indexOf("op.renameColumn(\"item\", \"retort_new_code\", \"code\")"),
                contract.source());
        assertTrue(notNull.source().contains("transactional = false") && notNull.source().contains("op.setNotNull(\"item\", \"code\")")
                && notNull.source().contains("SET SESSION alter_algorithm = 'INPLACE'"), notNull.source());

        rollouts.release("2.0", expand, backfill);
        assertEquals("8", db.value("select count(*) from information_schema.triggers where trigger_schema = database() "
                + "and trigger_name like 'retort_sync%'"));
        assertEquals("0", db.value("select count(*) from item where not (retort_new_code <=> code) or not (retort_new_quantity <=> quantity) "
                + "or not (retort_new_reference <=> cast(reference as signed)) or not (retort_new_label <=> label)"));
        // The old code's statements, with the old types: the triggers convert them into the new columns, and back.
        rollouts.validate(items.before());
        db.execute("insert into item (id, code, quantity, reference, label) values (100001, 'OLD', 5, '42', 'old label')");
        db.execute("update item set quantity = 77, reference = '43' where id = 1");
        assertEquals("5|42|OLD|old label", db.value("select concat_ws('|', retort_new_quantity, retort_new_reference, retort_new_code, "
                + "retort_new_label) from item where id = 100001"));
        assertEquals("77|43", db.value("select concat_ws('|', retort_new_quantity, retort_new_reference) from item where id = 1"));
        // In strict mode a value the new type cannot hold makes the old code's write fail, as one only the new type holds does.
        assertThrows(RuntimeException.class, () -> db.execute("insert into item (id, code) values (100003, '" + "x".repeat(80) + "')"));
        assertThrows(RuntimeException.class, () -> db.execute("update item set reference = 'not a number' where id = 3"));
        assertThrows(RuntimeException.class, () -> db.execute("insert into item (id, code, retort_new_quantity) values (100002, 'NEW', 9000000000)"),
                "9000000000 does not fit the old int column");

        rollouts.release("2.1", contract, notNull);
        assertEquals(List.of("code varchar(50) NO", "id bigint(20) NO", "label varchar(80) YES", "quantity bigint(20) YES",
                "reference int(11) YES"), db.column(COLUMNS.formatted("item")));
        assertEquals("0", db.value("select count(*) from information_schema.triggers where trigger_schema = database()"));
        assertEquals("43|77|C1", db.value("select concat_ws('|', reference, quantity, code) from item where id = 1"));
        rollouts.assertMatches(items.after());
        rollouts.validate(items.after());
        db.execute("insert into item (id, code, quantity, reference) values (100004, 'AFTER', 9000000000, 12)");
        // A value the old type cannot hold stops the downgrade at its copy back into the old column.
        db.execute("delete from item where id = 100004");

        rollouts.downgrade(items.base());
        assertEquals(List.of("code varchar(100) NO", "id bigint(20) NO", "label varchar(40) YES", "quantity int(11) YES",
                "reference text YES"), db.column(COLUMNS.formatted("item")));
        assertEquals("77|43|C1", db.value("select concat_ws('|', quantity, reference, code) from item where id = 1"));
        rollouts.validate(items.before());
    }

    @Test
    void convertingTriggersKeepAValueTheStatementWroteExactWhereTheTwoTypesShareNoneThatHoldsIt() {
        db.execute("create table ledger (id bigint primary key, amount bigint, retort_new_amount double)");
        for (var keep : Platforms.named("mariadb").keepColumnsInStep("", "ledger", "amount", "retort_new_amount",
                "`amount`", "`retort_new_amount`")) {
            db.execute(((Operation.ExecuteSql) keep).sql());
        }
        // 2^53 + 1 is no double: an IF() of bigint and double would round it to 2^53.
        db.execute("insert into ledger (id, amount) values (1, 9007199254740993)");
        db.execute("insert into ledger (id, amount, retort_new_amount) values (2, 9007199254740993, 1.5)");
        db.execute("insert into ledger (id, retort_new_amount) values (3, 42)");
        db.execute("update ledger set retort_new_amount = 7 where id = 2");
        db.execute("update ledger set amount = 9007199254740995 where id = 3");
        assertEquals(List.of("1 9007199254740993 9007199254740992", "2 7 7", "3 9007199254740995 9007199254740996"),
                db.column("select concat(id, ' ', amount, ' ', cast(retort_new_amount as decimal(20, 0))) from ledger order by id"));
        assertEquals("9007199254740993", db.value("select amount from ledger where id = 1"), "kept exact");
    }

    @Test
    void columnsMadeNotNullAreFilledAgainAndSetAfterTheContractInARebuildThatLetsWritesGoOn(@TempDir Path work) {
        Rollouts rollouts = new Rollouts(db, work);
        Rollouts.Rollout tasks = rollouts.rollout(dev.retort.rolling.v1.Task.class, dev.retort.rolling.v2.Task.class, "required status", 3,
                "insert into task (id, status, owner) select seq, if(seq % 3 = 0, null, 'done'), concat('owner ', seq) from seq_1_to_" + ROWS);
        String expand = tasks.revisions().get(0).source();
        String backfill = tasks.revisions().get(1).source();
        String contract = tasks.revisions().get(2).source();
        assertTrue(!expand.contains("op.setNotNull(") && expand.contains("op.setDefault(\"task\", \"status\""), expand);
        assertTrue(backfill.contains("op.backfill(Backfill.of(\"`task`\").key(\"`id`\").set(\"`status` = 'open'\").where(\"`status` IS NULL\")"),
                backfill);
        assertTrue(contract.contains("transactional = false") && contract.contains("phase = Revision.Phase.CONTRACT"), contract);
        assertTrue(contract.contains("(again, before NOT NULL)") && contract.contains("op.execute(\"SET SESSION alter_algorithm = 'INPLACE'\")")
                && contract.contains("op.setNotNull(\"task\", \"status\")") && contract.contains("op.setNotNull(\"task\", \"owner\")")
                && contract.contains("op.execute(\"SET SESSION alter_algorithm = DEFAULT\")"), contract);
        assertFalse(contract.contains("notValid()"), "MariaDB has no check added NOT VALID: " + contract);
        assertTrue(tasks.revisions().get(2).findings().stream().noneMatch(f -> f.rule().equals("table-rebuild") || f.rule().equals("copy-algorithm")),
                tasks.revisions().get(2).findings().toString());

        rollouts.release("2.0", tasks.revisions().get(0), tasks.revisions().get(1));
        assertEquals("0", db.value("select count(*) from task where status is null"), "backfilled");
        // The old code still writes NULL: nothing stops it before the contract.
        rollouts.validate(tasks.before());
        db.execute("insert into task (id, status, owner) values (100001, null, 'old')");
        db.execute("update task set status = null where id = 1");
        assertNull(db.value("select status from task where id = 100001"));

        rollouts.release("2.1", tasks.revisions().get(2));
        assertEquals(List.of("id bigint(20) NO", "owner varchar(40) NO", "status varchar(20) NO"), db.column(COLUMNS.formatted("task")));
        assertEquals("open", db.value("select status from task where id = 1"), "filled again before NOT NULL");
        assertEquals("open", db.value("select status from task where id = 100001"));
        rollouts.assertMatches(tasks.after());
        rollouts.validate(tasks.after());

        rollouts.downgrade(tasks.base());
        assertEquals(List.of("id bigint(20) NO", "owner varchar(40) YES", "status varchar(20) YES"), db.column(COLUMNS.formatted("task")));
        assertEquals("NULL", db.value("select coalesce(column_default, 'NULL') from information_schema.columns where table_schema = database() "
                + "and table_name = 'task' and column_name = 'status'"));
        rollouts.validate(tasks.before());
    }
}
