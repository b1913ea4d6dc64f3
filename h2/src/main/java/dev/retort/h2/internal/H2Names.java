package dev.retort.h2.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How names travel between Retort's model and H2, which folds unquoted names to upper case. The model keeps the
 * lower-case names other databases use ({@code book}, as PostgreSQL stores an unquoted {@code Book}); such a name is
 * written unquoted, so H2 stores {@code BOOK}, as Hibernate's unquoted SQL on H2 expects, and {@code BOOK} is read back
 * as {@code book}. Any other name (mixed case, a keyword, other characters) is written in double quotes as it is and read
 * back as stored. So a history generated on PostgreSQL names the same tables on H2 that Hibernate looks for there.
 */
final class H2Names {

    /** H2 2.x's reserved words, which must be quoted to be names. */
    static final Set<String> KEYWORDS = Set.of("ALL", "AND", "ANY", "ARRAY", "AS", "ASYMMETRIC", "AUTHORIZATION", "BETWEEN", "BOTH",
            "CASE", "CAST", "CHECK", "CONSTRAINT", "CROSS", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE",
            "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DAY", "DEFAULT", "DISTINCT", "ELSE", "END", "EXCEPT",
            "EXISTS", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "FULL", "GROUP", "GROUPS", "HAVING", "HOUR", "IF", "ILIKE", "IN", "INNER",
            "INTERSECT", "INTERVAL", "IS", "JOIN", "KEY", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "MINUS",
            "MINUTE", "MONTH", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OVER", "PARTITION", "PRIMARY", "QUALIFY", "RANGE",
            "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS", "SECOND", "SELECT", "SESSION_USER", "SET", "SOME", "SYMMETRIC", "SYSTEM_USER",
            "TABLE", "TO", "TOP", "TRAILING", "TRUE", "UESCAPE", "UNION", "UNIQUE", "UNKNOWN", "USER", "USING", "VALUE", "VALUES", "WHEN",
            "WHERE", "WINDOW", "WITH", "YEAR", "_ROWID_");

    /** H2 keeps names of any length up to 256 characters. */
    static final int MAX_LENGTH = 256;

    private static final Pattern LOWER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern UPPER = Pattern.compile("[A-Z_][A-Z0-9_]*");
    /** The name H2 gives a constraint nobody named, e.g. {@code CONSTRAINT_1F3}. */
    private static final Pattern GENERATED_CONSTRAINT = Pattern.compile("CONSTRAINT_[0-9A-F]+");

    private H2Names() {
    }

    /** A model name as SQL: unquoted where H2's folding to upper case reads it back as the model has it, else quoted. */
    static String identifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("An identifier must not be empty.");
        }
        if (LOWER.matcher(name).matches() && !KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A name as H2 stores it, from the model's: what {@link #identifier} writes, after folding. */
    static String stored(String name) {
        return LOWER.matcher(name).matches() && !KEYWORDS.contains(name.toUpperCase(Locale.ROOT)) ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** A name H2 stores, as the model has it: an upper-case name that needs no quotes in lower case, else as stored. */
    static String model(String stored) {
        if (stored == null) {
            return null;
        }
        return UPPER.matcher(stored).matches() && !KEYWORDS.contains(stored) ? stored.toLowerCase(Locale.ROOT) : stored;
    }

    /** Whether H2 made this constraint's name up. */
    static boolean generated(String constraintName) {
        return GENERATED_CONSTRAINT.matcher(constraintName).matches();
    }

    /**
     * The name Retort models for an unnamed object, PostgreSQL's way ({@code book_pkey}, {@code book_isbn_key},
     * {@code book_price_check}): H2's own ({@code CONSTRAINT_1F3}) depends on the order objects were made in, so the
     * catalog reader reports those under these names, and histories written on PostgreSQL keep theirs.
     */
    static String objectName(String table, String column, String label) {
        return table + (column == null ? "" : "_" + column) + "_" + label;
    }

    /** The name, or with {@code 1}, {@code 2}, … added as PostgreSQL does, so it is not taken; the result is added to {@code taken}. */
    static String unique(String name, Set<String> taken) {
        if (taken.add(name)) {
            return name;
        }
        for (int i = 1; ; i++) {
            if (taken.add(name + i)) {
                return name + i;
            }
        }
    }
}
