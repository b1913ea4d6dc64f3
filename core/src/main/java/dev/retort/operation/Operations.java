package dev.retort.operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The DSL a migration's {@code upgrade} and {@code downgrade} write to, like Alembic's {@code op}.
 * Each call records an {@link Operation}; nothing touches the database until the runtime renders
 * and runs them. Calls that have options return a handle to refine the operation just recorded:
 * {@code op.createIndex("ix_author_email", "author", "email").unique()}.
 */
public final class Operations {

    private final List<Operation> recorded;
    private final List<Acknowledgement> acknowledgements;
    private final String schema;
    private final String platform;

    /** Creates an empty recorder working on the search path, for no database in particular. */
    public Operations() {
        this(null);
    }

    /**
     * Creates an empty recorder working on the search path, for the database of this platform: what
     * {@link #onlyOn} and {@link #notOn} record depends on it.
     *
     * @param platform the platform's id ({@code postgresql}), or null for no database in particular
     */
    public Operations(String platform) {
        this(new ArrayList<>(), new ArrayList<>(), null, platform);
    }

    private Operations(List<Operation> recorded, List<Acknowledgement> acknowledgements, String schema, String platform) {
        this.recorded = recorded;
        this.acknowledgements = acknowledgements;
        this.schema = schema;
        this.platform = platform;
    }

    /** The same recorder, with every following call made through the result aimed at the given schema. */
    public Operations inSchema(String schemaName) {
        return new Operations(recorded, acknowledgements, schemaName, platform);
    }

    /**
     * The id of the platform the operations are recorded for ({@code postgresql}), or null when no database is in
     * view. A migration that serves several databases asks this rarely: {@link #onlyOn} says the same more plainly.
     */
    public String platform() {
        return platform;
    }

    /**
     * Records what {@code body} records only when the migration runs on one of these platforms (ids, comma-separated:
     * {@code "postgresql"} or {@code "mariadb,mysql"}), for a change one database has and the others skip or make
     * differently: {@code op.onlyOn("postgresql", o -> o.add(PostgreSQL.createExtension("pg_trgm")));}. Recorded for no
     * database in particular ({@link #platform()} null), nothing is.
     */
    public Operations onlyOn(String platforms, java.util.function.Consumer<Operations> body) {
        if (platformListed(platforms)) {
            body.accept(this);
        }
        return this;
    }

    /**
     * Records what {@code body} records unless the migration runs on one of these platforms: the form every other
     * database takes, beside an {@link #onlyOn} for the ones that differ. Recorded for no database in particular, it is.
     */
    public Operations notOn(String platforms, java.util.function.Consumer<Operations> body) {
        if (platform == null || !platformListed(platforms)) {
            body.accept(this);
        }
        return this;
    }

    private boolean platformListed(String platforms) {
        if (platforms == null || platforms.isBlank()) {
            throw new IllegalArgumentException("onlyOn and notOn name the platforms they are for by id, e.g. onlyOn(\"<platform id>\", o -> …).");
        }
        return platform != null && Arrays.stream(platforms.split(",")).map(String::strip).anyMatch(platform::equalsIgnoreCase);
    }

    /** The operations recorded so far, in call order. */
    public List<Operation> recorded() {
        return Collections.unmodifiableList(recorded);
    }

    /**
     * Accepts a lint finding on the operation recorded just before, deliberately and with a reason a reviewer reads:
     * {@code op.createIndex("ix_tag_label", "tag", "label"); op.acknowledge("blocking-create-index", "tag holds 40 rows");}.
     * Only that operation's finding of that rule is accepted; there is no switch that accepts a rule everywhere.
     *
     * @throws IllegalArgumentException when nothing was recorded yet, or the rule or the reason is blank
     */
    public Operations acknowledge(String rule, String reason) {
        if (recorded.isEmpty()) {
            throw new IllegalArgumentException("acknowledge(\"" + rule + "\", …) accepts a finding on the operation before it; "
                    + "write it after that operation.");
        }
        if (rule == null || rule.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("acknowledge needs a lint rule id and the reason the finding is accepted, "
                    + "e.g. acknowledge(\"set-not-null\", \"author holds 200 rows\").");
        }
        acknowledgements.add(new Acknowledgement(recorded.size() - 1, rule.strip(), reason.strip()));
        return this;
    }

