package dev.retort.mysql.internal;

import java.util.List;

import dev.retort.operation.Operation;
import dev.retort.platform.SqlDialect;

/**
 * A table renamed during a rolling deploy, with a view under its old name for the version still running, switched in
 * without a moment where that name is missing. {@code CREATE VIEW} needs the table it selects from to exist, and each
 * statement commits on its own, so the view cannot follow the rename. Instead: a stand-in view under the new name, the
 * bridge defined over it, then one {@code RENAME TABLE} that moves the stand-in away, the table to its new name and the
 * bridge to the old one at once. A view resolves the names it selects from each time it is used, so from then on the
 * bridge reads and writes the table. The views are created with {@code OR REPLACE}, so a run cut short before the
 * switch runs again.
 */
final class MySqlTableBridge {

    private MySqlTableBridge() {
    }

    static List<Operation> rename(SqlDialect dialect, String schema, String oldName, String newName) {
        String table = dialect.qualified(schema, oldName);
        String renamed = dialect.qualified(schema, newName);
        String bridge = dialect.qualified(schema, name(oldName, "bridge"));
        String standIn = dialect.qualified(schema, name(oldName, "stand_in"));
        return List.of(
                sql("CREATE OR REPLACE VIEW " + renamed + " AS SELECT * FROM " + table),
                sql("CREATE OR REPLACE VIEW " + bridge + " AS SELECT * FROM " + renamed),
                sql("RENAME TABLE " + renamed + " TO " + standIn + ", " + table + " TO " + renamed + ", " + bridge + " TO " + table),
                sql("DROP VIEW IF EXISTS " + standIn));
    }

    static List<Operation> undo(SqlDialect dialect, String schema, String oldName, String newName) {
        String table = dialect.qualified(schema, oldName);
        String renamed = dialect.qualified(schema, newName);
        String bridge = dialect.qualified(schema, name(oldName, "bridge"));
        return List.of(
                sql("RENAME TABLE " + table + " TO " + bridge + ", " + renamed + " TO " + table),
                sql("DROP VIEW IF EXISTS " + bridge));
    }

    /** {@code retort_<old name>_bridge}, {@code retort_<old name>_stand_in}: names no entity takes. */
    private static String name(String oldName, String suffix) {
        return MySqlNames.fitted("retort_" + oldName, suffix);
    }

    private static Operation sql(String statement) {
        return new Operation.ExecuteSql(statement, List.of());
    }
}
