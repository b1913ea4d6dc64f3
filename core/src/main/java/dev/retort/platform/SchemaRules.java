package dev.retort.platform;

import java.util.Set;

import dev.retort.operation.DataType;

/**
 * A database's rules for what counts as the same schema: type names as it reports them, expressions as it
 * rewrites them, which conversions can lose data, and the names it gives objects nobody named.
 */
public interface SchemaRules {

    /** The type for a SQL type name as the catalog or Hibernate writes it; anything unknown comes back as {@link DataType.Raw}. */
    DataType parseType(String sqlType);

    /** Whether two types are the same to the database (e.g. a timestamp without precision and one of the default precision). */
    boolean sameType(DataType a, DataType b);

    /** Whether two SQL expressions (defaults, checks, index predicates) say the same once the database has rewritten them. */
    boolean sameExpression(String a, String b);

    /**
     * How a column's values convert from one type to another: the expression to write where the database needs one,
     * whether the table is rewritten, and what can happen to the values.
     *
     * @param column the column, for the expression
     */
    Conversion conversion(String column, DataType from, DataType to);

    /** The longest identifier the database keeps, in bytes of UTF-8; a longer name is cut (PostgreSQL: 63, silently). */
    int maxIdentifierBytes();

    /** A name as the database stores it: unquoted names folded the way the database folds them. */
    String storedName(String name, boolean quoted);

    /**
     * The name the database gives an unnamed object of a table, e.g. PostgreSQL's {@code book_pkey} or
     * {@code book_price_check}.
     *
     * @param table  the table
     * @param column the column(s) part, or null
     * @param label  what kind of object ({@code pkey}, {@code key}, {@code check}, {@code fkey}, {@code seq})
     */
    String objectName(String table, String column, String label);

    /** The name, or with a number added to it as the database does, so it is not already taken; the result is added to {@code taken}. */
    String uniqueName(String name, Set<String> taken);

    /**
     * The default a column of an auto-incrementing shorthand type gets from the database (PostgreSQL's {@code serial}:
     * the next value of the sequence it creates for the column), as the catalog reports it; null where the database
     * has no such types.
     *
     * @param schema the table's schema
     * @param table  the table
     * @param column the column
     */
    default String serialDefault(String schema, String table, String column) {
        return null;
    }
}
