package dev.retort.internal.hibernate.reader;

import org.hibernate.type.BasicType;
import org.hibernate.type.SqlTypes;

import dev.retort.operation.DataType;
import dev.retort.operation.Types;

/**
 * The portable type beside a database's own, for a column whose mapping is neutral: Hibernate writes a {@code @Lob}
 * String as PostgreSQL's {@code oid} and MariaDB's {@code longtext}, and a history generated on one database must give
 * the others their form. The JDBC type of the mapping says what the column is, whatever the dialect calls it.
 */
final class PortableForms {

    private PortableForms() {
    }

    /**
     * The type as the platform parsed it, with the portable form of the column's JDBC type where the platform's is its
     * own (raw SQL, or its specific type with no portable form); unchanged otherwise.
     */
    static DataType withPortableForm(DataType parsed, org.hibernate.mapping.Column column, String platform) {
        DataType portable = portableForm(column);
        if (portable == null) {
            return parsed;
        }
        if (parsed instanceof DataType.Raw raw) {
            return new DataType.Specific(platform, raw.sql(), portable);
        }
        if (parsed instanceof DataType.Specific specific && specific.portable() == null) {
            return new DataType.Specific(specific.platform(), specific.sql(), portable);
        }
        return parsed;
    }

    /** The portable type of the column's JDBC type, or null when it has none or the column is not of one basic value. */
    private static DataType portableForm(org.hibernate.mapping.Column column) {
        int code;
        try {
            if (!(column.getValue().getType() instanceof BasicType<?> basic) || column.getValue().getColumnSpan() != 1) {
                return null;
            }
            code = basic.getJdbcType().getDdlTypeCode();
        } catch (RuntimeException e) {
            return null; // a mapping whose type cannot be resolved alone keeps the dialect's type
        }
        return switch (code) {
            case SqlTypes.CLOB, SqlTypes.NCLOB, SqlTypes.LONGVARCHAR, SqlTypes.LONGNVARCHAR, SqlTypes.LONG32VARCHAR,
                 SqlTypes.LONG32NVARCHAR -> Types.text();
            case SqlTypes.BLOB, SqlTypes.LONGVARBINARY, SqlTypes.LONG32VARBINARY -> Types.binary();
            case SqlTypes.UUID -> Types.uuid();
            case SqlTypes.JSON -> Types.json();
            default -> null;
        };
    }
}
