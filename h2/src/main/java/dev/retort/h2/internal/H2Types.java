package dev.retort.h2.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.h2.H2;
import dev.retort.operation.DataType;
import dev.retort.operation.Types;

/**
 * H2's type names both ways: the portable types in H2's words, and H2's names (as its catalog reports them, and as
 * Hibernate's H2 dialect writes them) read back into types. Where H2 has a default (a time stamp's precision 6, a
 * string without a length up to 1,000,000,000 characters), a type with and one without it compare equal.
 */
final class H2Types {

    /** The longest character and binary string H2 keeps; a column without a length gets it. */
    static final int MAX_LENGTH = 1_000_000_000;

    private static final Pattern WITH_ARGS = Pattern.compile("([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)(.*)");
    private static final Pattern ENUM = Pattern.compile("enum\\s*\\((.*)\\)", Pattern.DOTALL);

    /** A type in H2's words. */
    String render(DataType type) {
        if (type instanceof DataType.ArrayOf array) {
            return render(array.element()) + " array";
        }
        if (type instanceof DataType.UserDefined user) {
            // H2 has domains, not enum types; a user-defined type is a domain by its name.
            return (user.schema() == null || user.schema().isEmpty() ? "" : H2Names.identifier(user.schema()) + ".")
                    + H2Names.identifier(user.name());
        }
        if (type instanceof DataType.Raw raw) {
            return raw.sql();
        }
        if (type instanceof DataType.Specific specific) {
            if (specific.platform().equals(H2.PLATFORM)) {
                return specific.sql();
            }
            if (specific.portable() == null) {
                throw new IllegalArgumentException("Type " + specific.sql() + " is " + specific.platform() + "'s own and has no portable "
                        + "form H2 could use; give the column a type H2 has.");
            }
            return render(specific.portable());
        }
        DataType.Builtin b = (DataType.Builtin) type;
        String p = b.precision() == null ? "" : "(" + b.precision() + (b.scale() == null ? "" : ", " + b.scale()) + ")";
        return switch (b.kind()) {
            case BOOLEAN -> "boolean";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case NUMERIC -> "numeric" + p;
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case VARCHAR -> "varchar" + p;
            // Unbounded text is what Hibernate's H2 dialect makes of long text (a @Lob String, LONG32VARCHAR), so a history
            // written on another database passes Hibernate's validation here.
            case TEXT -> "character large object";
            case CHAR -> "char" + p;
            case DATE -> "date";
            case TIME -> "time" + p;
            case TIME_TZ -> "time" + p + " with time zone";
            case TIMESTAMP -> "timestamp" + p;
            case TIMESTAMP_TZ -> "timestamp" + p + " with time zone";
            case INTERVAL -> "interval day to second";
            case UUID -> "uuid";
            case BINARY -> "varbinary" + p;
            case JSON, JSONB -> "json";
        };
    }

