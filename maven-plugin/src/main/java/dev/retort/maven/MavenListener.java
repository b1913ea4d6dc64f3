package dev.retort.maven;

import java.time.Duration;

import org.apache.maven.plugin.logging.Log;

import dev.retort.MigrationListener;
import dev.retort.command.Step;

/** Progress through Maven's logger: a line per revision with its time. */
final class MavenListener implements MigrationListener {

    private final Log log;

    MavenListener(Log log) {
        this.log = log;
    }

    @Override
    public void lockWaiting(Duration timeout) {
        log.info("Another migration run holds the lock; waiting up to " + timeout.toSeconds() + "s.");
    }

    @Override
    public void stepStarting(Step step) {
        if (!step.transactional()) {
            log.info("Running " + (step.revision() == null ? "stamp" : step.revision().id()) + " outside a transaction (non-transactional revision).");
        }
    }

    @Override
    public void note(String message) {
        log.info(message);
    }

    @Override
    public void stepFinished(Step step, Duration elapsed) {
        log.info(String.format("%-5s %s (%d ms)", step.direction().label(), step.describe(), elapsed.toMillis()));
    }
}
