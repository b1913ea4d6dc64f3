package dev.retort.dialect;

import java.util.List;

import dev.retort.operation.Operation;

/** Renders operations to the SQL of one database. */
public interface Dialect {

    /**
     * The statements that carry out an operation. {@link Operation.RunJdbc} renders to nothing:
     * it is code, run online only.
     */
    List<SqlStatement> render(Operation operation);

    /** An identifier, quoted only where the database needs it. */
    String identifier(String name);

    /** A schema-qualified name; a null or empty schema means the connection's search path. */
    default String qualified(String schema, String name) {
        return schema == null || schema.isEmpty() ? identifier(name) : identifier(schema) + "." + identifier(name);
    }

    /** A value written as a SQL literal, safe to embed in a script. */
    String literal(Object value);

    /** The statement with its parameters written in as literals, as it appears in an offline script. */
    String inline(SqlStatement statement);
}
