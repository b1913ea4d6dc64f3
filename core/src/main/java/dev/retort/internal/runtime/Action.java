package dev.retort.internal.runtime;

import dev.retort.operation.Operation;
import dev.retort.platform.SqlStatement;

/** One thing a step does, in order: a SQL statement, or JDBC code that only runs online. */
sealed interface Action permits Action.Sql, Action.Callback {

    /**
     * A statement; {@code text} is how it reads in output and offline scripts.
     *
     * @param statement what is executed online
     * @param text      the statement with its parameters written in
     */
    record Sql(SqlStatement statement, String text) implements Action {
    }

    /**
     * JDBC work from {@code op.run(...)}.
     *
     * @param operation the recorded callback
     */
    record Callback(Operation.RunJdbc operation) implements Action {
    }
}