    /** The findings accepted so far, each with the position of its operation in {@link #recorded()}. */
    public List<Acknowledgement> acknowledgements() {
        return Collections.unmodifiableList(acknowledgements);
    }

    /** Records an operation built elsewhere (generated code and extensions end here). */
    public Operations add(Operation operation) {
        recorded.add(operation);
        return this;
    }

    private <T extends Operation> Handle<T> record(T operation) {
        recorded.add(operation);
        return new Handle<>(recorded, recorded.size() - 1, operation);
    }

    /** Access to an operation just recorded, to replace it with a refined copy. */
    private static final class Handle<T extends Operation> {
        private final List<Operation> list;
        private final int position;
        private T current;

        Handle(List<Operation> list, int position, T operation) {
            this.list = list;
            this.position = position;
            this.current = operation;
        }

        void update(UnaryOperator<T> change) {
            current = change.apply(current);
            list.set(position, current);
        }
    }

    // ---- tables -------------------------------------------------------------------------------

    /** {@code CREATE TABLE name (columns and constraints)}. */
    public TableHandle createTable(String name, TableElement... elements) {
        List<Column> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        for (TableElement element : elements) {
            if (element instanceof Column column) {
                columns.add(column);
            } else if (element instanceof Constraint constraint) {
                constraints.add(constraint);
            }
        }
        return new TableHandle(record(new Operation.CreateTable(schema, name, columns, constraints, null)));
    }

    /** Refines a {@code createTable}. */
    public static final class TableHandle {
        private final Handle<Operation.CreateTable> handle;

        TableHandle(Handle<Operation.CreateTable> handle) {
            this.handle = handle;
        }

        /** {@code COMMENT ON TABLE}. */
        public TableHandle comment(String text) {
            handle.update(t -> new Operation.CreateTable(t.schema(), t.name(), t.columns(), t.constraints(), text));
            return this;
        }
    }

    /** {@code DROP TABLE name}. */
    public Operations dropTable(String name) {
        return add(new Operation.DropTable(schema, name, null));
    }

    /** {@code ALTER TABLE from RENAME TO to}. */
    public Operations renameTable(String from, String to) {
        return add(new Operation.RenameTable(schema, from, to));
    }

    /** {@code COMMENT ON TABLE table IS 'comment'}. */
    public Operations setTableComment(String table, String comment) {
        return add(new Operation.SetTableComment(schema, table, comment, null));
    }

    /** {@code COMMENT ON TABLE table IS NULL}. */
    public Operations dropTableComment(String table) {
        return add(new Operation.SetTableComment(schema, table, null, null));
    }

    // ---- columns ------------------------------------------------------------------------------

    /** {@code ALTER TABLE table ADD COLUMN …}. */
    public Operations addColumn(String table, Column column) {
        return add(new Operation.AddColumn(schema, table, column));
    }

    /** {@code ALTER TABLE table DROP COLUMN name}. */
    public Operations dropColumn(String table, String name) {
        return add(new Operation.DropColumn(schema, table, name, null));
    }

    /** {@code ALTER TABLE table DROP COLUMN}, carrying the definition so the drop can be reversed. */
    public Operations dropColumn(String table, Column definition) {
        return add(new Operation.DropColumn(schema, table, definition.name(), definition));
    }

    /** {@code ALTER TABLE table RENAME COLUMN from TO to}. */
    public Operations renameColumn(String table, String from, String to) {
        return add(new Operation.RenameColumn(schema, table, from, to));
    }

