package dev.retort.internal.diff;

import java.util.List;

import dev.retort.schema.ObjectComparator;

/** The comparators of a database with schemas, enum types and sequences, in the order they run. */
public final class StandardComparators {

    private StandardComparators() {
    }

    /** Schemas, enum types, sequences, tables, columns, keys and constraints, indexes, comments. */
    public static List<ObjectComparator> all() {
        return List.of(new SchemaComparator(), new EnumComparator(), new SequenceComparator(), new TableComparator(),
                new ColumnComparator(), new KeyComparator(), new IndexComparator(), new CommentComparator());
    }
}
