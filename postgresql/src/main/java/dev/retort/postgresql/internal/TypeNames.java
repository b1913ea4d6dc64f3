package dev.retort.postgresql.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.operation.DataType;
import dev.retort.operation.Types;

/**
 * Reads SQL type names — PostgreSQL's {@code format_type()} output and Hibernate's DDL type names —
 * into {@link DataType}s, normalised so equal types compare equal ({@code varchar(255)} and
 * {@code character varying(255)}, {@code float(53)} and {@code double precision}); see {@link #equivalent}.
 */
final class TypeNames {

    private static final Pattern SIZED_ARRAY = Pattern.compile("(.+?)\\s*(?: array\\s*\\[\\s*\\d*\\s*\\]|\\[\\s*\\d+\\s*\\])");
    private static final Pattern WITH_ARGS = Pattern.compile("([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)(.*)");
    /** PostgreSQL's default precision for time and timestamp types. */
    private static final int DEFAULT_TIME_PRECISION = 6;

    private TypeNames() {
    }

    /** The type for a SQL type name; anything not portable comes back as {@link DataType.Raw}. */
    public static DataType parse(String sqlType) {
        String text = sqlType.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        // PostgreSQL keeps no array size: varchar(255) array[3] and varchar(255)[3] are varchar(255)[].
        Matcher sized = SIZED_ARRAY.matcher(text);
        if (sized.matches()) {
            return Types.arrayOf(parse(sized.group(1)));
        }
        if (text.endsWith("[]")) {
            return Types.arrayOf(parse(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith(" array")) {
            return Types.arrayOf(parse(text.substring(0, text.length() - " array".length())));
        }
        String base = text;
        Integer precision = null;
        Integer scale = null;
        String suffix = "";
        Matcher m = WITH_ARGS.matcher(text);
        if (m.matches()) {
            base = m.group(1).strip();
            precision = Integer.valueOf(m.group(2));
            scale = m.group(3) == null ? null : Integer.valueOf(m.group(3));
            suffix = m.group(4).strip();
        }
        String name = (base + (suffix.isEmpty() ? "" : " " + suffix)).strip();
        DataType.Builtin builtin = builtin(name, precision, scale);
        return builtin != null ? builtin : new DataType.Raw(text);
    }

    private static DataType.Builtin builtin(String name, Integer precision, Integer scale) {
        return switch (name) {
            case "boolean", "bool" -> of(DataType.Kind.BOOLEAN);
            case "smallint", "int2", "tinyint" -> of(DataType.Kind.SMALLINT);
            case "integer", "int", "int4" -> of(DataType.Kind.INTEGER);
            case "bigint", "int8" -> of(DataType.Kind.BIGINT);
            case "numeric", "decimal" -> new DataType.Builtin(DataType.Kind.NUMERIC, precision,
                    precision != null && scale == null ? Integer.valueOf(0) : scale);
            case "real", "float4" -> of(DataType.Kind.REAL);
            case "double precision", "float8" -> of(DataType.Kind.DOUBLE);
            case "float" -> precision == null || precision > 24 ? of(DataType.Kind.DOUBLE) : of(DataType.Kind.REAL);
            case "character varying", "varchar" -> new DataType.Builtin(DataType.Kind.VARCHAR, precision, null);
            case "text" -> of(DataType.Kind.TEXT);
            case "character", "char", "bpchar" -> new DataType.Builtin(DataType.Kind.CHAR, precision == null ? Integer.valueOf(1) : precision, null);
            case "date" -> of(DataType.Kind.DATE);
            case "time", "time without time zone" -> time(DataType.Kind.TIME, precision);
            case "time with time zone", "timetz" -> time(DataType.Kind.TIME_TZ, precision);
            case "timestamp", "timestamp without time zone" -> time(DataType.Kind.TIMESTAMP, precision);
            case "timestamp with time zone", "timestamptz" -> time(DataType.Kind.TIMESTAMP_TZ, precision);
            case "interval" -> of(DataType.Kind.INTERVAL);
            case "uuid" -> of(DataType.Kind.UUID);
            case "bytea" -> of(DataType.Kind.BINARY);
            case "json" -> of(DataType.Kind.JSON);
            case "jsonb" -> of(DataType.Kind.JSONB);
            default -> null;
        };
    }

    private static DataType.Builtin of(DataType.Kind kind) {
        return new DataType.Builtin(kind, null, null);
    }

    private static DataType.Builtin time(DataType.Kind kind, Integer precision) {
        return new DataType.Builtin(kind, precision, null);
    }

    /**
     * Whether two types are the same to PostgreSQL: as {@code equals}, except that a time or timestamp
     * without precision has PostgreSQL's default precision, 6.
     */
    public static boolean equivalent(DataType a, DataType b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof DataType.Specific || b instanceof DataType.Specific) {
            // A database's own type is PostgreSQL's as written, another's is its portable form here.
            return equivalent(onPostgres(a), onPostgres(b));
        }
        if (isSerial(a) || isSerial(b)) {
            // serial is shorthand for the integer type plus a sequence default, which is compared on its own
            return integerOf(a).equals(integerOf(b));
        }
        if (a instanceof DataType.ArrayOf x && b instanceof DataType.ArrayOf y) {
            return equivalent(x.element(), y.element());
        }
        if (a instanceof DataType.Builtin x && b instanceof DataType.Builtin y && x.kind() == y.kind() && isTime(x.kind())) {
            return precision(x) == precision(y);
        }
        return false;
    }

    /** The type as PostgreSQL holds it: its own specific types parsed, another database's replaced by their portable form. */
    static DataType onPostgres(DataType type) {
        if (type instanceof DataType.Specific specific) {
            return specific.platform().equals(dev.retort.postgresql.PostgreSQL.PLATFORM) ? parse(specific.sql())
                    : specific.portable() == null ? type : onPostgres(specific.portable());
        }
        return type;
    }

    /** Whether the type is one of PostgreSQL's {@code smallserial}, {@code serial}, {@code bigserial} shorthands. */
    public static boolean isSerial(DataType type) {
        return type instanceof DataType.Raw raw && SERIALS.containsKey(raw.sql());
    }

    private static DataType integerOf(DataType type) {
        return type instanceof DataType.Raw raw && SERIALS.containsKey(raw.sql()) ? of(SERIALS.get(raw.sql())) : type;
    }

    private static final java.util.Map<String, DataType.Kind> SERIALS = java.util.Map.of("smallserial", DataType.Kind.SMALLINT,
            "serial2", DataType.Kind.SMALLINT, "serial", DataType.Kind.INTEGER, "serial4", DataType.Kind.INTEGER,
            "bigserial", DataType.Kind.BIGINT, "serial8", DataType.Kind.BIGINT);

    private static boolean isTime(DataType.Kind kind) {
        return kind == DataType.Kind.TIME || kind == DataType.Kind.TIME_TZ || kind == DataType.Kind.TIMESTAMP
                || kind == DataType.Kind.TIMESTAMP_TZ;
    }

    private static int precision(DataType.Builtin type) {
        return type.precision() == null ? DEFAULT_TIME_PRECISION : type.precision();
    }
}