    /** A type name as H2's catalog or Hibernate writes it; what has no portable form comes back raw or as H2's own. */
    DataType parse(String sqlType) {
        String text = sqlType.strip().replaceAll("\\s+", " ");
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher e = ENUM.matcher(lower);
        if (e.matches()) {
            return enumOf(text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')));
        }
        if (lower.endsWith(" array")) {
            return Types.arrayOf(parse(text.substring(0, text.length() - " array".length())));
        }
        if (lower.endsWith("[]")) {
            return Types.arrayOf(parse(text.substring(0, text.length() - 2)));
        }
        String base = lower;
        Integer precision = null;
        Integer scale = null;
        Matcher m = WITH_ARGS.matcher(lower);
        if (m.matches()) {
            base = (m.group(1).strip() + " " + m.group(4).strip()).strip();
            precision = Integer.valueOf(m.group(2));
            scale = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        }
        DataType.Kind kind = switch (base) {
            case "boolean", "bool", "bit" -> DataType.Kind.BOOLEAN;
            case "smallint", "int2" -> DataType.Kind.SMALLINT;
            case "integer", "int", "int4", "mediumint", "signed" -> DataType.Kind.INTEGER;
            case "bigint", "int8" -> DataType.Kind.BIGINT;
            case "numeric", "decimal", "dec", "number" -> DataType.Kind.NUMERIC;
            case "real", "float4" -> DataType.Kind.REAL;
            case "double precision", "double", "float8" -> DataType.Kind.DOUBLE;
            case "float" -> precision != null && precision <= 24 ? DataType.Kind.REAL : DataType.Kind.DOUBLE;
            case "varchar", "character varying", "char varying", "varchar2", "nvarchar", "national character varying", "varchar_casesensitive"
                    -> DataType.Kind.VARCHAR;
            case "text" -> DataType.Kind.TEXT;
            case "char", "character", "nchar", "national character" -> DataType.Kind.CHAR;
            case "date" -> DataType.Kind.DATE;
            case "time", "time without time zone" -> DataType.Kind.TIME;
            case "time with time zone", "timetz" -> DataType.Kind.TIME_TZ;
            case "timestamp", "timestamp without time zone", "datetime" -> DataType.Kind.TIMESTAMP;
            case "timestamp with time zone", "timestamptz" -> DataType.Kind.TIMESTAMP_TZ;
            case "interval day to second" -> DataType.Kind.INTERVAL;
            case "uuid" -> DataType.Kind.UUID;
            case "varbinary", "binary varying", "bytea" -> DataType.Kind.BINARY;
            case "json", "jsonb" -> DataType.Kind.JSON;
            default -> null;
        };
        if (kind == null) {
            if (base.equals("tinyint")) {
                return Types.specific(H2.PLATFORM, "tinyint", Types.smallint());
            }
            if (base.equals("clob") || base.equals("character large object")) {
                return Types.text();
            }
            if (base.equals("blob") || base.equals("binary large object")) {
                return Types.specific(H2.PLATFORM, "binary large object", Types.binary());
            }
            return new DataType.Raw(lower);
        }
        return switch (kind) {
            case NUMERIC -> precision == null ? Types.numeric() : scale == null ? Types.numeric(precision) : Types.numeric(precision, scale);
            case VARCHAR -> precision == null || precision >= MAX_LENGTH ? Types.varchar() : Types.varchar(precision);
            case CHAR, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ -> new DataType.Builtin(kind, precision, null);
            // A bounded varbinary (Hibernate's byte[]) is H2's own; other databases keep the bytes unbounded.
            case BINARY -> precision == null || precision >= MAX_LENGTH ? Types.binary()
                    : Types.specific(H2.PLATFORM, "binary varying(" + precision + ")", Types.binary());
            default -> new DataType.Builtin(kind, null, null);
        };
    }

    /** H2's ENUM with the given labels, written {@code 'A', 'B'}. */
    static DataType enumOf(String labels) {
        java.util.List<String> values = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("'((?:[^']|'')*)'").matcher(labels);
        while (m.find()) {
            values.add(m.group(1).replace("''", "'"));
        }
        return H2.enumOf(values.toArray(String[]::new));
    }

    /** Whether two types are one to H2: compared in their canonical form, with H2's defaults filled in. */
    boolean same(DataType a, DataType b) {
        return canonical(a).equals(canonical(b));
    }

    private String canonical(DataType type) {
        if (type instanceof DataType.Specific specific && !specific.platform().equals(H2.PLATFORM) && specific.portable() != null) {
            return canonical(specific.portable());
        }
        if (type instanceof DataType.ArrayOf array) {
            return canonical(array.element()) + " array";
        }
        if (type instanceof DataType.Raw || type instanceof DataType.Specific || type instanceof DataType.UserDefined) {
            DataType parsed = type instanceof DataType.UserDefined ? type : parse(render(type));
            String text = parsed instanceof DataType.Builtin ? canonical(parsed) : render(parsed);
            return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "").replaceAll("\\s*,\\s*", ",");
        }
        DataType.Builtin b = (DataType.Builtin) type;
        Integer precision = b.precision();
        Integer scale = b.scale();
        switch (b.kind()) {
            case TIMESTAMP, TIMESTAMP_TZ -> precision = precision == null ? 6 : precision;
            case TIME, TIME_TZ -> precision = precision == null ? 0 : precision;
            case TEXT -> {
                return "varchar(" + MAX_LENGTH + ")";
            }
            case VARCHAR, BINARY -> precision = precision == null ? MAX_LENGTH : precision;
            case CHAR -> precision = precision == null ? 1 : precision;
            case NUMERIC -> scale = precision != null && scale == null ? Integer.valueOf(0) : scale;
            case JSONB -> {
                return "json";
            }
            default -> {
            }
        }
        String kind = b.kind() == DataType.Kind.VARCHAR ? "varchar" : b.kind().name().toLowerCase(Locale.ROOT);
        return kind + (precision == null ? "" : "(" + precision + (scale == null ? "" : "," + scale) + ")");
    }
}
