package dev.retort.schema;

import java.util.List;

import dev.retort.internal.diff.StandardComparators;

/**
 * The comparators Retort ships, one per kind of object, for a platform to choose from
 * ({@link dev.retort.platform.Platform#comparators()}): a database without enum types leaves that one out, one with
 * objects of its own adds a comparator for them. Each compares the two models it is given and adds its changes to the
 * diff in its phase ({@link DiffPhase}), so their order in the list does not decide the order of the operations.
 */
public final class Comparators {

    private Comparators() {
    }

    /** Every standard comparator, for a database with schemas, enum types and sequences (what PostgreSQL-like databases have). */
    public static List<ObjectComparator> standard() {
        return StandardComparators.all();
    }

    /** Schemas created and dropped. */
    public static ObjectComparator schemas() {
        return StandardComparators.schemas();
    }

    /** Named enum types: created, dropped, labels added and renamed. */
    public static ObjectComparator enumTypes() {
        return StandardComparators.enumTypes();
    }

    /** Sequences: created, dropped, their options changed. */
    public static ObjectComparator sequences() {
        return StandardComparators.sequences();
    }

    /** Tables: created, dropped and renamed. */
    public static ObjectComparator tables() {
        return StandardComparators.tables();
    }

    /** Columns: added, dropped, renamed, and their type, nullability, default and identity changed. */
    public static ObjectComparator columns() {
        return StandardComparators.columns();
    }

    /** Primary keys, unique keys, foreign keys and check constraints. */
    public static ObjectComparator keys() {
        return StandardComparators.keys();
    }

    /** Indexes. */
    public static ObjectComparator indexes() {
        return StandardComparators.indexes();
    }

    /** Table and column comments. */
    public static ObjectComparator comments() {
        return StandardComparators.comments();
    }
}
