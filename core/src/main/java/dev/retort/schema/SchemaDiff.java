package dev.retort.schema;

import java.util.List;
import java.util.Optional;

import dev.retort.operation.Operation;
import dev.retort.platform.Platform;

/**
 * A comparison in progress, as each {@link ObjectComparator} sees it: the two models, which tables they share
 * (renames already paired, so every comparator agrees on them), and where found changes go.
 */
public interface SchemaDiff {

    /** The model to reach (from the entities). */
    SchemaModel target();

    /** The model there is (from the database). */
    SchemaModel current();

    /** The database's rules and rendering. */
    Platform platform();

    /** The tables both models hold, renamed ones included, in target order. */
    List<TablePair> pairs();

    /** Tables only the target holds. */
    List<Table> addedTables();

    /** Tables only the current model holds. */
    List<Table> removedTables();

    /** The current table that becomes the target table {@code schema.name} (by that name, or renamed to it). */
    Optional<Table> existing(String schema, String name);

    /**
     * A current table as it is named once this comparison's table renames ran: its own name and the tables its
     * foreign keys reference follow the renames, its columns keep their current names. Drops use this form, since
     * they run after table renames and before column renames, and their reverse re-creates exactly that.
     */
    Table afterTableRenames(Table existing);

    /** A current table with every rename of this comparison applied, tables and columns: the form to compare with the target. */
    Table afterRenames(Table existing);

    /** {@code schema}, or the platform's default schema when it is null. */
    default String schemaOf(String schema) {
        return schema == null ? platform().defaultSchema() : schema;
    }

    /** Files a change under a phase. */
    void add(DiffPhase phase, Change change);

    /** Files a one-operation change whose downgrade is the operation's reverse. */
    default void add(DiffPhase phase, String summary, Operation upgrade, Review note) {
        Operation downgrade = upgrade.reverse().orElseThrow(() -> new IllegalStateException("no reverse for " + upgrade));
        add(phase, new Change(summary, List.of(upgrade), List.of(downgrade), note));
    }
}
