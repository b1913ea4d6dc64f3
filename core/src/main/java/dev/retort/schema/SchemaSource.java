package dev.retort.schema;

import dev.retort.platform.Platform;

/**
 * Where a target schema comes from for {@code generate} and {@code check}: the application's entities (the
 * Hibernate reader is one), or anything else that can describe a schema. Core knows nothing of JPA.
 */
@FunctionalInterface
public interface SchemaSource {

    /**
     * Reads the schema.
     *
     * @param platform the database's rules for type names and default object names
     * @throws dev.retort.RetortException when it cannot be read, saying why
     */
    SchemaModel read(Platform platform);

    /** What the source is, for messages: {@code the entities}. */
    default String describe() {
        return "the entities";
    }

    /** A source that always gives this model. */
    static SchemaSource of(SchemaModel model) {
        return platform -> model;
    }
}
