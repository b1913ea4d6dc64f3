package dev.retort.internal.runtime;

import java.util.List;

import dev.retort.Callback;
import dev.retort.internal.revision.MigrationClasses;
import dev.retort.internal.revision.PlaceholderValues;
import dev.retort.revision.RepeatableScript;
import dev.retort.revision.RevisionScript;

/**
 * What a run does beside the versioned revisions: the repeatables it applies again when their checksum changed, the
 * callbacks it runs at its events, and the values of the SQL files' placeholders.
 *
 * @param repeatables  the repeatables, ordered by name, each as the engine runs it (a revision without parents)
 * @param callbacks    the callbacks, in the order they run at an event
 * @param placeholders the placeholders' values
 */
public record RunExtras(List<RevisionScript> repeatables, List<Callback> callbacks, PlaceholderValues placeholders) {

    public RunExtras {
        repeatables = List.copyOf(repeatables);
        callbacks = List.copyOf(callbacks);
    }

    /** Repeatables, callbacks and placeholders as found and configured. */
    public static RunExtras of(List<RepeatableScript> repeatables, List<Callback> callbacks, PlaceholderValues placeholders) {
        return new RunExtras(repeatables.stream().map(MigrationClasses::asRevision).toList(), callbacks, placeholders);
    }

    /** Nothing beside the revisions. */
    public static RunExtras none() {
        return new RunExtras(List.of(), List.of(), PlaceholderValues.none());
    }

    /** The same without callbacks: a dev database's runs build the schema only, they do not grant or notify. */
    public RunExtras withoutCallbacks() {
        return new RunExtras(repeatables, List.of(), placeholders);
    }

    /** The repeatable of that name, or null. */
    public RevisionScript repeatable(String name) {
        return repeatables.stream().filter(r -> r.id().equals(name)).findFirst().orElse(null);
    }
}
