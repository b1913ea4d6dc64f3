package dev.retort.spring.boot.autoconfigure;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.retort.MigrationListener;
import dev.retort.command.RunResult;
import dev.retort.command.Step;
import dev.retort.command.Summary;

/**
 * Progress through the application's logging (logger {@code dev.retort}): a line per revision, one per run, as the
 * command line prints them. Commons Logging is what Spring itself logs with in Boot 3.5 and 4.0.
 */
final class SpringLoggingListener implements MigrationListener {

    private final Log log = LogFactory.getLog("dev.retort");

    @Override
    public void lockWaiting(Duration timeout) {
        log.info("Waiting up to " + timeout.toSeconds() + "s for another migration run to finish");
    }

    @Override
    public void lockAcquired(Duration waited) {
        // Only a real wait is news: taking a free lock takes some milliseconds too.
        if (waited.compareTo(Duration.ofSeconds(1)) >= 0) {
            log.info("Got the migration lock after " + waited.toMillis() + " ms");
        }
    }

    @Override
    public void stepStarting(Step step) {
        if (!step.transactional()) {
            log.info("Running " + step.describe() + " outside a transaction (non-transactional revision)");
        }
    }

    @Override
    public void stepFinished(Step step, Duration elapsed) {
        log.info(step.direction().label() + " " + step.describe() + " (" + elapsed.toMillis() + " ms)");
    }

    @Override
    public void note(String message) {
        log.info(message);
    }

    @Override
    public void runFinished(RunResult result) {
        log.info(Summary.of(result));
    }
}
