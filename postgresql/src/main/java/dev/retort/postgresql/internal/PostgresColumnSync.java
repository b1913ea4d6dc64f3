package dev.retort.postgresql.internal;

import java.util.List;

import dev.retort.operation.Operation;
import dev.retort.platform.SqlDialect;

/**
 * The trigger that keeps two columns equal during a rolling deploy, while the old code writes one and the new code the
 * other: before each insert, the one left null takes the other's value; before each update, the one that changed is
 * copied to the other. Constraints are checked after {@code BEFORE} triggers, so a NOT NULL old column accepts the new
 * code's inserts, which do not name it.
 */
final class PostgresColumnSync {

    private static final int MAX_NAME = 63;

    private PostgresColumnSync() {
    }

    /** The function's and the trigger's name: {@code retort_sync_<table>_<new>}, within PostgreSQL's 63 bytes. */
    static String name(String table, String newColumn) {
        String name = "retort_sync_" + table + "_" + newColumn;
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 9) + "_" + Integer.toHexString(name.hashCode());
    }

    static List<Operation> keep(SqlDialect dialect, String schema, String table, String oldColumn, String newColumn) {
        return keep(dialect, schema, table, oldColumn, newColumn, null, null);
    }

    /**
     * With conversions between the two columns' types ({@code toNew} over the old column's name, {@code toOld} over the
     * new one's), or none (null: the columns have one type). As pgroll's {@code alter_column} triggers do, the function
     * declares a variable named after each column holding the row's value, so the expressions, written over column names
     * as a backfill's {@code UPDATE} uses them, read the row being written.
     */
    static List<Operation> keep(SqlDialect dialect, String schema, String table, String oldColumn, String newColumn, String toNew,
                                String toOld) {
        String function = dialect.qualified(schema, name(table, newColumn));
        String o = dialect.identifier(oldColumn);
        String n = dialect.identifier(newColumn);
        String qualified = dialect.qualified(schema, table);
        String declare = toNew == null ? ""
                : "DECLARE\n  " + o + " " + qualified + "." + o + "%TYPE := NEW." + o + ";\n  " + n + " " + qualified + "." + n + "%TYPE := NEW."
                + n + ";\n";
        String fromOld = toNew == null ? "NEW." + o : toNew;
        String fromNew = toOld == null ? "NEW." + n : toOld;
        String body = "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $retort$\n"
                + declare
                + "BEGIN\n"
                + "  IF TG_OP = 'INSERT' THEN\n"
                + "    IF NEW." + n + " IS NULL THEN NEW." + n + " := " + fromOld + ";\n"
                + "    ELSIF NEW." + o + " IS NULL THEN NEW." + o + " := " + fromNew + ";\n"
                + "    END IF;\n"
                + "  ELSIF NEW." + n + " IS DISTINCT FROM OLD." + n + " THEN NEW." + o + " := " + fromNew + ";\n"
                + "  ELSIF NEW." + o + " IS DISTINCT FROM OLD." + o + " THEN NEW." + n + " := " + fromOld + ";\n"
                + "  END IF;\n"
                + "  RETURN NEW;\n"
                + "END\n"
                + "$retort$";
        String trigger = "CREATE TRIGGER " + dialect.identifier(name(table, newColumn)) + " BEFORE INSERT OR UPDATE ON "
                + qualified + " FOR EACH ROW EXECUTE FUNCTION " + function + "()";
        return List.of(new Operation.ExecuteSql(body, List.of()), new Operation.ExecuteSql(trigger, List.of()));
    }

    static List<Operation> stop(SqlDialect dialect, String schema, String table, String oldColumn, String newColumn) {
        String name = name(table, newColumn);
        return List.of(new Operation.ExecuteSql("DROP TRIGGER IF EXISTS " + dialect.identifier(name) + " ON " + dialect.qualified(schema, table),
                List.of()), new Operation.ExecuteSql("DROP FUNCTION IF EXISTS " + dialect.qualified(schema, name) + "()", List.of()));
    }
}
