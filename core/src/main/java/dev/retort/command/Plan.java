package dev.retort.command;

import java.util.List;
import java.util.Set;

/**
 * The steps a target implies from given heads, worked out before anything is written: what {@code upgrade} or
 * {@code downgrade} would do, and what an offline script is rendered from.
 *
 * @param direction   up or down
 * @param target      the target as given
 * @param headsBefore where the database is (or is assumed to be)
 * @param headsAfter  where it would be afterwards
 * @param steps       the steps, in the order they would run
 * @param repeatables the repeatables an upgrade that reaches head applies after them, by name
 */
public record Plan(Direction direction, String target, Set<String> headsBefore, Set<String> headsAfter, List<Step> steps,
                   List<String> repeatables) {

    public Plan {
        headsBefore = Set.copyOf(headsBefore);
        headsAfter = Set.copyOf(headsAfter);
        steps = List.copyOf(steps);
        repeatables = List.copyOf(repeatables);
    }

    /** A plan without repeatables. */
    public Plan(Direction direction, String target, Set<String> headsBefore, Set<String> headsAfter, List<Step> steps) {
        this(direction, target, headsBefore, headsAfter, steps, List.of());
    }

    /** Whether the database is already where the target says, and no repeatable is pending. */
    public boolean nothingToDo() {
        return steps.isEmpty() && repeatables.isEmpty();
    }

    /** The ids of the revisions the plan applies or reverts, in order. */
    public List<String> revisions() {
        return steps.stream().map(s -> s.revision().id()).toList();
    }
}
