package dev.retort.schema;

/**
 * The order in which a comparison's changes run, so each runs after what it depends on. Comparators file each change
 * under a phase; within a phase, changes keep the order the comparators found them in. The downgrade runs the changes
 * undone in exactly the reverse order.
 */
public enum DiffPhase {
    /** Schemas the target names that do not exist. */
    CREATE_SCHEMAS,
    /** Enum types and sequences, which columns and defaults refer to. */
    CREATE_TYPES,
    /** Tables renamed: every later change of a renamed table names it by its new name. */
    RENAME_TABLES,
    /** Foreign keys dropped, before the keys and tables they stand on. */
    DROP_FOREIGN_KEYS,
    /** Primary keys, unique and check constraints and indexes dropped or replaced. */
    DROP_CONSTRAINTS,
    /** Constraints, indexes and sequences renamed after their table or column, once the names they take are free. */
    RENAME_OBJECTS,
    /** New tables, in foreign-key order. */
    CREATE_TABLES,
    /** Columns added, renamed, dropped and altered; comments. */
    COLUMNS,
    /** Primary keys, unique and check constraints and indexes added. */
    ADD_CONSTRAINTS,
    /** Foreign keys added, once the keys they reference stand. */
    ADD_FOREIGN_KEYS,
    /** Tables dropped. */
    DROP_TABLES,
    /** Enum types and sequences dropped, once nothing uses them. */
    DROP_TYPES
}
