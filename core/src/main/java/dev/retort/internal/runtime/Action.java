package dev.retort.internal.runtime;

import dev.retort.operation.Operation;
import dev.retort.platform.SqlStatement;

/** One thing a step does, in order: a SQL statement, or JDBC code that only runs online. */
sealed interface Action permits Action.Sql, Action.Callback {

    /** What recorded the action when it is not the step's own migration (a callback, for messages), or null. */
    String origin();

    /**
     * A statement; {@code text} is how it reads in output and offline scripts.
     *
     * @param statement what is executed online
     * @param text      the statement with its parameters written in
     * @param origin    the callback that recorded it, or null
     */
    record Sql(SqlStatement statement, String text, String origin) implements Action {
        Sql(SqlStatement statement, String text) {
            this(statement, text, null);
        }
    }

    /**
     * JDBC work from {@code op.run(...)}.
     *
     * @param operation the recorded callback
     * @param origin    the callback that recorded it, or null
     */
    record Callback(Operation.RunJdbc operation, String origin) implements Action {
        Callback(Operation.RunJdbc operation) {
            this(operation, null);
        }
    }
}
