package dev.retort.schema;

import java.util.List;
import java.util.Objects;

import dev.retort.operation.DataType;

/**
 * A named structured type: a type of its own in the schema whose values hold named attributes, as a column's type
 * (PostgreSQL's {@code create type … as (…)}, what Hibernate declares for a {@code @Struct} embeddable). A database
 * without such types has none in its models; its platform leaves them out of its reader and its comparators.
 *
 * @param schema     its schema
 * @param name       its name, as the database stores it
 * @param attributes its attributes, in order (the order values are read and written in)
 */
public record CompositeType(String schema, String name, List<Attribute> attributes) {

    public CompositeType {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
    }

    /** {@code schema.name}, for messages. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /**
     * One attribute of a composite type.
     *
     * @param name its name, as the database stores it
     * @param type its type
     */
    public record Attribute(String name, DataType type) {
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }
}
