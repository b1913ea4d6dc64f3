package dev.retort.operation;

import java.util.List;

/**
 * One schema or data change recorded by a migration. Operations are plain data, so they can be
 * rendered to SQL, compared, checksummed and written back as Java source.
 */
public sealed interface Operation permits Operation.ExecuteSql, Operation.RunJdbc {

    /**
     * Literal SQL, optionally with {@code ?} bind parameters.
     *
     * @param sql        the statement
     * @param parameters values bound to its {@code ?} markers, in order
     */
    record ExecuteSql(String sql, List<Object> parameters) implements Operation {
        public ExecuteSql {
            if (sql == null || sql.isBlank()) {
                throw new IllegalArgumentException("execute() needs a SQL statement; it was empty.");
            }
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * Arbitrary JDBC work on the migration's connection (inside the revision's transaction when it has one).
     *
     * @param description shown in output and in offline scripts, where the work cannot be rendered
     * @param work        the callback
     */
    record RunJdbc(String description, JdbcWork work) implements Operation {
    }
}
