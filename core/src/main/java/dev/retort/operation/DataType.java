package dev.retort.operation;

import java.util.Locale;
import java.util.Objects;

/**
 * A column type, database-neutral: a built-in type with optional precision and scale, an array of
 * another type, a user-defined type by name (an enum or domain), or raw SQL for anything else.
 * Build them with {@link Types}.
 */
public sealed interface DataType permits DataType.Builtin, DataType.ArrayOf, DataType.UserDefined, DataType.Raw {

    /** The portable built-in types. */
    enum Kind {
        BOOLEAN, SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE, VARCHAR, TEXT, CHAR, DATE, TIME, TIME_TZ, TIMESTAMP,
        TIMESTAMP_TZ, INTERVAL, UUID, BYTEA, JSON, JSONB;

        /** The lower-case name used in Java source, e.g. {@code timestamptz}. */
        public String javaName() {
            return switch (this) {
                case BOOLEAN -> "bool";
                case DOUBLE -> "doublePrecision";
                case CHAR -> "character";
                case TIME_TZ -> "timetz";
                case TIMESTAMP_TZ -> "timestamptz";
                default -> name().toLowerCase(Locale.ROOT);
            };
        }
    }

    /**
     * A built-in type.
     *
     * @param kind      which type
     * @param precision length for {@code varchar}/{@code char}, precision for {@code numeric} and the time types; null for none
     * @param scale     scale for {@code numeric}; null for none
     */
    record Builtin(Kind kind, Integer precision, Integer scale) implements DataType {
        public Builtin {
            Objects.requireNonNull(kind, "kind");
            if (precision != null && precision < 0) {
                throw new IllegalArgumentException(kind.javaName() + " precision must not be negative: " + precision);
            }
            if (scale != null && precision == null) {
                throw new IllegalArgumentException(kind.javaName() + " has a scale but no precision");
            }
        }
    }

    /**
     * An array of another type.
     *
     * @param element the element type
     */
    record ArrayOf(DataType element) implements DataType {
        public ArrayOf {
            Objects.requireNonNull(element, "element");
        }
    }

    /**
     * A type created in the database (an enum or a domain).
     *
     * @param schema its schema, or null for the search path
     * @param name   its name
     */
    record UserDefined(String schema, String name) implements DataType {
        public UserDefined {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A type written as SQL, passed through as is ({@code tsvector}, {@code inet}, {@code geometry(Point, 4326)}).
     *
     * @param sql the type's SQL
     */
    record Raw(String sql) implements DataType {
        public Raw {
            if (sql == null || sql.isBlank()) {
                throw new IllegalArgumentException("A raw type needs its SQL.");
            }
        }
    }
}
