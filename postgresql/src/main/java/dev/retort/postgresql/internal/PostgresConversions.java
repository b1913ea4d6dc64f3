package dev.retort.postgresql.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.retort.operation.DataType;
import dev.retort.operation.DataType.Kind;
import dev.retort.platform.Conversion;
import dev.retort.platform.Conversion.Risk;

/**
 * What {@code ALTER COLUMN … TYPE} does on PostgreSQL for a pair of types. PostgreSQL converts on its own only where
 * an implicit or assignment cast exists (numbers among themselves, anything to text, text to text, the time types);
 * everything else needs a {@code USING} expression, and fails even on an empty table without one. The table is
 * rewritten unless the old type is binary coercible to the new one (a longer or unbounded {@code varchar},
 * {@code varchar} to {@code text}, a wider {@code numeric} of the same scale, a finer time precision).
 */
final class PostgresConversions {

    private static final Set<Kind> INTEGERS = EnumSet.of(Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT);
    private static final Set<Kind> NUMBERS = EnumSet.of(Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT, Kind.NUMERIC, Kind.REAL, Kind.DOUBLE);
    private static final Set<Kind> TEXTS = EnumSet.of(Kind.CHAR, Kind.VARCHAR, Kind.TEXT);
    private static final Set<Kind> TIMES = EnumSet.of(Kind.DATE, Kind.TIME, Kind.TIME_TZ, Kind.TIMESTAMP, Kind.TIMESTAMP_TZ);
    /** The longest text each type prints as, for conversions to a bounded {@code varchar}. */
    private static final Map<Kind, Integer> WIDTHS = Map.of(Kind.SMALLINT, 6, Kind.INTEGER, 11, Kind.BIGINT, 20, Kind.BOOLEAN, 5,
            Kind.UUID, 36, Kind.DATE, 13);
    private static final String LARGE_OBJECT = "oid";

    private final PostgresDialect dialect;