    /** {@code ALTER TABLE table ALTER COLUMN column TYPE type}; refine with {@code .using(…)} and {@code .from(…)}. */
    public TypeHandle alterColumnType(String table, String column, DataType type) {
        return new TypeHandle(record(new Operation.AlterColumnType(schema, table, column, type, null, null)));
    }

    /** Refines an {@code alterColumnType}. */
    public static final class TypeHandle {
        private final Handle<Operation.AlterColumnType> handle;

        TypeHandle(Handle<Operation.AlterColumnType> handle) {
            this.handle = handle;
        }

        /** {@code USING expression}, to convert values the database cannot cast implicitly. */
        public TypeHandle using(String expression) {
            handle.update(a -> new Operation.AlterColumnType(a.schema(), a.table(), a.column(), a.type(), expression, a.previousType()));
            return this;
        }

        /** The type before the change, so the operation can be reversed. */
        public TypeHandle from(DataType previousType) {
            handle.update(a -> new Operation.AlterColumnType(a.schema(), a.table(), a.column(), a.type(), a.using(), previousType));
            return this;
        }
    }

    /** {@code ALTER TABLE table ALTER COLUMN column SET NOT NULL}. */
    public Operations setNotNull(String table, String column) {
        return add(new Operation.SetNullable(schema, table, column, false));
    }

    /** {@code ALTER TABLE table ALTER COLUMN column DROP NOT NULL}. */
    public Operations dropNotNull(String table, String column) {
        return add(new Operation.SetNullable(schema, table, column, true));
    }

    /** {@code ALTER TABLE table ALTER COLUMN column SET DEFAULT expression}. */
    public Operations setDefault(String table, String column, String expression) {
        return add(new Operation.SetDefault(schema, table, column, expression, null));
    }

    /** {@code ALTER TABLE table ALTER COLUMN column DROP DEFAULT}. */
    public Operations dropDefault(String table, String column) {
        return add(new Operation.SetDefault(schema, table, column, null, null));
    }

    /** {@code ALTER TABLE table ALTER COLUMN column ADD GENERATED BY DEFAULT AS IDENTITY}. */
    public Operations addIdentity(String table, String column) {
        return addIdentity(table, column, Identity.generatedByDefault());
    }

    /** Adds the given identity generation to a NOT NULL column. */
    public Operations addIdentity(String table, String column, Identity identity) {
        return add(new Operation.AddIdentity(schema, table, column, identity));
    }

    /** {@code ALTER TABLE table ALTER COLUMN column DROP IDENTITY}. */
    public Operations dropIdentity(String table, String column) {
        return add(new Operation.DropIdentity(schema, table, column, null));
    }

    /** {@code COMMENT ON COLUMN table.column IS 'comment'}. */
    public Operations setColumnComment(String table, String column, String comment) {
        return add(new Operation.SetColumnComment(schema, table, column, comment, null));
    }

    /** {@code COMMENT ON COLUMN table.column IS NULL}. */
    public Operations dropColumnComment(String table, String column) {
        return add(new Operation.SetColumnComment(schema, table, column, null, null));
    }

    // ---- constraints --------------------------------------------------------------------------

    /** {@code ALTER TABLE table ADD CONSTRAINT …} for any constraint built with {@link Types}. */
    public Operations addConstraint(String table, Constraint constraint) {
        return add(new Operation.AddConstraint(schema, table, constraint));
    }

    /** {@code ALTER TABLE table ADD CONSTRAINT name PRIMARY KEY (columns)}. */
    public Operations addPrimaryKey(String table, String name, String... columns) {
        return addConstraint(table, Types.primaryKey(name, columns));
    }

    /** {@code ALTER TABLE table ADD CONSTRAINT … FOREIGN KEY …}; {@code foreignKey.notValid()} skips checking existing rows. */
    public Operations addForeignKey(String table, Constraint.ForeignKey foreignKey) {
        return addConstraint(table, foreignKey);
    }

