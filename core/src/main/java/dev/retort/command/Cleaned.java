package dev.retort.command;

import java.time.Duration;
import java.util.List;

import dev.retort.platform.DatabaseObject;

/**
 * What {@code clean} dropped.
 *
 * @param schemas the schemas it emptied (they stay, empty)
 * @param dropped every object it dropped, Retort's own tables included, as the platform listed them
 * @param elapsed how long it took, the lock wait included
 */
public record Cleaned(List<String> schemas, List<DatabaseObject> dropped, Duration elapsed) {

    public Cleaned {
        schemas = List.copyOf(schemas);
        dropped = List.copyOf(dropped);
    }

    /** {@code Cleaned schema app: dropped 7 objects in 41 ms.}, or that there was nothing to drop. */
    public String summary() {
        String where = (schemas.size() == 1 ? "schema " : "schemas ") + String.join(", ", schemas);
        return dropped.isEmpty() ? "Nothing to clean: " + where + (schemas.size() == 1 ? " is" : " are") + " empty."
                : "Cleaned " + where + ": dropped " + dropped.size() + (dropped.size() == 1 ? " object" : " objects") + " in "
                + elapsed.toMillis() + " ms.";
    }
}
