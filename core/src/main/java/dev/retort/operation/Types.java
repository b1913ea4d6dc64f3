package dev.retort.operation;

import java.util.List;

/**
 * The vocabulary migrations are written in: types, columns and constraints. Import it statically:
 * {@code import static dev.retort.operation.Types.*;}
 */
public final class Types {

    private Types() {
    }

    // ---- columns and constraints ---------------------------------------------------------------

    /** A nullable column without default; refine it with {@code .notNull()}, {@code .defaultValue(…)}, … */
    public static Column column(String name, DataType type) {
        return Column.of(name, type);
    }

    /** {@code CONSTRAINT name PRIMARY KEY (columns)}. */
    public static Constraint.PrimaryKey primaryKey(String name, String... columns) {
        return new Constraint.PrimaryKey(name, List.of(columns));
    }

    /** {@code CONSTRAINT name UNIQUE (columns)}. */
    public static Constraint.Unique unique(String name, String... columns) {
        return new Constraint.Unique(name, List.of(columns));
    }

    /** {@code CONSTRAINT name CHECK (expression)}. */
    public static Constraint.Check check(String name, String expression) {
        return new Constraint.Check(name, expression, false);
    }

    /** The start of a foreign key: {@code foreignKey("fk_book_author", "author_id").references("author", "id")}. */
    public static ForeignKeyColumns foreignKey(String name, String... columns) {
        return new ForeignKeyColumns(name, List.of(columns));
    }

    /**
     * A foreign key's name and columns, waiting for what they reference.
     *
     * @param name    constraint name
     * @param columns referencing columns
     */
    public record ForeignKeyColumns(String name, List<String> columns) {

        /** References columns of a table on the search path. */
        public Constraint.ForeignKey references(String table, String... referencedColumns) {
            return referencesIn(null, table, referencedColumns);
        }

        /** References columns of a table in another schema. */
        public Constraint.ForeignKey referencesIn(String schema, String table, String... referencedColumns) {
            return new Constraint.ForeignKey(name, columns, schema, table, List.of(referencedColumns), null, null, false, false, false);
        }
    }

    /** Index elements for expression indexes: {@code expression("lower(email)")}. */
    public static Index.Element expression(String sql) {
        return Index.Element.expression(sql);
    }

    /** Options for {@code createSequence} and {@code alterSequence}: {@code sequenceOptions().start(1000).increment(50)}. */
    public static SequenceOptions sequenceOptions() {
        return SequenceOptions.NONE;
    }

    // ---- types --------------------------------------------------------------------------------

    private static DataType builtin(DataType.Kind kind) {
        return new DataType.Builtin(kind, null, null);
    }

    /** {@code boolean}. */
    public static DataType bool() {
        return builtin(DataType.Kind.BOOLEAN);
    }

    /** {@code smallint}. */
    public static DataType smallint() {
        return builtin(DataType.Kind.SMALLINT);
    }

    /** {@code integer}. */
    public static DataType integer() {
        return builtin(DataType.Kind.INTEGER);
    }

    /** {@code bigint}. */
    public static DataType bigint() {
        return builtin(DataType.Kind.BIGINT);
    }

    /** {@code numeric} without precision (any value). */
    public static DataType numeric() {
        return builtin(DataType.Kind.NUMERIC);
    }

    /** {@code numeric(precision)}. */
    public static DataType numeric(int precision) {
        return new DataType.Builtin(DataType.Kind.NUMERIC, precision, null);
    }

    /** {@code numeric(precision, scale)}. */
    public static DataType numeric(int precision, int scale) {
        return new DataType.Builtin(DataType.Kind.NUMERIC, precision, scale);
    }

    /** {@code real} (4-byte float). */
    public static DataType real() {
        return builtin(DataType.Kind.REAL);
    }

    /** {@code double precision}. */
    public static DataType doublePrecision() {
        return builtin(DataType.Kind.DOUBLE);
    }

    /** {@code varchar} without a length limit. */
    public static DataType varchar() {
        return builtin(DataType.Kind.VARCHAR);
    }

