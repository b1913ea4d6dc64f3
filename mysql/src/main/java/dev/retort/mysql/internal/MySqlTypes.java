package dev.retort.mysql.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.operation.DataType;
import dev.retort.operation.Types;

/**
 * Types in MariaDB's and MySQL's words: the portable kinds rendered as Hibernate's MariaDB and MySQL dialects write
 * them, type names read back (from {@code information_schema.columns.column_type} or Hibernate's DDL), and equality as
 * the server normalises types (display widths dropped, {@code boolean} stored as {@code tinyint(1)}, {@code datetime}
 * the same as {@code datetime(0)}).
 */
final class MySqlTypes {

    private static final Pattern WITH_ARGS = Pattern.compile("([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)\\s*(.*)");
    /** Display widths, which the server drops (MySQL 8.0.19 and later) or ignores: all but tinyint(1), the boolean. */
    private static final Pattern DISPLAY_WIDTH = Pattern.compile("\\b(smallint|mediumint|int|integer|bigint|tinyint)\\(\\d+\\)");
    /** Hibernate's default precision for time stamps, and the one a portable timestamp without precision gets. */
    private static final int DEFAULT_TIME_PRECISION = 6;

    private final Flavour flavour;

    MySqlTypes(Flavour flavour) {
        this.flavour = flavour;
    }

    /** A portable or foreign type in this server's words. */
    String render(DataType type) {
        if (type instanceof DataType.Raw raw) {
            return raw.sql();
        }
        if (type instanceof DataType.Specific specific) {
            if (ownPlatform(specific.platform())) {
                return specific.sql();
            }
            if (specific.portable() == null) {
                throw new IllegalArgumentException("Type " + specific.sql() + " is " + specific.platform() + "'s own and has no portable form "
                        + flavour.product() + " could use; give the column a type " + flavour.product() + " has.");
            }
            return render(specific.portable());
        }
        if (type instanceof DataType.ArrayOf array) {
            throw new IllegalArgumentException(flavour.product() + " has no array types (" + render(array.element()) + "[]); keep the values "
                    + "in a json column, or in a table of their own.");
        }
        if (type instanceof DataType.UserDefined user) {
            throw new IllegalArgumentException(flavour.product() + " has no named types such as " + user.name() + ": an enum is a column type "
                    + "of its own there, MySql.enumOf(\"A\", \"B\") (ENUM('A','B')).");
        }
        DataType.Builtin b = (DataType.Builtin) type;
        Integer p = b.precision();
        return switch (b.kind()) {
            case BOOLEAN -> "boolean";
            case SMALLINT -> "smallint";
            case INTEGER -> "int";
            case BIGINT -> "bigint";
            case NUMERIC -> p == null ? "decimal(65,30)" : "decimal(" + p + "," + (b.scale() == null ? 0 : b.scale()) + ")";
            case REAL -> "float";
            case DOUBLE -> "double";
            case VARCHAR -> p == null ? "longtext" : "varchar(" + p + ")";
            case TEXT -> "longtext";
            case CHAR -> "char(" + (p == null ? 1 : p) + ")";
            case DATE -> "date";
            case TIME, TIME_TZ -> p == null || p == 0 ? "time" : "time(" + p + ")";
            case TIMESTAMP -> "datetime(" + (p == null ? DEFAULT_TIME_PRECISION : p) + ")";
            case TIMESTAMP_TZ -> (flavour.mariaDb() ? "datetime(" : "timestamp(") + (p == null ? DEFAULT_TIME_PRECISION : p) + ")";
            case INTERVAL -> throw new IllegalArgumentException(flavour.product() + " has no interval type; keep a duration as a number "
                    + "(bigint of seconds or nanoseconds), as Hibernate does for java.time.Duration.");
            case UUID -> flavour.mariaDb() ? "uuid" : "binary(16)";
            case BINARY -> "longblob";
            case JSON, JSONB -> "json";
        };
    }

    /** Whether a type of that platform id is this family's own (MariaDB's types are MySQL's, and the other way round, but for a few). */
    static boolean ownPlatform(String platform) {
        return Flavour.MARIADB.id().equals(platform) || Flavour.MYSQL.id().equals(platform);
    }

