package dev.retort.postgresql.internal;

import java.util.Set;

/** The names PostgreSQL gives unnamed constraints ({@code book_pkey}, {@code book_price_check}), which hbm2ddl relies on. */
final class PostgresNames {

    /** NAMEDATALEN - 1: PostgreSQL truncates identifiers to 63 bytes. */
    static final int MAX_LENGTH = 63;

    private PostgresNames() {
    }

    /** PostgreSQL's {@code makeObjectName}: {@code name1_name2_label}, shortening the longer part until it fits. */
    static String objectName(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int available = MAX_LENGTH - overhead;
        int n1 = name1.length();
        int n2 = name2 == null ? 0 : name2.length();
        while (n1 + n2 > available) {
            if (n1 > n2) {
                n1--;
            } else {
                n2--;
            }
        }
        return name1.substring(0, n1) + (name2 == null ? "" : "_" + name2.substring(0, n2)) + "_" + label;
    }

    /** The name, or with a number added to it as PostgreSQL does, so it is not already taken. */
    static String unique(String name, Set<String> taken) {
        if (taken.add(name)) {
            return name;
        }
        for (int i = 1; ; i++) {
            String candidate = name + i;
            if (taken.add(candidate)) {
                return candidate;
            }
        }
    }
}
