package dev.retort.schema;

/**
 * Compares one kind of schema object (schemas, enum types, sequences, tables, columns, keys and constraints, indexes,
 * comments) between the target and the current model, and files the changes it finds under their {@link DiffPhase}.
 * A platform supplies its comparators in the order they run ({@link dev.retort.platform.Platform#comparators()}), so a
 * database without enum types simply leaves that comparator out.
 */
@FunctionalInterface
public interface ObjectComparator {

    /** Adds to {@code diff} the changes that bring this kind of object from the current model to the target. */
    void compare(SchemaDiff diff);
}
