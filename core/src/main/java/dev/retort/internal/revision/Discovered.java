package dev.retort.internal.revision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.retort.Callback;
import dev.retort.revision.RepeatableScript;
import dev.retort.revision.RevisionScript;

/**
 * What a scan of the migrations found: the revisions, the repeatables and the callbacks.
 *
 * @param revisions   the versioned revisions, in no particular order
 * @param repeatables the repeatables, by name (case aside)
 * @param callbacks   the callbacks: files by name, then classes by name
 */
public record Discovered(List<RevisionScript> revisions, List<RepeatableScript> repeatables, List<Callback> callbacks) {

    public Discovered {
        revisions = List.copyOf(revisions);
        repeatables = repeatables.stream().sorted(Comparator.comparing(RepeatableScript::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(RepeatableScript::name)).toList();
        callbacks = List.copyOf(callbacks);
    }

    /** Revisions only. */
    static Discovered of(List<RevisionScript> revisions) {
        return new Discovered(revisions, List.of(), List.of());
    }

    /** This and another find together. */
    Discovered and(Discovered other) {
        List<RevisionScript> r = new ArrayList<>(revisions);
        r.addAll(other.revisions);
        List<RepeatableScript> p = new ArrayList<>(repeatables);
        p.addAll(other.repeatables);
        List<Callback> c = new ArrayList<>(other.callbacks);
        c.addAll(callbacks);
        return new Discovered(r, p, c);
    }
}
