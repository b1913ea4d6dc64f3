package dev.retort;

import java.time.Duration;

import dev.retort.command.RunResult;
import dev.retort.command.Step;

/** Progress of a run, for output; every method does nothing by default. */
public interface MigrationListener {

    /** The lock is held by another run; this one waits at most {@code timeout}. */
    default void lockWaiting(Duration timeout) {
    }

    /** The run holds the lock after waiting {@code waited}. */
    default void lockAcquired(Duration waited) {
    }

    /** A step is about to run. */
    default void stepStarting(Step step) {
    }

    /** A statement was executed; {@code step} is null for the run's set-up statements. */
    default void statementExecuted(Step step, String sql) {
    }

    /** A step committed. */
    default void stepFinished(Step step, Duration elapsed) {
    }

    /** Something worth a line of output that is not a step: a dev database started, a fallback taken. */
    default void note(String message) {
    }

    /** The run ended without error. */
    default void runFinished(RunResult result) {
    }

    /** A listener that does nothing. */
    static MigrationListener none() {
        return new MigrationListener() {
        };
    }
}
