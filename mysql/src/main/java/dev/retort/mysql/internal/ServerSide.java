package dev.retort.mysql.internal;

import java.util.List;

import dev.retort.platform.SqlStatement;

/**
 * A statement the server writes itself, from what its catalog says when it runs: where MariaDB and MySQL need what an
 * operation does not carry (the whole column for {@code MODIFY}, the table of an index to drop), Retort asks
 * {@code information_schema} at that moment, so the statement restates exactly what is there. Four statements: the
 * query into a session variable, then {@code PREPARE}, {@code EXECUTE} and {@code DEALLOCATE PREPARE}, which run in the
 * mysql client as they do online.
 */
final class ServerSide {

    private static final String VARIABLE = "@retort_ddl";
    private static final String STATEMENT = "retort_ddl";

    private ServerSide() {
    }

    /**
     * The statements that run what {@code query} (one row, one string column) writes; {@code missing} runs when it
     * finds no row.
     */
    static List<SqlStatement> run(String query, String missing) {
        return List.of(SqlStatement.of("SET " + VARIABLE + " = COALESCE((" + query + "), " + MySqlDialect.quote(missing) + ")"),
                SqlStatement.of("PREPARE " + STATEMENT + " FROM " + VARIABLE),
                SqlStatement.of("EXECUTE " + STATEMENT),
                SqlStatement.of("DEALLOCATE PREPARE " + STATEMENT));
    }

    /** A statement that fails with the message, as the server's own errors do: {@code SIGNAL SQLSTATE …}. */
    static String fail(String sqlState, String message) {
        return "SIGNAL SQLSTATE '" + sqlState + "' SET MESSAGE_TEXT = " + MySqlDialect.quote(message);
    }

    /** A statement that does nothing, for an {@code IF EXISTS} that finds nothing. */
    static String nothing() {
        return "DO 0";
    }
}
