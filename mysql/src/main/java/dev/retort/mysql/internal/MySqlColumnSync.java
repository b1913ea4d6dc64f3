package dev.retort.mysql.internal;

import java.util.List;

import dev.retort.operation.Operation;
import dev.retort.platform.SqlDialect;

/**
 * The triggers that keep two columns equal during a rolling deploy, while the old code writes one and the new code the
 * other, as PostgreSQL's trigger does: before each insert, the one left null takes the other's value; before each
 * update, the one that changed is copied to the other. MariaDB and MySQL have no trigger for two events, so there are
 * two, {@code retort_sync_<table>_<new>_ins} and {@code _upd}. Each body is one {@code SET} with no {@code BEGIN … END},
 * so it holds no {@code ;}: an offline script runs through the mysql client without {@code DELIMITER}, and JDBC sends it
 * as one statement. NOT NULL is checked after {@code BEFORE} triggers (MariaDB 10.x, MySQL 5.7 on), so a NOT NULL old
 * column accepts the new code's inserts, which do not name it.
 */
final class MySqlColumnSync {

    private static final int MAX_NAME = 64;

    private MySqlColumnSync() {
    }

    /** A trigger's name: {@code retort_sync_<table>_<new>_<suffix>}, within the servers' 64 characters. */
    static String name(String table, String newColumn, String suffix) {
        String stem = "retort_sync_" + table + "_" + newColumn;
        int room = MAX_NAME - suffix.length() - 1;
        String fitted = stem.length() <= room ? stem : stem.substring(0, room - 9) + "_" + Integer.toHexString(stem.hashCode());
        return fitted + "_" + suffix;
    }

    static List<Operation> keep(SqlDialect dialect, String schema, String table, String oldColumn, String newColumn) {
        String o = dialect.identifier(oldColumn);
        String n = dialect.identifier(newColumn);
        String on = " ON " + dialect.qualified(schema, table) + " FOR EACH ROW SET ";
        // The assignments run left to right, each seeing the ones before: the second sees what the first wrote.
        String insert = "CREATE TRIGGER " + dialect.qualified(schema, name(table, newColumn, "ins")) + " BEFORE INSERT" + on
                + "NEW." + n + " = COALESCE(NEW." + n + ", NEW." + o + "), NEW." + o + " = COALESCE(NEW." + o + ", NEW." + n + ")";
        String update = "CREATE TRIGGER " + dialect.qualified(schema, name(table, newColumn, "upd")) + " BEFORE UPDATE" + on
                + "NEW." + o + " = IF(NEW." + n + " <=> OLD." + n + ", NEW." + o + ", NEW." + n + "), "
                + "NEW." + n + " = IF(NEW." + o + " <=> OLD." + o + ", NEW." + n + ", NEW." + o + ")";
        return List.of(new Operation.ExecuteSql(insert, List.of()), new Operation.ExecuteSql(update, List.of()));
    }

    static List<Operation> stop(SqlDialect dialect, String schema, String table, String oldColumn, String newColumn) {
        return List.of(new Operation.ExecuteSql("DROP TRIGGER IF EXISTS " + dialect.qualified(schema, name(table, newColumn, "upd")), List.of()),
                new Operation.ExecuteSql("DROP TRIGGER IF EXISTS " + dialect.qualified(schema, name(table, newColumn, "ins")), List.of()));
    }
}
