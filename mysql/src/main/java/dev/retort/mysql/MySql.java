package dev.retort.mysql;

import java.util.List;
import java.util.stream.Collectors;

import dev.retort.operation.DataType;
import dev.retort.operation.Types;

/**
 * The types only MariaDB and MySQL have, for migrations that use them:
 * {@code column("status", MySql.enumOf("DRAFT", "PUBLISHED"))}, {@code column("body", MySql.type("mediumtext", text()))}.
 * Each carries the portable type other databases use instead ({@link DataType.Specific}), so one history can still run
 * on PostgreSQL.
 */
public final class MySql {

    /** The id of the MariaDB platform, as settings and {@link DataType.Specific} name it. */
    public static final String MARIADB = "mariadb";
    /** The id of the MySQL platform. */
    public static final String MYSQL = "mysql";

    private MySql() {
    }

    /** A native {@code ENUM('A','B')} column type, as Hibernate writes it for {@code @Enumerated(STRING)}; {@code varchar(255)} elsewhere. */
    public static DataType enumOf(String... labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("An ENUM type needs at least one label.");
        }
        String list = List.of(labels).stream().map(l -> "'" + l.replace("\\", "\\\\").replace("'", "''") + "'").collect(Collectors.joining(","));
        return new DataType.Specific(MARIADB, "enum(" + list + ")", Types.varchar(255));
    }

    /** Another MariaDB or MySQL type as the server writes it ({@code mediumtext}, {@code tinyint}, {@code year}), with its portable form. */
    public static DataType type(String sql, DataType portable) {
        return new DataType.Specific(MARIADB, sql, portable);
    }

    /** {@code longtext} (4 GB), the text of {@code @Lob String}; the portable {@code text} is rendered so too. */
    public static DataType longtext() {
        return type("longtext", Types.text());
    }

    /** {@code bit(1)}, Hibernate's boolean on MariaDB and MySQL; {@code boolean} elsewhere. */
    public static DataType bit() {
        return type("bit(1)", Types.bool());
    }
}