    /** {@code varchar(length)}. */
    public static DataType varchar(int length) {
        return new DataType.Builtin(DataType.Kind.VARCHAR, length, null);
    }

    /** {@code text}. */
    public static DataType text() {
        return builtin(DataType.Kind.TEXT);
    }

    /** {@code char(length)}. */
    public static DataType character(int length) {
        return new DataType.Builtin(DataType.Kind.CHAR, length, null);
    }

    /** {@code date}. */
    public static DataType date() {
        return builtin(DataType.Kind.DATE);
    }

    /** {@code time} (without time zone). */
    public static DataType time() {
        return builtin(DataType.Kind.TIME);
    }

    /** {@code time(precision)}. */
    public static DataType time(int precision) {
        return new DataType.Builtin(DataType.Kind.TIME, precision, null);
    }

    /** {@code time with time zone}. */
    public static DataType timeWithZone() {
        return builtin(DataType.Kind.TIME_TZ);
    }

    /** The same type as {@link #timeWithZone()}, by the name PostgreSQL gives it. */
    public static DataType timetz() {
        return timeWithZone();
    }

    /** {@code timestamp} (without time zone). */
    public static DataType timestamp() {
        return builtin(DataType.Kind.TIMESTAMP);
    }

    /** {@code timestamp(precision)} (without time zone). */
    public static DataType timestamp(int precision) {
        return new DataType.Builtin(DataType.Kind.TIMESTAMP, precision, null);
    }

    /** A timestamp with time zone: an instant (each platform renders its own such type). */
    public static DataType timestampWithZone() {
        return builtin(DataType.Kind.TIMESTAMP_TZ);
    }

    /** {@link #timestampWithZone()} with this many fractional digits of a second. */
    public static DataType timestampWithZone(int precision) {
        return new DataType.Builtin(DataType.Kind.TIMESTAMP_TZ, precision, null);
    }

    /** The same type as {@link #timestampWithZone()}, by the name PostgreSQL gives it. */
    public static DataType timestamptz() {
        return timestampWithZone();
    }

    /** The same type as {@link #timestampWithZone(int)}, by the name PostgreSQL gives it. */
    public static DataType timestamptz(int precision) {
        return timestampWithZone(precision);
    }

    /** {@code interval}. */
    public static DataType interval() {
        return builtin(DataType.Kind.INTERVAL);
    }

    /** A UUID (each platform renders its own such type). */
    public static DataType uuid() {
        return builtin(DataType.Kind.UUID);
    }

    /** Binary data of any length (each platform renders its own such type). */
    public static DataType binary() {
        return builtin(DataType.Kind.BINARY);
    }

    /** The same type as {@link #binary()}, by the name PostgreSQL gives it. */
    public static DataType bytea() {
        return binary();
    }

    /** A JSON document kept as text (each platform renders its own such type). */
    public static DataType json() {
        return builtin(DataType.Kind.JSON);
    }

    /** A JSON document kept parsed, in a binary form, where the database offers that choice; its JSON type elsewhere. */
    public static DataType jsonb() {
        return builtin(DataType.Kind.JSONB);
    }

    /**
     * A type of one database, with the portable type the others use ({@link DataType.Specific}); platform modules offer
     * factories for their own types.
     */
    public static DataType specific(String platform, String sql, DataType portable) {
        return new DataType.Specific(platform, sql, portable);
    }

    /** An array of the element type, e.g. {@code text[]}. */
    public static DataType arrayOf(DataType element) {
        return new DataType.ArrayOf(element);
    }

    /** A type created in the database (an enum, a composite type), on the search path. */
    public static DataType enumType(String name) {
        return new DataType.UserDefined(null, name);
    }

    /** A type created in the database (an enum, a composite type), in a schema. */
    public static DataType enumType(String schema, String name) {
        return new DataType.UserDefined(schema, name);
    }

    /** Any other type, written as SQL: {@code raw("inet")}, {@code raw("tsvector")}. */
    public static DataType raw(String sql) {
        return new DataType.Raw(sql);
    }
}
