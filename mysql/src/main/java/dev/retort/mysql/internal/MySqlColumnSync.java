package dev.retort.mysql.internal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** An identifier, a quoted one, or a string literal: what {@link #ofRow} reads an expression as. */
    private static final Pattern TOKEN = Pattern.compile(
            "'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.|\"\")*\"|`(?:[^`]|``)*`|[A-Za-z_$][A-Za-z0-9_$]*");

    private MySqlColumnSync() {
    }

    /** A trigger's name: {@code retort_sync_<table>_<new>_<suffix>}, within the servers' 64 characters. */
    static String name(String table, String newColumn, String suffix) {
        return MySqlNames.fitted("retort_sync_" + table + "_" + newColumn, suffix);
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

    /**
     * With conversions between the two columns' types: {@code toNew} an expression over the old column's name giving the
     * new column's value, {@code toOld} the reverse, as a backfill's {@code UPDATE} writes them. In a trigger a column is
     * {@code NEW.column}, so the two columns' names in them are read as the row's. Each converted value is passed as text
     * ({@code CAST(… AS CHAR CHARACTER SET utf8mb4)}) and converted by the assignment, which fails in strict mode on a
     * value the column cannot hold: an {@code IF} of two types otherwise has a type of both, and a {@code bigint} or a
     * {@code decimal} kept through an {@code IF} with a {@code double} comes back rounded. The update trigger copies the
     * new column to the old one when the statement changed the new one, and converts the old one into the new one only
     * when the statement changed the old one alone, so a value is never converted there and back.
     */
    static List<Operation> keep(SqlDialect dialect, String schema, String table, String oldColumn, String newColumn, String toNew,
                                String toOld) {
        String o = "NEW." + dialect.identifier(oldColumn);
        String n = "NEW." + dialect.identifier(newColumn);
        String fromOld = asText(ofRow(toNew, dialect, oldColumn, newColumn));
        String fromNew = asText(ofRow(toOld, dialect, oldColumn, newColumn));
        String on = " ON " + dialect.qualified(schema, table) + " FOR EACH ROW SET ";
        String insert = "CREATE TRIGGER " + dialect.qualified(schema, name(table, newColumn, "ins")) + " BEFORE INSERT" + on
                + n + " = IF(" + n + " IS NULL, " + fromOld + ", " + n + "), " + o + " = IF(" + o + " IS NULL, " + fromNew + ", " + o + ")";
        String update = "CREATE TRIGGER " + dialect.qualified(schema, name(table, newColumn, "upd")) + " BEFORE UPDATE" + on
                + o + " = IF(" + n + " <=> " + old(n) + ", " + o + ", " + fromNew + "), "
                + n + " = IF(" + n + " <=> " + old(n) + " AND NOT (" + o + " <=> " + old(o) + "), " + fromOld + ", " + n + ")";
        return List.of(new Operation.ExecuteSql(insert, List.of()), new Operation.ExecuteSql(update, List.of()));
    }

    private static String old(String column) {
        return "OLD." + column.substring("NEW.".length());
    }

    private static String asText(String expression) {
        return "CAST(" + expression + " AS CHAR CHARACTER SET utf8mb4)";
    }

    /** The expression with the two columns, bare or quoted and not qualified, read as the row's: {@code NEW.`column`}. */
    static String ofRow(String expression, SqlDialect dialect, String... columns) {
        Matcher m = TOKEN.matcher(expression);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String token = m.group();
            String name = token.startsWith("`") ? token.substring(1, token.length() - 1).replace("``", "`") : token;
            boolean qualified = m.start() > 0 && expression.charAt(m.start() - 1) == '.';
            boolean column = !token.startsWith("'") && !token.startsWith("\"")
                    && Arrays.stream(columns).anyMatch(c -> c.equalsIgnoreCase(name));
            out.append(expression, last, m.start()).append(column && !qualified ? "NEW." + dialect.identifier(name) : token);
            last = m.end();
        }
        return out.append(expression.substring(last)).toString();
    }

    static List<Operation> stop(SqlDialect dialect, String schema, String table, String oldColumn, String newColumn) {
        return List.of(new Operation.ExecuteSql("DROP TRIGGER IF EXISTS " + dialect.qualified(schema, name(table, newColumn, "upd")), List.of()),
                new Operation.ExecuteSql("DROP TRIGGER IF EXISTS " + dialect.qualified(schema, name(table, newColumn, "ins")), List.of()));
    }
}
