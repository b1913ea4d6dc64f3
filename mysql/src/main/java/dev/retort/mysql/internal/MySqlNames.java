package dev.retort.mysql.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names MariaDB and MySQL give what nobody named: {@code PRIMARY}; a unique key or index after its (first) column,
 * {@code email_2} when that is taken; a foreign key {@code <table>_ibfk_<n>}; a check MariaDB's way (after its column
 * when declared with it, else {@code CONSTRAINT_<n>}) or MySQL's ({@code <table>_chk_<n>}).
 */
final class MySqlNames {

    /** Identifiers are at most 64 characters long. */
    static final int MAX_LENGTH = 64;

    private static final Pattern NUMBERED = Pattern.compile("(.*_(?:ibfk|chk)_|CONSTRAINT_)(\\d+)");

    private final Flavour flavour;

    MySqlNames(Flavour flavour) {
        this.flavour = flavour;
    }

    String objectName(String table, String column, String label) {
        return switch (label) {
            case "pkey" -> "PRIMARY";
            case "key" -> column == null ? table : column;
            case "fkey" -> table + "_ibfk_1";
            case "check" -> flavour.mariaDb() ? (column != null ? column : "CONSTRAINT_1") : table + "_chk_1";
            default -> table + (column == null ? "" : "_" + column) + "_" + label;
        };
    }

    /**
     * A name Retort gives an object of its own, {@code <stem>_<suffix>}, within the servers' 64 characters: a stem too
     * long is cut and ends in its hash, so two long stems still differ.
     */
    static String fitted(String stem, String suffix) {
        int room = MAX_LENGTH - suffix.length() - 1;
        String fitted = stem.length() <= room ? stem : stem.substring(0, room - 9) + "_" + Integer.toHexString(stem.hashCode());
        return fitted + "_" + suffix;
    }

    /** Numbered names count on ({@code _ibfk_2}, {@code CONSTRAINT_2}); others get {@code _2}, {@code _3}, as index names do. */
    String unique(String name, Set<String> taken) {
        if (taken.add(name)) {
            return name;
        }
        Matcher m = NUMBERED.matcher(name);
        if (m.matches()) {
            for (int i = Integer.parseInt(m.group(2)) + 1; ; i++) {
                if (taken.add(m.group(1) + i)) {
                    return m.group(1) + i;
                }
            }
        }
        for (int i = 2; ; i++) {
            if (taken.add(name + "_" + i)) {
                return name + "_" + i;
            }
        }
    }
}
