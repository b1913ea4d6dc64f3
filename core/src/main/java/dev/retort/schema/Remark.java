package dev.retort.schema;

import java.util.Objects;

/**
 * Something a schema source describes that the schema model cannot hold (a database clause Retort does not model,
 * such as a table's storage options): generate writes it, as a note to finish by hand, above the change that creates
 * the object it belongs to, so a migration never leaves it out without a word.
 *
 * @param object  the object it belongs to
 * @param message one sentence: what is not applied, and what to write
 */
public record Remark(On object, String message) {

    public Remark {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The object a remark belongs to.
     *
     * @param kind   which kind of object
     * @param schema its schema (a table's part: its table's)
     * @param name   its name (a table's part: its table's)
     * @param part   the column, index or constraint of the table; null for a table or a sequence
     */
    public record On(Kind kind, String schema, String name, String part) {
        public On {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
            if ((kind == Kind.TABLE || kind == Kind.SEQUENCE) != (part == null)) {
                throw new IllegalArgumentException("A remark on a column, an index or a constraint names it beside its table; one on a table or "
                        + "a sequence names nothing more.");
            }
        }

        /** A table. */
        public static On table(String schema, String table) {
            return new On(Kind.TABLE, schema, table, null);
        }

        /** A column of a table. */
        public static On column(String schema, String table, String column) {
            return new On(Kind.COLUMN, schema, table, column);
        }

        /** An index of a table. */
        public static On index(String schema, String table, String index) {
            return new On(Kind.INDEX, schema, table, index);
        }

        /** A constraint of a table (a key or a check). */
        public static On constraint(String schema, String table, String constraint) {
            return new On(Kind.CONSTRAINT, schema, table, constraint);
        }

        /** A sequence. */
        public static On sequence(String schema, String sequence) {
            return new On(Kind.SEQUENCE, schema, sequence, null);
        }
    }

    /** The kinds of object a remark can belong to. */
    public enum Kind {
        TABLE, COLUMN, INDEX, CONSTRAINT, SEQUENCE
    }
}
