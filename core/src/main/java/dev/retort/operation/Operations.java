package dev.retort.operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The DSL a migration's {@code upgrade} and {@code downgrade} write to. Each call records an
 * {@link Operation}; nothing touches the database until the runtime renders and runs them.
 */
public final class Operations {

    private final List<Operation> recorded = new ArrayList<>();

    /** Creates an empty recorder. */
    public Operations() {
    }

    /**
     * Runs literal SQL. Values for {@code ?} markers are bound as parameters online and written as
     * quoted literals in offline scripts, so user data never becomes part of the SQL text.
     */
    public Operations execute(String sql, Object... parameters) {
        return add(new Operation.ExecuteSql(sql, parameters == null ? List.of() : Arrays.asList(parameters)));
    }

    /** Runs JDBC code on the migration's connection, for data migrations SQL alone cannot express. */
    public Operations run(String description, JdbcWork work) {
        if (work == null) {
            throw new IllegalArgumentException("run() needs a JDBC callback; it was null.");
        }
        return add(new Operation.RunJdbc(description == null || description.isBlank() ? "JDBC callback" : description, work));
    }

    /** Same as {@link #run(String, JdbcWork)} with a generic description. */
    public Operations run(JdbcWork work) {
        return run("JDBC callback", work);
    }

    /** Records an operation built elsewhere (the typed DSL methods all end here). */
    public Operations add(Operation operation) {
        recorded.add(operation);
        return this;
    }

    /** The operations recorded so far, in call order. */
    public List<Operation> recorded() {
        return Collections.unmodifiableList(recorded);
    }
}
