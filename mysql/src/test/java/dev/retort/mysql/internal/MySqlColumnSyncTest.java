package dev.retort.mysql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.operation.Operation;
import dev.retort.platform.SqlStatement;

/**
 * The triggers that keep a renamed column in step, as SQL the same on MariaDB and MySQL (the servers run them in
 * {@code RollingRenameTest}): one statement each, without a {@code ;} the mysql client would split at, named within 64
 * characters.
 */
class MySqlColumnSyncTest {

    private static List<String> sql(List<Operation> operations) {
        return operations.stream().map(o -> ((Operation.ExecuteSql) o).sql()).toList();
    }

    @Test
    void twoOneStatementTriggersFillAndCopyAndTheirDropsUndoThem() {
        List<String> keep = sql(new MySqlPlatform().keepColumnsInStep("shop", "person", "name", "full_name"));
        assertEquals(List.of("CREATE TRIGGER `shop`.`retort_sync_person_full_name_ins` BEFORE INSERT ON `shop`.`person` FOR EACH ROW SET "
                        + "NEW.`full_name` = COALESCE(NEW.`full_name`, NEW.`name`), NEW.`name` = COALESCE(NEW.`name`, NEW.`full_name`)",
                "CREATE TRIGGER `shop`.`retort_sync_person_full_name_upd` BEFORE UPDATE ON `shop`.`person` FOR EACH ROW SET "
                        + "NEW.`name` = IF(NEW.`full_name` <=> OLD.`full_name`, NEW.`name`, NEW.`full_name`), "
                        + "NEW.`full_name` = IF(NEW.`name` <=> OLD.`name`, NEW.`full_name`, NEW.`name`)"), keep);
        assertEquals(keep, sql(new MariaDbPlatform().keepColumnsInStep("shop", "person", "name", "full_name")));
        assertTrue(keep.stream().noneMatch(s -> s.contains(";")), "the mysql client would split a statement at ;");
        assertEquals(List.of("DROP TRIGGER IF EXISTS `retort_sync_person_full_name_upd`",
                "DROP TRIGGER IF EXISTS `retort_sync_person_full_name_ins`"), sql(new MariaDbPlatform().stopKeepingColumnsInStep("", "person", "name", "full_name")));
    }

    @Test
    void convertingTriggersReadTheRowPassValuesAsTextAndNeverConvertThereAndBack() {
        List<String> keep = sql(new MariaDbPlatform().keepColumnsInStep("", "item", "reference", "retort_new_reference", "`reference`",
                "`retort_new_reference`"));
        String n = "NEW.`retort_new_reference`";
        String o = "NEW.`reference`";
        assertEquals(List.of("CREATE TRIGGER `retort_sync_item_retort_new_reference_ins` BEFORE INSERT ON `item` FOR EACH ROW SET "
                        + n + " = IF(" + n + " IS NULL, CAST(" + o + " AS CHAR CHARACTER SET utf8mb4), " + n + "), "
                        + o + " = IF(" + o + " IS NULL, CAST(" + n + " AS CHAR CHARACTER SET utf8mb4), " + o + ")",
                "CREATE TRIGGER `retort_sync_item_retort_new_reference_upd` BEFORE UPDATE ON `item` FOR EACH ROW SET "
                        + o + " = IF(" + n + " <=> OLD.`retort_new_reference`, " + o + ", CAST(" + n + " AS CHAR CHARACTER SET utf8mb4)), "
                        + n + " = IF(" + n + " <=> OLD.`retort_new_reference` AND NOT (" + o + " <=> OLD.`reference`), CAST(" + o
                        + " AS CHAR CHARACTER SET utf8mb4), " + n + ")"), keep);
        assertEquals(keep, sql(new MySqlPlatform().keepColumnsInStep("", "item", "reference", "retort_new_reference", "`reference`",
                "`retort_new_reference`")));
        assertTrue(keep.stream().noneMatch(s -> s.contains(";")), "the mysql client would split a statement at ;");
        // The drops are those of the triggers without conversions: the contract and the downgrade name them alike.
        assertEquals(List.of("DROP TRIGGER IF EXISTS `retort_sync_item_retort_new_reference_upd`",
                "DROP TRIGGER IF EXISTS `retort_sync_item_retort_new_reference_ins`"),
                sql(new MariaDbPlatform().stopKeepingColumnsInStep("", "item", "reference", "retort_new_reference")));
    }

    @Test
    void aConversionReadsTheTwoColumnsAsTheRowsAndLeavesLiteralsQualifiedNamesAndOtherColumnsAlone() {
        var dialect = new MariaDbPlatform().dialect();
        assertEquals("CONCAT(NEW.`code`, 'code', t.code, `other`, \"code\") + NEW.`Retort_New_Code`",
                MySqlColumnSync.ofRow("CONCAT(`code`, 'code', t.code, `other`, \"code\") + Retort_New_Code", dialect, "code", "retort_new_code"));
        assertEquals("LEFT(NEW.`code`, 'it''s code')", MySqlColumnSync.ofRow("LEFT(code, 'it''s code')", dialect, "code", "x"));
    }