    /** {@code ALTER TABLE table ADD CONSTRAINT name UNIQUE (columns)}. */
    public Operations addUnique(String table, String name, String... columns) {
        return addConstraint(table, Types.unique(name, columns));
    }

    /** {@code ALTER TABLE table ADD CONSTRAINT name CHECK (expression)}. */
    public Operations addCheck(String table, String name, String expression) {
        return addConstraint(table, Types.check(name, expression));
    }

    /** {@code ALTER TABLE table DROP CONSTRAINT name}. */
    public Operations dropConstraint(String table, String name) {
        return add(new Operation.DropConstraint(schema, table, name, null));
    }

    /** {@code ALTER TABLE table VALIDATE CONSTRAINT name}, for a foreign key or check added {@code NOT VALID}. */
    public Operations validateConstraint(String table, String name) {
        return add(new Operation.ValidateConstraint(schema, table, name));
    }

    /** {@code ALTER TABLE table RENAME CONSTRAINT from TO to}; a primary key's or unique constraint's index follows. */
    public Operations renameConstraint(String table, String from, String to) {
        return add(new Operation.RenameConstraint(schema, table, from, to));
    }

    // ---- indexes ------------------------------------------------------------------------------

    /** {@code CREATE INDEX name ON table (columns)}; refine with {@code .unique()}, {@code .using("gin")}, {@code .where(…)}, … */
    public IndexHandle createIndex(String name, String table, String... columns) {
        return new IndexHandle(record(new Operation.CreateIndex(
                new Index(schema, name, table, Index.columns(columns), false, null, null, false), false)));
    }

    /** {@code CREATE INDEX name ON table (elements)} with expressions and sort orders: {@code expression("lower(email)")}. */
    public IndexHandle createIndex(String name, String table, Index.Element... elements) {
        return new IndexHandle(record(new Operation.CreateIndex(
                new Index(schema, name, table, Arrays.asList(elements), false, null, null, false), false)));
    }

    /** Refines a {@code createIndex}. */
    public static final class IndexHandle {
        private final Handle<Operation.CreateIndex> handle;

        IndexHandle(Handle<Operation.CreateIndex> handle) {
            this.handle = handle;
        }

        private IndexHandle change(UnaryOperator<Index> change) {
            handle.update(c -> new Operation.CreateIndex(change.apply(c.index()), c.ifNotExists()));
            return this;
        }

        /** {@code UNIQUE}. */
        public IndexHandle unique() {
            return change(i -> i.with(i.elements(), true, i.method(), i.where(), i.concurrently()));
        }

        /** {@code USING method}: {@code btree}, {@code gin}, {@code gist}, {@code hash}, {@code brin}. */
        public IndexHandle using(String method) {
            return change(i -> i.with(i.elements(), i.unique(), method, i.where(), i.concurrently()));
        }

        /** {@code WHERE predicate}: a partial index. */
        public IndexHandle where(String predicate) {
            return change(i -> i.with(i.elements(), i.unique(), i.method(), predicate, i.concurrently()));
        }

        /** {@code CONCURRENTLY}: builds without blocking writes; the revision must be {@code transactional = false}. */
        public IndexHandle concurrently() {
            return change(i -> i.with(i.elements(), i.unique(), i.method(), i.where(), true));
        }

        /** {@code IF NOT EXISTS}. */
        public IndexHandle ifNotExists() {
            handle.update(c -> new Operation.CreateIndex(c.index(), true));
            return this;
        }
    }

    /** {@code DROP INDEX name}; refine with {@code .concurrently()} or {@code .ifExists()}. */
    public DropIndexHandle dropIndex(String name) {
        return new DropIndexHandle(record(new Operation.DropIndex(schema, name, false, false, null)));
    }

    /** Refines a {@code dropIndex}. */
    public static final class DropIndexHandle {
        private final Handle<Operation.DropIndex> handle;

        DropIndexHandle(Handle<Operation.DropIndex> handle) {
            this.handle = handle;
        }

