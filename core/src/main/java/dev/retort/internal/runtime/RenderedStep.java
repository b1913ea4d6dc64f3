package dev.retort.internal.runtime;

import java.util.List;

import dev.retort.command.Step;

/**
 * A step's actions in three parts. A transactional step runs all three in one transaction; a
 * non-transactional one runs {@code opening} and {@code body} in auto-commit and only {@code closing}
 * (the version-table update) in a transaction.
 */
record RenderedStep(Step step, List<Action> opening, List<Action> body, List<Action> closing) {
}
