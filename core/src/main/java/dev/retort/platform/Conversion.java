package dev.retort.platform;

/**
 * How a database converts a column's values when its type changes: whether it needs an expression to do it, whether
 * the table is rewritten, and what can happen to the values.
 *
 * @param using    the conversion expression to write ({@code USING …}), or null when the database converts on its own
 *                 or when no expression is known (see {@link #implicit})
 * @param implicit whether the database converts without an expression
 * @param rewrites whether the change rewrites the table (and rebuilds its indexes) under the strongest lock
 * @param risk     what can happen to existing values
 */
public record Conversion(String using, boolean implicit, boolean rewrites, Risk risk) {

    /** What a conversion can do to existing values. */
    public enum Risk {
        /** Every value converts and keeps its meaning (widening, or to text). */
        NONE,
        /** Narrowing: a value may not fit (the change then fails) or loses precision, time of day, time zone or length. */
        LOSSY,
        /** A value may not parse as the new type (text to number, JSON, UUID, an enum label): the change then fails. */
        MAY_FAIL,
        /** No conversion is known: an expression must be written by hand, and what it does to values is its author's. */
        UNKNOWN
    }

    /** Whether the conversion needs an expression the database cannot supply itself. */
    public boolean needsUsing() {
        return !implicit;
    }
}
