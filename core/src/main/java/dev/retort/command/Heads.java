package dev.retort.command;

import java.util.Collection;
import java.util.TreeSet;

/** How a set of revision ids is printed, as Alembic prints it: {@code base}, one id, or {@code (a, b)}. */
public final class Heads {

    private Heads() {
    }

    public static String describe(Collection<String> ids) {
        if (ids.isEmpty()) {
            return "base";
        }
        return ids.size() == 1 ? ids.iterator().next() : "(" + String.join(", ", new TreeSet<>(ids)) + ")";
    }
}
