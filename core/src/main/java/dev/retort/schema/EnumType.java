package dev.retort.schema;

import java.util.List;

/**
 * A PostgreSQL enum type.
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
