package dev.retort.operation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A table constraint: primary key, foreign key, unique or check. Each is added and dropped by name. */
public sealed interface Constraint extends TableElement
        permits Constraint.PrimaryKey, Constraint.ForeignKey, Constraint.Unique, Constraint.Check {

    /** The constraint's name; null lets the database choose one (only inside {@code createTable}). */
    String name();

    /**
     * {@code PRIMARY KEY (columns)}.
     *
     * @param name    constraint name
     * @param columns key columns, in order
     */
    record PrimaryKey(String name, List<String> columns) implements Constraint {
        public PrimaryKey {
            columns = nonEmpty(columns, "primary key " + name);
        }
    }

    /** What a foreign key does when the referenced row is deleted or its key updated. */
    enum Action {
        NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

        /** The SQL words, e.g. {@code SET NULL}. */
        public String sql() {
            return name().replace('_', ' ');
        }

        /** The Java constant name. */
        public String javaName() {
            return name();
        }

        static Action parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        }
    }

    /**
     * {@code FOREIGN KEY (columns) REFERENCES table (referencedColumns)}.
     *
     * @param name              constraint name
     * @param columns           referencing columns
     * @param referencedSchema  schema of the referenced table, or null for the search path
     * @param referencedTable   the referenced table
     * @param referencedColumns the referenced columns
     * @param onDelete          action on delete
     * @param onUpdate          action on update
     * @param deferrable        {@code DEFERRABLE}
     * @param initiallyDeferred {@code INITIALLY DEFERRED}
     * @param unvalidated       added {@code NOT VALID}: existing rows are not checked until validated
     */
    record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                      List<String> referencedColumns, Action onDelete, Action onUpdate, boolean deferrable,
                      boolean initiallyDeferred, boolean unvalidated) implements Constraint {
        public ForeignKey {
            columns = nonEmpty(columns, "foreign key " + name);
            Objects.requireNonNull(referencedTable, "referenced table of foreign key " + name);
            referencedColumns = nonEmpty(referencedColumns, "referenced columns of foreign key " + name);
            if (referencedColumns.size() != columns.size()) {
                throw new IllegalArgumentException("Foreign key " + name + " has " + columns.size() + " column(s) but references "
                        + referencedColumns.size() + ".");
            }
            onDelete = onDelete == null ? Action.NO_ACTION : onDelete;
            onUpdate = onUpdate == null ? Action.NO_ACTION : onUpdate;
            if (initiallyDeferred && !deferrable) {
                throw new IllegalArgumentException("Foreign key " + name + " is initially deferred, so it must be deferrable.");
            }
        }

        /** {@code ON DELETE action}. */
        public ForeignKey onDelete(Action action) {
            return new ForeignKey(name, columns, referencedSchema, referencedTable, referencedColumns, action, onUpdate, deferrable,
                    initiallyDeferred, unvalidated);
        }

        /** {@code ON UPDATE action}. */
        public ForeignKey onUpdate(Action action) {
            return new ForeignKey(name, columns, referencedSchema, referencedTable, referencedColumns, onDelete, action, deferrable,
                    initiallyDeferred, unvalidated);
        }

        /** {@code DEFERRABLE}, optionally {@code INITIALLY DEFERRED}. */
        public ForeignKey deferrable(boolean initially) {
            return new ForeignKey(name, columns, referencedSchema, referencedTable, referencedColumns, onDelete, onUpdate, true,
                    initially, unvalidated);
        }

        /** Added {@code NOT VALID}; validate it later with {@code validateConstraint}. */
        public ForeignKey notValid() {
            return new ForeignKey(name, columns, referencedSchema, referencedTable, referencedColumns, onDelete, onUpdate, deferrable,
                    initiallyDeferred, true);
        }
    }

    /**
     * {@code UNIQUE (columns)}, or {@code UNIQUE USING INDEX index} to adopt a unique index built beforehand (with
     * {@code CONCURRENTLY}, so writes are not blocked while it builds); the index then takes the constraint's name.
     *
     * @param name    constraint name
     * @param columns the columns
     * @param index   an existing unique index on exactly these columns to adopt, or null to build a new one
     */
    record Unique(String name, List<String> columns, String index) implements Constraint {
        public Unique {
            columns = nonEmpty(columns, "unique constraint " + name);
        }

        /** {@code UNIQUE (columns)}, building its own index. */
        public Unique(String name, List<String> columns) {
            this(name, columns, null);
        }

        /** The same constraint adopting an existing unique index instead of building one. */
        public Unique usingIndex(String indexName) {
            return new Unique(name, columns, indexName);
        }
    }

    /**
     * {@code CHECK (expression)}.
     *
     * @param name       constraint name
     * @param expression the SQL condition
     * @param unvalidated added {@code NOT VALID}
     */
    record Check(String name, String expression, boolean unvalidated) implements Constraint {
        public Check {
            if (expression == null || expression.isBlank()) {
                throw new IllegalArgumentException("Check constraint " + name + " needs an expression.");
            }
        }

        /** Added {@code NOT VALID}; validate it later with {@code validateConstraint}. */
        public Check notValid() {
            return new Check(name, expression, true);
        }
    }

    private static List<String> nonEmpty(List<String> columns, String what) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " needs at least one column.");
        }
        return List.copyOf(columns);
    }
}
