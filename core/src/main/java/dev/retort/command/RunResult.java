package dev.retort.command;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a run did.
 *
 * @param direction   up, down or stamp
 * @param steps       the steps applied, in order, with their durations
 * @param headsBefore the version table before the run
 * @param headsAfter  the version table after it
 * @param elapsed     wall time of the whole run, lock wait included
 */
public record RunResult(Direction direction, List<StepResult> steps, Set<String> headsBefore, Set<String> headsAfter,
                        Duration elapsed) {

    public RunResult {
        steps = List.copyOf(steps);
        headsBefore = Set.copyOf(headsBefore);
        headsAfter = Set.copyOf(headsAfter);
    }

    /** Whether the database was already where the target says. */
    public boolean nothingToDo() {
        return steps.isEmpty();
    }

    /**
     * One applied step.
     *
     * @param step    the step
     * @param elapsed how long it took
     */
    public record StepResult(Step step, Duration elapsed) {
    }
}