        /** {@code CONCURRENTLY}; the revision must be {@code transactional = false}. */
        public DropIndexHandle concurrently() {
            handle.update(d -> new Operation.DropIndex(d.schema(), d.name(), true, d.ifExists(), d.definition()));
            return this;
        }

        /** {@code IF EXISTS}. */
        public DropIndexHandle ifExists() {
            handle.update(d -> new Operation.DropIndex(d.schema(), d.name(), d.concurrently(), true, d.definition()));
            return this;
        }
    }

    /** {@code ALTER INDEX from RENAME TO to}. */
    public Operations renameIndex(String from, String to) {
        return add(new Operation.RenameIndex(schema, from, to));
    }

    // ---- sequences ----------------------------------------------------------------------------

    /** {@code CREATE SEQUENCE name} with the database's defaults. */
    public Operations createSequence(String name) {
        return createSequence(name, SequenceOptions.NONE);
    }

    /** {@code CREATE SEQUENCE name …options}. */
    public Operations createSequence(String name, SequenceOptions options) {
        return add(new Operation.CreateSequence(new Sequence(schema, name, options, null)));
    }

    /** {@code CREATE SEQUENCE name …options OWNED BY table.column}. */
    public Operations createSequence(String name, SequenceOptions options, String ownerTable, String ownerColumn) {
        return add(new Operation.CreateSequence(new Sequence(schema, name, options, ownerTable + "." + ownerColumn)));
    }

    /** {@code ALTER SEQUENCE name …changes}. */
    public Operations alterSequence(String name, SequenceOptions changes) {
        return add(new Operation.AlterSequence(schema, name, changes, null));
    }

    /** {@code DROP SEQUENCE name}. */
    public Operations dropSequence(String name) {
        return add(new Operation.DropSequence(schema, name, null));
    }

    /** {@code ALTER SEQUENCE from RENAME TO to}. */
    public Operations renameSequence(String from, String to) {
        return add(new Operation.RenameSequence(schema, from, to));
    }

    /**
     * Moves sequence {@code name} past the values {@code table.column} holds, after the column switched from an
     * identity to this sequence; see {@link Operation.SyncSequence}.
     */
    public Operations syncSequence(String name, String table, String column) {
        return add(new Operation.SyncSequence(schema, name, table, column));
    }

    /** Moves the identity of {@code table.column} past the values it holds, after the column became an identity. */
    public Operations syncIdentity(String table, String column) {
        return add(new Operation.SyncSequence(schema, null, table, column));
    }

    // ---- enum types ---------------------------------------------------------------------------

    /** {@code CREATE TYPE name AS ENUM (values)}. */
    public Operations createEnum(String name, String... values) {
        Set<String> distinct = new LinkedHashSet<>(Arrays.asList(values));
        if (distinct.size() != values.length) {
            throw new IllegalArgumentException("Enum type " + name + " lists a value twice: " + Arrays.toString(values));
        }
        return add(new Operation.CreateEnum(schema, name, List.of(values)));
    }

    /** {@code ALTER TYPE name ADD VALUE 'value'}; refine with {@code .before(…)}, {@code .after(…)}, {@code .ifNotExists()}. */
    public EnumValueHandle addEnumValue(String name, String value) {
        return new EnumValueHandle(record(new Operation.AddEnumValue(schema, name, value, null, null, false)));
    }

    /** Refines an {@code addEnumValue}. */
    public static final class EnumValueHandle {
        private final Handle<Operation.AddEnumValue> handle;

        EnumValueHandle(Handle<Operation.AddEnumValue> handle) {
            this.handle = handle;
        }

        /** {@code BEFORE 'existing'}. */
        public EnumValueHandle before(String existing) {
            handle.update(a -> new Operation.AddEnumValue(a.schema(), a.name(), a.value(), existing, null, a.ifNotExists()));
            return this;
        }

