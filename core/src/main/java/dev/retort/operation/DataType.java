package dev.retort.operation;

import java.util.Locale;
import java.util.Objects;

/**
 * A column type, database-neutral: a built-in type with optional precision and scale, an array of
 * another type, a user-defined type by name (an enum or domain), a type of one database with the portable type the
 * others use, or raw SQL for anything else. Build them with {@link Types}.
 */
public sealed interface DataType permits DataType.Builtin, DataType.ArrayOf, DataType.UserDefined, DataType.Raw, DataType.Specific {

    /**
     * The portable built-in types: each platform renders each in its own words ({@code TIMESTAMP_TZ} is one database's
     * {@code timestamptz} and another's {@code timestamp with time zone}), or says it has no such type. {@code JSONB}
     * is JSON kept in a parsed, binary form where the database offers that choice, and its JSON type elsewhere.
     */
    enum Kind {
        BOOLEAN, SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE, VARCHAR, TEXT, CHAR, DATE, TIME, TIME_TZ, TIMESTAMP,
        TIMESTAMP_TZ, INTERVAL, UUID, BINARY, JSON, JSONB;

        /** The name of its factory in {@link Types}, as generated source writes it, e.g. {@code timestampWithZone}. */
        public String javaName() {
            return switch (this) {
                case BOOLEAN -> "bool";
                case DOUBLE -> "doublePrecision";
                case CHAR -> "character";
                case TIME_TZ -> "timeWithZone";
                case TIMESTAMP_TZ -> "timestampWithZone";
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

    /**
     * A type of one database, defined by its platform module, with the portable type every other database uses for it
     * (or none, where only that database can hold such values): one history then runs on several databases.
     *
     * @param platform the id of the platform whose type it is, e.g. {@code mariadb}
     * @param sql      the type as that database writes it, e.g. {@code mediumtext}
     * @param portable the type the other platforms render instead, or null when they cannot
     */
    record Specific(String platform, String sql, DataType portable) implements DataType {
        public Specific {
            Objects.requireNonNull(platform, "platform");
            if (sql == null || sql.isBlank()) {
                throw new IllegalArgumentException("A database's own type needs its SQL.");
            }
        }
    }
}
