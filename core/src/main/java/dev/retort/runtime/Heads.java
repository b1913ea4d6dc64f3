package dev.retort.runtime;

import java.util.Collection;
import java.util.TreeSet;

/** Formatting of a set of revision ids as Alembic prints them. */
final class Heads {

    private Heads() {
    }

    static String describe(Collection<String> ids) {
        if (ids.isEmpty()) {
            return "base";
        }
        return ids.size() == 1 ? ids.iterator().next() : "(" + String.join(", ", new TreeSet<>(ids)) + ")";
    }
}
