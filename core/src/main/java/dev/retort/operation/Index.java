package dev.retort.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An index definition.
 *
 * @param schema       schema of the table (and so of the index), or null for the search path
 * @param name         the index name
 * @param table        the indexed table
 * @param elements     columns or expressions, in order
 * @param unique       {@code UNIQUE}
 * @param method       access method ({@code btree}, {@code gin}, {@code gist}, {@code hash}, {@code brin}); null for the default
 * @param where        predicate of a partial index, or null
 * @param concurrently built or dropped {@code CONCURRENTLY} (the revision must be non-transactional)
 */
public record Index(String schema, String name, String table, List<Element> elements, boolean unique, String method, String where,
                    boolean concurrently) {

    public Index {
        Objects.requireNonNull(name, "index name");
        Objects.requireNonNull(table, "table of index " + name);
        elements = List.copyOf(elements);
        if (method != null && !method.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Index method '" + method + "' is not a valid access method name.");
        }
    }

    /**
     * One indexed column or expression.
     *
     * @param text       the column name, or the expression's SQL
     * @param expression whether {@code text} is an expression rather than a column name
     * @param descending {@code DESC}
     */
    public record Element(String text, boolean expression, boolean descending) {

        /** A column, ascending. */
        public static Element column(String name) {
            return new Element(name, false, false);
        }

        /** An expression, e.g. {@code lower(email)}. */
        public static Element expression(String sql) {
            return new Element(sql, true, false);
        }

        /** The same element, descending. */
        public Element desc() {
            return new Element(text, expression, true);
        }
    }

    static List<Element> columns(String... columns) {
        List<Element> list = new ArrayList<>();
        for (String column : columns) {
            list.add(Element.column(column));
        }
        return list;
    }

    Index with(List<Element> newElements, boolean newUnique, String newMethod, String newWhere, boolean newConcurrently) {
        return new Index(schema, name, table, newElements, newUnique, newMethod, newWhere, newConcurrently);
    }
}
