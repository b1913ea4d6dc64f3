package dev.retort.operation;

import java.util.Objects;

/**
 * A sequence definition; null options keep the database's defaults.
 *
 * @param schema    schema, or null for the search path
 * @param name      the sequence name
 * @param options   start, increment, bounds, cache, cycle
 * @param ownedBy   {@code table.column} the sequence belongs to, or null
 */
public record Sequence(String schema, String name, SequenceOptions options, String ownedBy) {

    public Sequence {
        Objects.requireNonNull(name, "sequence name");
        options = options == null ? SequenceOptions.NONE : options;
    }
}
