package dev.retort.schema;

import java.util.Map;

/**
 * A table both models hold: by the same name, or renamed.
 *
 * @param wanted         the table as the target describes it
 * @param existing       the table as the current model holds it, under its current name
 * @param renamedColumns its columns renamed by this comparison, current name to target name
 */
public record TablePair(Table wanted, Table existing, Map<String, String> renamedColumns) {

    public TablePair {
        renamedColumns = Map.copyOf(renamedColumns);
    }

    /** Whether the table itself is renamed. */
    public boolean renamed() {
        return !wanted.name().equals(existing.name());
    }
}
