package dev.retort.mysql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.operation.Operation;

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
    void longNamesAreShortenedWithinSixtyFourCharactersAndStayApart() {
        String table = "customer_loyalty_programme_membership";
        String ins = MySqlColumnSync.name(table, "preferred_contact_channel", "ins");
        String upd = MySqlColumnSync.name(table, "preferred_contact_channel", "upd");
        assertTrue(ins.length() <= 64 && upd.length() <= 64, ins + ", " + upd);
        assertNotEquals(MySqlColumnSync.name(table, "preferred_contact_channel_old", "ins"), ins);
        assertTrue(ins.endsWith("_ins") && upd.endsWith("_upd") && ins.startsWith("retort_sync_customer_loyalty"), ins);
    }
}