    /** The type for a type name as the server or Hibernate writes it; this family's other types as {@link DataType.Specific}. */
    DataType parse(String sqlType) {
        String labels = labelled(sqlType);
        if (labels != null) {
            return own(labels, Types.varchar(255));
        }
        String text = sqlType.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*,\\s*", ",");
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
        if (!suffix.isEmpty()) {
            return own(canonical(text), portableOf(base));
        }
        return switch (base) {
            case "boolean", "bool" -> Types.bool();
            case "tinyint" -> precision != null && precision == 1 ? Types.bool() : own("tinyint", Types.smallint());
            case "bit" -> precision == null || precision == 1 ? own("bit(1)", Types.bool()) : own("bit(" + precision + ")", Types.binary());
            case "smallint" -> Types.smallint();
            case "int", "integer" -> Types.integer();
            case "bigint" -> Types.bigint();
            case "mediumint" -> own("mediumint", Types.integer());
            case "decimal", "numeric", "dec", "fixed" -> precision == null ? Types.numeric(10, 0)
                    : Types.numeric(precision, scale == null ? 0 : scale);
            case "float" -> precision == null || precision <= 24 ? Types.real() : Types.doublePrecision();
            case "double", "double precision", "real" -> Types.doublePrecision();
            case "varchar", "character varying" -> precision == null ? own(text, Types.text()) : Types.varchar(precision);
            case "char", "character" -> Types.character(precision == null ? 1 : precision);
            case "longtext" -> Types.text();
            case "tinytext", "text", "mediumtext" -> own(precision == null ? base : text, Types.text());
            case "date" -> Types.date();
            case "time" -> precision == null ? Types.time() : Types.time(precision);
            case "datetime" -> Types.timestamp(precision == null ? 0 : precision);
            case "timestamp" -> flavour.mariaDb() ? own(precision == null ? "timestamp" : text, Types.timestampWithZone(precision == null ? 0 : precision))
                    : Types.timestampWithZone(precision == null ? 0 : precision);
            case "uuid" -> Types.uuid();
            case "json" -> Types.json();
            case "longblob" -> Types.binary();
            case "tinyblob", "blob", "mediumblob" -> own(base, Types.binary());
            case "binary", "varbinary" -> own(precision == null ? base : base + "(" + precision + ")", Types.binary());
            case "year" -> own(base, Types.smallint());
            default -> new DataType.Raw(text);
        };
    }

    private DataType own(String sql, DataType portable) {
        return new DataType.Specific(flavour.id(), sql, portable);
    }

    private static DataType portableOf(String base) {
        return switch (base) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint" -> Types.bigint();
            case "decimal", "numeric" -> Types.numeric();
            case "float", "double" -> Types.doublePrecision();
            default -> null;
        };
    }

    /**
     * Whether two types are the same to the server: both written in its words and normalised as it stores them
     * ({@code int(11)} is {@code int}, {@code boolean} is {@code tinyint(1)}, {@code datetime} is {@code datetime(0)}).
     */
    boolean same(DataType a, DataType b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return withCharacterSet(canonical(render(a))).equals(withCharacterSet(canonical(render(b))));
        } catch (IllegalArgumentException cannotRender) {
            return false;
        }
    }

    private static final Pattern CHARACTER_SET = Pattern.compile("(.*?)(?: (?:character set|charset) (\\w+))?(?: collate (\\w+))?");

    /**
     * A type's character set and collation both said, as the catalog reader says them: a collation alone names its
     * character set ({@code utf8mb4_bin}: {@code utf8mb4}), a character set alone takes its default collation on this
     * server ({@code utf8mb4}: MySQL 8's {@code utf8mb4_0900_ai_ci}, MariaDB 10.11's {@code utf8mb4_general_ci}).
     */
    String withCharacterSet(String canonical) {
        Matcher m = CHARACTER_SET.matcher(canonical);
        if (!m.matches() || m.group(2) == null && m.group(3) == null) {
            return canonical;
        }
        String collation = m.group(3);
        String characterSet = m.group(2) != null ? m.group(2) : collation.substring(0, collation.indexOf('_') < 0 ? collation.length()
                : collation.indexOf('_'));
        if (collation == null) {
            collation = defaultCollation(characterSet);
        }
        return m.group(1) + " character set " + characterSet + " collate " + collation;
    }

    /** The collation a character set takes when none is named. */
    String defaultCollation(String characterSet) {
        return switch (characterSet) {
            case "utf8mb4" -> flavour.mariaDb() ? "utf8mb4_general_ci" : "utf8mb4_0900_ai_ci";
            case "latin1" -> "latin1_swedish_ci";
            case "binary" -> "binary";
            default -> characterSet + "_general_ci";
        };
    }

    /** An {@code enum(…)} or {@code set(…)} type as the server writes it (labels keep their case), or null for any other. */
    static String labelled(String sql) {
        Matcher m = Pattern.compile("(?is)\\s*(enum|set)\\s*\\((.*)\\)\\s*").matcher(sql);
        if (!m.matches()) {
            return null;
        }
        return m.group(1).toLowerCase(Locale.ROOT) + "(" + m.group(2).strip().replaceAll("'\\s*,\\s*'", "','") + ")";
    }

    /** A type name as the server stores it. */
    static String canonical(String sql) {
        String labels = labelled(sql);
        if (labels != null) {
            return labels;
        }
        String t = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*,\\s*", ",").replaceAll("\\s*\\(\\s*", "(")
                .replaceAll("\\s*\\)", ")");
        t = DISPLAY_WIDTH.matcher(t).replaceAll("$1");
        t = t.replaceAll("^(boolean|bool)$", "tinyint(1)").replaceAll("^integer\\b", "int").replaceAll("^(numeric|dec|fixed)\\b", "decimal")
                .replaceAll("^decimal$", "decimal(10,0)").replaceAll("^decimal\\((\\d+)\\)", "decimal($1,0)")
                .replaceAll("^(datetime|timestamp|time)\\(0\\)", "$1").replaceAll("^char$", "char(1)")
                .replaceAll("^(real|double precision)$", "double").replaceAll("^float\\((\\d+)\\)$", "float$1")
                .replaceAll("^bit$", "bit(1)");
        if (t.matches("float\\d+")) {
            t = Integer.parseInt(t.substring(5)) <= 24 ? "float" : "double";
        }
        return t;
    }
}