        /** {@code AFTER 'existing'}. */
        public EnumValueHandle after(String existing) {
            handle.update(a -> new Operation.AddEnumValue(a.schema(), a.name(), a.value(), null, existing, a.ifNotExists()));
            return this;
        }

        /** {@code IF NOT EXISTS}. */
        public EnumValueHandle ifNotExists() {
            handle.update(a -> new Operation.AddEnumValue(a.schema(), a.name(), a.value(), a.before(), a.after(), true));
            return this;
        }
    }

    /** {@code ALTER TYPE name RENAME VALUE 'from' TO 'to'}. */
    public Operations renameEnumValue(String name, String from, String to) {
        return add(new Operation.RenameEnumValue(schema, name, from, to));
    }

    /** {@code DROP TYPE name}. */
    public Operations dropEnum(String name) {
        return add(new Operation.DropEnum(schema, name, null));
    }

    // ---- schemas and extensions ---------------------------------------------------------------

    /** {@code CREATE SCHEMA IF NOT EXISTS name}. */
    public Operations createSchema(String name) {
        return add(new Operation.CreateSchema(name, true));
    }

    /** {@code DROP SCHEMA IF EXISTS name} (refuses when it still contains objects). */
    public Operations dropSchema(String name) {
        return add(new Operation.DropSchema(name, true, false));
    }

    /** {@code DROP SCHEMA IF EXISTS name CASCADE}: drops everything in it; cannot be reversed. */
    public Operations dropSchemaCascade(String name) {
        return add(new Operation.DropSchema(name, true, true));
    }


    // ---- data ---------------------------------------------------------------------------------

    /**
     * Runs literal SQL. Values for {@code ?} markers are bound as parameters online and written as
     * quoted literals in offline scripts, so user data never becomes part of the SQL text.
     */
    public Operations execute(String sql, Object... parameters) {
        return add(new Operation.ExecuteSql(sql, parameters == null ? List.of() : Arrays.asList(parameters)));
    }

    /** Inserts rows, each a list of values in the order of {@code columns}. */
    public Operations bulkInsert(String table, List<String> columns, List<List<Object>> rows) {
        return add(new Operation.BulkInsert(schema, table, columns, rows));
    }

    /** Inserts rows given as column-to-value maps (all rows must name the same columns). */
    public Operations bulkInsert(String table, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("bulkInsert into " + table + " needs at least one row.");
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        List<List<Object>> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (!row.keySet().equals(new LinkedHashSet<>(columns))) {
                throw new IllegalArgumentException("bulkInsert into " + table + ": every row must name the same columns " + columns
                        + "; one names " + row.keySet() + ".");
            }
            List<Object> rowValues = new ArrayList<>();
            for (String column : columns) {
                rowValues.add(row.get(column));
            }
            values.add(rowValues);
        }
        return bulkInsert(table, columns, values);
    }

    /** Runs JDBC code on the migration's connection, for data migrations SQL alone cannot express. */
    public Operations run(String description, JdbcWork work) {
        if (work == null) {
            throw new IllegalArgumentException("run() needs a JDBC callback; it was null.");
        }
        return add(new Operation.RunJdbc(description == null || description.isBlank() ? "JDBC callback" : description, work));
    }

    /** Same as {@link #run(String, JdbcWork)} with a generic description. */
    public Operations run(JdbcWork work) {
        return run("JDBC callback", work);
    }

    /**
     * Updates existing rows in batches, each committed with its progress, resuming after the last committed batch when run
     * again ({@link Backfill}). The revision must be {@code transactional = false}; the downgrade usually calls
     * {@link #forgetBackfill(Backfill)}.
     */
    public Operations backfill(Backfill backfill) {
        return add(new Operation.RunJdbc(backfill.describe(), backfill));
    }

    /** Forgets a backfill's recorded progress, so it runs from the start next time: the downgrade of {@link #backfill}. */
    public Operations forgetBackfill(Backfill backfill) {
        return add(new Operation.RunJdbc("forget the progress of " + backfill.describe(), backfill.forget()));
    }
}
