package dev.retort.internal.runtime;

import java.util.List;

import dev.retort.command.Step;
import dev.retort.operation.Operation;

/**
 * A step's actions in parts. A step in a transaction runs them all in it, in order: {@code opening}, {@code before}
 * (the callbacks of {@code beforeEach}), {@code body}, {@code after} (those of {@code afterEach}), {@code closing}. One
 * outside a transaction runs {@code opening}, {@code before}, {@code body} and {@code after} in auto-commit, each action
 * of the body after the first preceded by its {@code progress} marker (the history row saying how far the step got),
 * and only {@code closing} (the version-table update) in a transaction.
 *
 * @param inTransaction whether the step runs in one transaction
 * @param progress      for each action of the body, the marker to run before it (null for the first, and for a step in a
 *                      transaction)
 * @param operations    the operations the body renders, in order
 * @param operationOf   for each action of the body, the position of its operation in {@code operations}
 */
record RenderedStep(Step step, boolean inTransaction, List<Action> opening, List<Action> before, List<Action> body, List<Action> progress,
                    List<Action> after, List<Action> closing, List<Operation> operations, List<Integer> operationOf) {

    /** A step of bookkeeping only (a stamp, a repair), in a transaction. */
    static RenderedStep bookkeeping(Step step, List<Action> closing) {
        return new RenderedStep(step, true, List.of(), List.of(), List.of(), List.of(), List.of(), closing, List.of(), List.of());
    }
}
