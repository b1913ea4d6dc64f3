package dev.retort.internal.diff;

import java.util.List;

import dev.retort.schema.ObjectComparator;

/** The comparators Retort ships, one per kind of object; {@link dev.retort.schema.Comparators} is their public face. */
public final class StandardComparators {

    private StandardComparators() {
    }

    /** Schemas, enum types, sequences, tables, columns, keys and constraints, indexes, comments. */
    public static List<ObjectComparator> all() {
        return List.of(schemas(), enumTypes(), sequences(), tables(), columns(), keys(), indexes(), comments());
    }

    public static ObjectComparator schemas() {
        return new SchemaComparator();
    }

    public static ObjectComparator enumTypes() {
        return new EnumComparator();
    }

    public static ObjectComparator sequences() {
        return new SequenceComparator();
    }

    public static ObjectComparator tables() {
        return new TableComparator();
    }

    public static ObjectComparator columns() {
        return new ColumnComparator();
    }

    public static ObjectComparator keys() {
        return new KeyComparator();
    }

    public static ObjectComparator indexes() {
        return new IndexComparator();
    }

    public static ObjectComparator comments() {
        return new CommentComparator();
    }
}
