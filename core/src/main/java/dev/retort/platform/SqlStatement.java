package dev.retort.platform;

import java.util.List;

/**
 * One SQL statement ready to run: text with {@code ?} markers and the values bound to them.
 *
 * @param sql        the statement text, without a trailing semicolon
 * @param parameters the values for its {@code ?} markers, in order
 */
public record SqlStatement(String sql, List<Object> parameters) {

    public SqlStatement {
        parameters = parameters == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }

    /** A statement without parameters. */
    public static SqlStatement of(String sql) {
        return new SqlStatement(sql, List.of());
    }
}
