package dev.retort.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.Index;

/**
 * A table as the schema model sees it, from entities or from the database.
 *
 * @param schema      its schema (never null; {@code public} by default)
 * @param name        its name, as the database stores it (unquoted names folded as the database folds them)
 * @param columns     columns in order
 * @param primaryKey  the primary key, or null
 * @param foreignKeys foreign keys
 * @param uniques     unique constraints
 * @param checks      check constraints
 * @param indexes     indexes that back no constraint
 * @param comment     the table comment, or null
 */
public record Table(String schema, String name, List<Column> columns, Constraint.PrimaryKey primaryKey,
                    List<Constraint.ForeignKey> foreignKeys, List<Constraint.Unique> uniques, List<Constraint.Check> checks,
                    List<Index> indexes, String comment) {

    public Table {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
    }

    /** The column of that name, if any. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** {@code schema.name}, for messages. */
    public String qualifiedName() {
        return schema + "." + name;
    }
}