    @Test
    void aRenamedTableKeepsItsOldNameAsAViewOfTheNewOne() {
        for (var platform : List.of(new MariaDbPlatform(), new MySqlPlatform())) {
            assertEquals(List.of("CREATE VIEW `invoice` AS SELECT * FROM `bill`"), sql(platform.bridgeRenamedTable("", "invoice", "bill")));
            assertEquals(List.of("CREATE VIEW `shop`.`invoice` AS SELECT * FROM `shop`.`bill`"),
                    sql(platform.bridgeRenamedTable("shop", "invoice", "bill")));
            assertEquals(List.of("DROP VIEW IF EXISTS `invoice`"), sql(platform.stopBridgingRenamedTable("", "invoice", "bill")));
        }
    }

    @Test
    void aRenamedTableAndItsViewAreSwitchedInByOneRenameAndBackByAnother() {
        for (var platform : List.of(new MariaDbPlatform(), new MySqlPlatform())) {
            assertEquals(List.of("CREATE OR REPLACE VIEW `shop`.`bill` AS SELECT * FROM `shop`.`invoice`",
                    "CREATE OR REPLACE VIEW `shop`.`retort_invoice_bridge` AS SELECT * FROM `shop`.`bill`",
                    "RENAME TABLE `shop`.`bill` TO `shop`.`retort_invoice_stand_in`, `shop`.`invoice` TO `shop`.`bill`, "
                            + "`shop`.`retort_invoice_bridge` TO `shop`.`invoice`",
                    "DROP VIEW IF EXISTS `shop`.`retort_invoice_stand_in`"), sql(platform.renameTableBridged("shop", "invoice", "bill")));
            assertEquals(List.of("RENAME TABLE `invoice` TO `retort_invoice_bridge`, `bill` TO `invoice`", "DROP VIEW IF EXISTS `retort_invoice_bridge`"),
                    sql(platform.undoRenameTableBridged("", "invoice", "bill")));
        }
    }

    @Test
    void aContractsStatementsOnATableRunWithItsWritesHeldAndRetortRecordsThemAsOne() {
        var platform = new MariaDbPlatform();
        List<String> held = sql(platform.withWritesHeld("", "item", List.of(new Operation.ExecuteSql("DROP TRIGGER t", List.of()))));
        assertEquals(List.of("LOCK TABLES `item` WRITE", "DROP TRIGGER t", "UNLOCK TABLES"), held);
        var dialect = platform.dialect();
        assertTrue(dialect.takesTableLocks(SqlStatement.of(held.get(0))));
        assertTrue(dialect.takesTableLocks(SqlStatement.of("  lock table item read")));
        assertFalse(dialect.takesTableLocks(SqlStatement.of("UNLOCK TABLES")));
        assertFalse(dialect.takesTableLocks(SqlStatement.of("LOCK TABLESPACE x")));
        assertTrue(dialect.releasesTableLocks(SqlStatement.of("unlock tables")));
        assertEquals(List.of(SqlStatement.of("UNLOCK TABLES")), dialect.releaseTableLocks());
    }

    @Test
    void aTypeChangesContractRendersAlikeOnBothServersTheShadowRenamedInPlace() {
        for (var platform : List.of(new MariaDbPlatform(), new MySqlPlatform())) {
            List<String> contract = new java.util.ArrayList<>();
            for (Operation operation : List.of(new Operation.DropColumn("", "item", "code", null),
                    new Operation.RenameColumn("", "item", "retort_new_code", "code"),
                    new Operation.SetDefault("", "item", "code", "'none'", null))) {
                platform.dialect().render(operation).forEach(statement -> contract.add(platform.dialect().inline(statement)));
            }
            assertEquals(List.of("ALTER TABLE `item` DROP COLUMN `code`", "ALTER TABLE `item` RENAME COLUMN `retort_new_code` TO `code`",
                    "ALTER TABLE `item` ALTER COLUMN `code` SET DEFAULT 'none'"), contract, platform.name());
            // NOT NULL, after the contract, restates the column as the server reads it: type, character set, default, comment.
            String notNull = platform.dialect().render(new Operation.SetNullable("", "item", "code", false)).stream()
                    .map(statement -> platform.dialect().inline(statement)).collect(java.util.stream.Collectors.joining("\n"));
            assertTrue(notNull.contains("'ALTER TABLE `item` MODIFY COLUMN `code` ', column_type") && notNull.contains("' NOT NULL'"), notNull);
        }
    }

    @Test
    void longNamesAreShortenedWithinSixtyFourCharactersAndStayApart() {
        String table = "customer_loyalty_programme_membership";
        String ins = MySqlColumnSync.name(table, "preferred_contact_channel", "ins");
        String upd = MySqlColumnSync.name(table, "preferred_contact_channel", "upd");
        assertTrue(ins.length() <= 64 && upd.length() <= 64, ins + ", " + upd);
        assertNotEquals(MySqlColumnSync.name(table, "preferred_contact_channel_old", "ins"), ins);
        assertTrue(ins.endsWith("_ins") && upd.endsWith("_upd") && ins.startsWith("retort_sync_customer_loyalty"), ins);
    }
}
