package dev.retort.internal.runtime;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

import dev.retort.MigrationListener;
import dev.retort.command.RunResult;
import dev.retort.command.Step;
import dev.retort.command.Summary;

/** Reports progress through {@link System.Logger} (name {@code dev.retort}): a line per revision, one per run. */
public final class LoggingListener implements MigrationListener {

    private final Logger logger = System.getLogger("dev.retort");

    @Override
    public void lockWaiting(Duration timeout) {
        logger.log(Level.INFO, "Waiting up to {0}s for another migration run to finish", timeout.toSeconds());
    }

    @Override
    public void stepStarting(Step step) {
        if (!step.transactional()) {
            logger.log(Level.INFO, "Running {0} outside a transaction (non-transactional revision)", step.describe());
        }
    }

    @Override
    public void stepFinished(Step step, Duration elapsed) {
        logger.log(Level.INFO, "{0} {1} ({2} ms)", step.direction().label(), step.describe(), elapsed.toMillis());
    }

    @Override
    public void runFinished(RunResult result) {
        logger.log(Level.INFO, Summary.of(result));
    }
}
