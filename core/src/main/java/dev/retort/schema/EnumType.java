package dev.retort.schema;

import java.util.List;

/**
 * A named enum type, a type of its own in the schema (PostgreSQL's {@code create type … as enum}).
 *
 * @param schema its schema
 * @param name   its name
 * @param values its labels, in sort order
 */
public record EnumType(String schema, String name, List<String> values) {

    public EnumType {
        values = List.copyOf(values);
    }
}