    PostgresConversions(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    Conversion of(String column, DataType written, DataType wanted) {
        String c = dialect.identifier(column);
        // A type of PostgreSQL's own given with a portable form (a @Lob's oid) converts as the type it is here.
        DataType from = TypeNames.onPostgres(written);
        DataType to = TypeNames.onPostgres(wanted);
        if (from instanceof DataType.Builtin f && to instanceof DataType.Builtin t) {
            return builtin(c, f, t);
        }
        if (isLargeObject(to) || isLargeObject(from)) {
            return largeObject(c, from, to);
        }
        if (to instanceof DataType.Builtin t && TEXTS.contains(t.kind())) {
            // Any type prints as text (PostgreSQL's I/O conversion to string types is an assignment cast).
            return implicit(true, t.precision() == null || t.kind() == Kind.TEXT ? Risk.NONE : Risk.LOSSY);
        }
        if (from instanceof DataType.Builtin f && TEXTS.contains(f.kind())) {
            return cast(c, to, Risk.MAY_FAIL);
        }
        if (from instanceof DataType.UserDefined && to instanceof DataType.UserDefined) {
            return new Conversion(c + "::text::" + dialect.typeName(to), false, true, Risk.MAY_FAIL);
        }
        return unknown();
    }

    private Conversion builtin(String c, DataType.Builtin f, DataType.Builtin t) {
        Kind from = f.kind();
        Kind to = t.kind();
        if (TEXTS.contains(from) && TEXTS.contains(to)) {
            return implicit(textRewrites(f, t), shorter(f, t) ? Risk.LOSSY : Risk.NONE);
        }
        if (from == Kind.BINARY && TEXTS.contains(to)) {
            // The cast to text prints the bytes as hex (\x68656c6c6f); the reverse of convert_to is convert_from.
            return new Conversion("convert_from(" + c + ", 'UTF8')", false, true, Risk.MAY_FAIL);
        }
        if (TEXTS.contains(to)) {
            Integer width = WIDTHS.get(from);
            boolean fits = t.precision() == null || to == Kind.TEXT || width != null && t.precision() >= width;
            return implicit(true, fits ? Risk.NONE : Risk.LOSSY);
        }
        if (TEXTS.contains(from)) {
            return to == Kind.BINARY ? new Conversion("convert_to(" + c + ", 'UTF8')", false, true, Risk.NONE) : cast(c, t, Risk.MAY_FAIL);
        }
        if (NUMBERS.contains(from) && NUMBERS.contains(to)) {
            return numbers(f, t);
        }
        if (TIMES.contains(from) && TIMES.contains(to)) {
            return times(f, t);
        }
        if (from == Kind.BOOLEAN && NUMBERS.contains(to)) {
            // No ELSE: a NULL stays NULL instead of becoming 0.
            return new Conversion("CASE WHEN " + c + " THEN 1 WHEN NOT " + c + " THEN 0 END", false, true, Risk.NONE);
        }
        if (NUMBERS.contains(from) && to == Kind.BOOLEAN) {
            return new Conversion(c + " <> 0", false, true, Risk.LOSSY);
        }
        if (from == Kind.JSON && to == Kind.JSONB || from == Kind.JSONB && to == Kind.JSON) {
            return implicit(true, Risk.NONE);
        }
        return unknown();
    }

    private static Conversion numbers(DataType.Builtin f, DataType.Builtin t) {
        Kind from = f.kind();
        Kind to = t.kind();
        if (from == Kind.NUMERIC && to == Kind.NUMERIC) {
            int fs = scale(f);
            int ts = scale(t);
            if (t.precision() == null) {
                return implicit(false, Risk.NONE);
            }
            boolean widens = f.precision() != null && ts == fs && t.precision() >= f.precision();
            boolean fits = f.precision() != null && t.precision() - ts >= f.precision() - fs && ts >= fs;
            return implicit(!widens, fits ? Risk.NONE : Risk.LOSSY);
        }
        boolean lossy;
        if (INTEGERS.contains(from) && INTEGERS.contains(to)) {
            lossy = rank(to) < rank(from);
        } else if (INTEGERS.contains(from) && to == Kind.NUMERIC) {
            lossy = t.precision() != null && t.precision() - scale(t) < WIDTHS.get(from) - 1;
        } else if (INTEGERS.contains(from)) {
            lossy = from == Kind.BIGINT || from == Kind.INTEGER && to == Kind.REAL;
        } else {
            lossy = !(from == Kind.REAL && to == Kind.DOUBLE);
        }
        return implicit(true, lossy ? Risk.LOSSY : Risk.NONE);
    }

    private static Conversion times(DataType.Builtin f, DataType.Builtin t) {
        Kind from = f.kind();
        Kind to = t.kind();
        if (from == to) {
            int fp = f.precision() == null ? 6 : f.precision();
            int tp = t.precision() == null ? 6 : t.precision();
            return implicit(tp < fp, tp < fp ? Risk.LOSSY : Risk.NONE);
        }
        boolean lossy = to == Kind.DATE || from == Kind.TIMESTAMP_TZ && to == Kind.TIMESTAMP || from == Kind.TIME_TZ && to == Kind.TIME
                || (from == Kind.TIMESTAMP || from == Kind.TIMESTAMP_TZ) && (to == Kind.TIME || to == Kind.TIME_TZ);
        boolean castExists = !(from == Kind.DATE && (to == Kind.TIME || to == Kind.TIME_TZ))
                && !((from == Kind.TIME || from == Kind.TIME_TZ) && (to == Kind.DATE || to == Kind.TIMESTAMP || to == Kind.TIMESTAMP_TZ));
        return castExists ? implicit(true, lossy ? Risk.LOSSY : Risk.NONE) : unknown();
    }

    /** {@code @Lob} on PostgreSQL: values live as large objects, the column holds their oids. */
    private Conversion largeObject(String c, DataType from, DataType to) {
        boolean fromText = from instanceof DataType.Builtin f && TEXTS.contains(f.kind());
        boolean toText = to instanceof DataType.Builtin t && TEXTS.contains(t.kind());
        boolean fromBytes = from instanceof DataType.Builtin f && f.kind() == Kind.BINARY;
        boolean toBytes = to instanceof DataType.Builtin t && t.kind() == Kind.BINARY;
        if (isLargeObject(to) && fromText) {
            return new Conversion("lo_from_bytea(0, convert_to(" + c + ", 'UTF8'))", false, true, Risk.NONE);
        }
        if (isLargeObject(to) && fromBytes) {
            return new Conversion("lo_from_bytea(0, " + c + ")", false, true, Risk.NONE);
        }
        // The large objects stay behind (vacuumlo removes them); their contents are copied into the column.
        if (isLargeObject(from) && toText) {
            return new Conversion("convert_from(lo_get(" + c + "), 'UTF8')", false, true, Risk.MAY_FAIL);
        }
        if (isLargeObject(from) && toBytes) {
            return new Conversion("lo_get(" + c + ")", false, true, Risk.NONE);
        }
        return unknown();
    }

    private static boolean isLargeObject(DataType type) {
        return type instanceof DataType.Raw raw && raw.sql().equals(LARGE_OBJECT);
    }

    private Conversion cast(String c, DataType to, Risk risk) {
        return new Conversion(c + "::" + dialect.typeName(to), false, true, risk);
    }

    private static Conversion implicit(boolean rewrites, Risk risk) {
        return new Conversion(null, true, rewrites, risk);
    }

    private static Conversion unknown() {
        return new Conversion(null, false, true, Risk.UNKNOWN);
    }

    /** {@code varchar} to a longer or unbounded {@code varchar}, or to {@code text}, is binary coercible; the rest is not. */
    private static boolean textRewrites(DataType.Builtin f, DataType.Builtin t) {
        if (f.kind() == Kind.CHAR || t.kind() == Kind.CHAR) {
            return true;
        }
        if (t.kind() == Kind.TEXT || t.precision() == null) {
            return false;
        }
        return f.kind() == Kind.TEXT || f.precision() == null || t.precision() < f.precision();
    }

    private static boolean shorter(DataType.Builtin f, DataType.Builtin t) {
        if (t.kind() == Kind.TEXT || t.precision() == null && t.kind() == Kind.VARCHAR) {
            return false;
        }
        return f.kind() == Kind.TEXT || f.precision() == null || t.precision() < f.precision();
    }

    private static int scale(DataType.Builtin type) {
        return type.scale() == null ? 0 : type.scale();
    }

    private static int rank(Kind kind) {
        return kind == Kind.SMALLINT ? 0 : kind == Kind.INTEGER ? 1 : 2;
    }
}
