package dev.retort.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One schema or data change recorded by a migration. Operations are plain data, so they can be
 * rendered to SQL, compared, linted, checksummed and written back as Java source. Each knows its
 * reverse where one can be derived from what it carries.
 */
public sealed interface Operation {

    /**
     * Hands this operation to the visitor method for its type. Every consumer of operations (rendering,
     * code generation, linting) is a visitor, so the compiler finds any that misses a new operation.
     */
    <R> R accept(OperationVisitor<R> visitor);

    /**
     * The operation that undoes this one, if it can be derived: a drop carries the definition it
     * needs to be re-created; an operation without it, or one the database cannot undo (adding an
     * enum value), has none and its downgrade must be written by hand.
     */
    default Optional<Operation> reverse() {
        return Optional.empty();
    }

    // ---- tables -------------------------------------------------------------------------------

    /**
     * {@code CREATE TABLE}.
     *
     * @param schema      schema, or null for the search path
     * @param name        table name
     * @param columns     columns, in order
     * @param constraints table constraints
     * @param comment     table comment, or null
     */
    record CreateTable(String schema, String name, List<Column> columns, List<Constraint> constraints, String comment)
            implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        public CreateTable {
            Objects.requireNonNull(name, "table name");
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropTable(schema, name, this));
        }
    }

    /**
     * {@code DROP TABLE}.
     *
     * @param schema     schema, or null
     * @param name       table name
     * @param definition the table as created, for the reverse; null if unknown
     */
    record DropTable(String schema, String name, CreateTable definition) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        public DropTable {
            Objects.requireNonNull(name, "table name");
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(definition);
        }
    }

    /**
     * {@code ALTER TABLE … RENAME TO}.
     *
     * @param schema schema, or null
     * @param from   current name
     * @param to     new name
     */
    record RenameTable(String schema, String from, String to) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new RenameTable(schema, to, from));
        }
    }

    /**
     * {@code COMMENT ON TABLE}.
     *
     * @param schema   schema, or null
     * @param table    table name
     * @param comment  the new comment, or null to remove it
     * @param previous the comment before, for the reverse; null if unknown
     */
    record SetTableComment(String schema, String table, String comment, Prior<String> previous) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return previous == null ? Optional.empty()
                    : Optional.of(new SetTableComment(schema, table, previous.value(), Prior.of(comment)));
        }
    }

    // ---- columns ------------------------------------------------------------------------------

    /**
     * {@code ALTER TABLE … ADD COLUMN}.
     *
     * @param schema schema, or null
     * @param table  table name
     * @param column the column
     */
    record AddColumn(String schema, String table, Column column) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropColumn(schema, table, column.name(), column));
        }
    }

    /**
     * {@code ALTER TABLE … DROP COLUMN}.
     *
     * @param schema     schema, or null
     * @param table      table name
     * @param name       column name
     * @param definition the column, for the reverse; null if unknown
     */
    record DropColumn(String schema, String table, String name, Column definition) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(definition).map(column -> new AddColumn(schema, table, column));
        }
    }

    /**
     * {@code ALTER TABLE … RENAME COLUMN}.
     *
     * @param schema schema, or null
     * @param table  table name
     * @param from   current name
     * @param to     new name
     */
    record RenameColumn(String schema, String table, String from, String to) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new RenameColumn(schema, table, to, from));
        }
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … TYPE … [USING …]}.
     *
     * @param schema       schema, or null
     * @param table        table name
     * @param column       column name
     * @param type         the new type
     * @param using        conversion expression, or null for the database's implicit cast
     * @param previousType the type before, for the reverse; null if unknown
     */
    record AlterColumnType(String schema, String table, String column, DataType type, String using, DataType previousType)
            implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(previousType).map(before -> new AlterColumnType(schema, table, column, before, null, type));
        }
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … SET/DROP NOT NULL}.
     *
     * @param schema   schema, or null
     * @param table    table name
     * @param column   column name
     * @param nullable true drops NOT NULL, false sets it
     */
    record SetNullable(String schema, String table, String column, boolean nullable) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new SetNullable(schema, table, column, !nullable));
        }
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … SET/DROP DEFAULT}.
     *
     * @param schema       schema, or null
     * @param table        table name
     * @param column       column name
     * @param defaultValue the new default (SQL expression), or null to drop it
     * @param previous     the default before, for the reverse; null if unknown
     */
    record SetDefault(String schema, String table, String column, String defaultValue, Prior<String> previous) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return previous == null ? Optional.empty()
                    : Optional.of(new SetDefault(schema, table, column, previous.value(), Prior.of(defaultValue)));
        }
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … ADD GENERATED … AS IDENTITY}.
     *
     * @param schema   schema, or null
     * @param table    table name
     * @param column   column name (must be NOT NULL)
     * @param identity the generation
     */
    record AddIdentity(String schema, String table, String column, Identity identity) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropIdentity(schema, table, column, identity));
        }
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … DROP IDENTITY}.
     *
     * @param schema   schema, or null
     * @param table    table name
     * @param column   column name
     * @param previous the generation before, for the reverse; null if unknown
     */
    record DropIdentity(String schema, String table, String column, Identity previous) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(previous).map(identity -> new AddIdentity(schema, table, column, identity));
        }
    }

    /**
     * {@code COMMENT ON COLUMN}.
     *
     * @param schema   schema, or null
     * @param table    table name
     * @param column   column name
     * @param comment  the new comment, or null to remove it
     * @param previous the comment before, for the reverse; null if unknown
     */
    record SetColumnComment(String schema, String table, String column, String comment, Prior<String> previous) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return previous == null ? Optional.empty()
                    : Optional.of(new SetColumnComment(schema, table, column, previous.value(), Prior.of(comment)));
        }
    }

    // ---- constraints --------------------------------------------------------------------------

    /**
     * {@code ALTER TABLE … ADD CONSTRAINT}.
     *
     * @param schema     schema, or null
     * @param table      table name
     * @param constraint the constraint (named)
     */
    record AddConstraint(String schema, String table, Constraint constraint) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        public AddConstraint {
            if (constraint.name() == null) {
                throw new IllegalArgumentException("A constraint added to table " + table + " needs a name, so it can be dropped.");
            }
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropConstraint(schema, table, constraint.name(), constraint));
        }
    }

    /**
     * {@code ALTER TABLE … DROP CONSTRAINT}.
     *
     * @param schema     schema, or null
     * @param table      table name
     * @param name       constraint name
     * @param definition the constraint, for the reverse; null if unknown
     */
    record DropConstraint(String schema, String table, String name, Constraint definition) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(definition).map(constraint -> new AddConstraint(schema, table, constraint));
        }
    }

    /**
     * {@code ALTER TABLE … VALIDATE CONSTRAINT}: checks the rows of a {@code NOT VALID} foreign key or check.
     * Nothing to reverse: a validated constraint behaves as before for new rows.
     *
     * @param schema schema, or null
     * @param table  table name
     * @param name   constraint name
     */
    record ValidateConstraint(String schema, String table, String name) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code ALTER TABLE … RENAME CONSTRAINT}. Renaming a primary key or unique constraint renames the index behind it too.
     *
     * @param schema schema, or null
     * @param table  table name
     * @param from   current name
     * @param to     new name
     */
    record RenameConstraint(String schema, String table, String from, String to) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new RenameConstraint(schema, table, to, from));
        }
    }

    // ---- indexes ------------------------------------------------------------------------------

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS]}.
     *
     * @param index       the index
     * @param ifNotExists skip when an index of that name exists
     */
    record CreateIndex(Index index, boolean ifNotExists) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropIndex(index.schema(), index.name(), index.concurrently(), ifNotExists, index));
        }
    }

    /**
     * {@code DROP INDEX [CONCURRENTLY] [IF EXISTS]}.
     *
     * @param schema       schema, or null
     * @param name         index name
     * @param concurrently without blocking writes (the revision must be non-transactional)
     * @param ifExists     skip when missing
     * @param definition   the index, for the reverse; null if unknown
     */
    record DropIndex(String schema, String name, boolean concurrently, boolean ifExists, Index definition) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(definition).map(index -> new CreateIndex(
                    index.with(index.elements(), index.unique(), index.method(), index.where(), concurrently), ifExists));
        }
    }

    /**
     * {@code ALTER INDEX … RENAME TO}.
     *
     * @param schema schema, or null
     * @param from   current name
     * @param to     new name
     */
    record RenameIndex(String schema, String from, String to) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new RenameIndex(schema, to, from));
        }
    }

    // ---- sequences ----------------------------------------------------------------------------

    /**
     * {@code CREATE SEQUENCE}.
     *
     * @param sequence the sequence
     */
    record CreateSequence(Sequence sequence) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropSequence(sequence.schema(), sequence.name(), sequence));
        }
    }

    /**
     * {@code ALTER SEQUENCE}.
     *
     * @param schema   schema, or null
     * @param name     sequence name
     * @param changes  the options to set
     * @param previous the same options' values before, for the reverse; null if unknown
     */
    record AlterSequence(String schema, String name, SequenceOptions changes, SequenceOptions previous) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(previous).map(before -> new AlterSequence(schema, name, before, changes));
        }
    }

    /**
     * {@code DROP SEQUENCE}.
     *
     * @param schema     schema, or null
     * @param name       sequence name
     * @param definition the sequence, for the reverse; null if unknown
     */
    record DropSequence(String schema, String name, Sequence definition) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(definition).map(CreateSequence::new);
        }
    }

    /**
     * {@code ALTER SEQUENCE … RENAME TO}.
     *
     * @param schema schema, or null
     * @param from   current name
     * @param to     new name
     */
    record RenameSequence(String schema, String from, String to) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new RenameSequence(schema, to, from));
        }
    }

    /**
     * Moves a sequence past the values a column already holds, so the next value it hands out is free: after a
     * column switches between an identity and a sequence, the new generator would otherwise start at its first
     * value and collide with existing rows. The next value becomes the column's largest value plus the sequence's
     * increment (so a pooled generator's whole first block is free), or the sequence's minimum on an empty table.
     * Nothing to reverse: it only moves a sequence forward.
     *
     * @param schema   schema of the table (and of the sequence), or null
     * @param sequence the sequence, or null for the column's own identity sequence
     * @param table    the table whose values the sequence must pass
     * @param column   the column
     */
    record SyncSequence(String schema, String sequence, String table, String column) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        public SyncSequence {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }

    // ---- enum types ---------------------------------------------------------------------------

    /**
     * {@code CREATE TYPE … AS ENUM}.
     *
     * @param schema schema, or null
     * @param name   type name
     * @param values the labels, in order
     */
    record CreateEnum(String schema, String name, List<String> values) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        public CreateEnum {
            values = List.copyOf(values);
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropEnum(schema, name, values));
        }
    }

    /**
     * {@code ALTER TYPE … ADD VALUE}. An enum value cannot be removed (PostgreSQL has no such statement), so this has no reverse.
     *
     * @param schema      schema, or null
     * @param name        type name
     * @param value       the new label
     * @param before      place it before this label, or null
     * @param after       place it after this label, or null
     * @param ifNotExists skip when the label exists
     */
    record AddEnumValue(String schema, String name, String value, String before, String after, boolean ifNotExists)
            implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        public AddEnumValue {
            if (before != null && after != null) {
                throw new IllegalArgumentException("An enum value goes either before or after another, not both.");
            }
        }
    }

    /**
     * {@code ALTER TYPE … RENAME VALUE}.
     *
     * @param schema schema, or null
     * @param name   type name
     * @param from   current label
     * @param to     new label
     */
    record RenameEnumValue(String schema, String name, String from, String to) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new RenameEnumValue(schema, name, to, from));
        }
    }

    /**
     * {@code DROP TYPE}.
     *
     * @param schema schema, or null
     * @param name   type name
     * @param values its labels, for the reverse; null if unknown
     */
    record DropEnum(String schema, String name, List<String> values) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        public DropEnum {
            values = values == null ? null : List.copyOf(values);
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(values).map(labels -> new CreateEnum(schema, name, labels));
        }
    }

    // ---- schemas and extensions ---------------------------------------------------------------

    /**
     * {@code CREATE SCHEMA [IF NOT EXISTS]}.
     *
     * @param name        schema name
     * @param ifNotExists skip when it exists
     */
    record CreateSchema(String name, boolean ifNotExists) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropSchema(name, ifNotExists, false));
        }
    }

    /**
     * {@code DROP SCHEMA [IF EXISTS] [CASCADE]}.
     *
     * @param name     schema name
     * @param ifExists skip when missing
     * @param cascade  drop what it contains too (then there is no reverse)
     */
    record DropSchema(String name, boolean ifExists, boolean cascade) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        @Override
        public Optional<Operation> reverse() {
            return cascade ? Optional.empty() : Optional.of(new CreateSchema(name, ifExists));
        }
    }

    // ---- one database's own -------------------------------------------------------------------

    /**
     * An operation only some databases have, defined by the module of a platform (an extension installed, a clause of
     * one database's DDL): core renders none of them. The platform whose {@link #platform() id} it carries renders it;
     * any other refuses it with a message naming it, so a history meant for several databases says where it cannot run.
     * A migration records one with {@code op.add(…)}, from the factory the platform module offers, and generate writes
     * it back the same way ({@link #source()}).
     */
    non-sealed interface Specific extends Operation {

        /** The id of the platform that runs it, e.g. {@code postgresql}. */
        String platform();

        /** What it does, in a few words, for messages: {@code create extension pg_trgm}. */
        String describe();

        /** How a migration writes it: a static factory call, which generated source reproduces. */
        Call source();

        /** The names it gives new objects, for lint's identifier checks; none by default. */
        default List<String> newNames() {
            return List.of();
        }

        @Override
        default <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }

        /**
         * A static factory call that makes the operation: {@code PostgreSQL.createExtension("pg_trgm")}.
         *
         * @param type      the factory's class, fully qualified
         * @param method    the static method
         * @param arguments its arguments: strings, numbers, booleans, nulls, or lists of them
         */
        record Call(String type, String method, List<Object> arguments) {
            public Call {
                Objects.requireNonNull(type, "type");
                Objects.requireNonNull(method, "method");
                arguments = java.util.Collections.unmodifiableList(new ArrayList<>(arguments));
            }
        }
    }

    // ---- data ---------------------------------------------------------------------------------

    /**
     * Literal SQL, optionally with {@code ?} bind parameters.
     *
     * @param sql        the statement
     * @param parameters values bound to its {@code ?} markers, in order
     */
    record ExecuteSql(String sql, List<Object> parameters) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        public ExecuteSql {
            if (sql == null || sql.isBlank()) {
                throw new IllegalArgumentException("execute() needs a SQL statement; it was empty.");
            }
            parameters = java.util.Collections.unmodifiableList(new ArrayList<>(parameters));
        }
    }

    /**
     * Rows inserted into a table (Alembic's {@code bulk_insert}); values are bound as parameters.
     *
     * @param schema  schema, or null
     * @param table   table name
     * @param columns the columns given, in order
     * @param rows    the rows, each with one value per column
     */
    record BulkInsert(String schema, String table, List<String> columns, List<List<Object>> rows) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
        public BulkInsert {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("bulkInsert into " + table + " needs at least one column.");
            }
            List<List<Object>> copy = new ArrayList<>();
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("bulkInsert into " + table + ": a row has " + row.size()
                            + " value(s) for " + columns.size() + " column(s).");
                }
                copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
            }
            rows = List.copyOf(copy);
        }
    }

    /**
     * Arbitrary JDBC work on the migration's connection (inside the revision's transaction when it has one).
     *
     * @param description shown in output and in offline scripts, where the work cannot be rendered
     * @param work        the callback
     */
    record RunJdbc(String description, JdbcWork work) implements Operation {

        @Override
        public <R> R accept(OperationVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
