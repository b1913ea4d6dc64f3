package dev.retort.demo;

import java.time.Duration;

import dev.retort.MigrationListener;
import dev.retort.command.Step;

/** Prints a line per revision with its time, as the plugin will. */
final class ConsoleListener implements MigrationListener {

    @Override
    public void lockWaiting(Duration timeout) {
        System.out.println("  waiting up to " + timeout.toSeconds() + "s for another migration run");
    }

    @Override
    public void stepStarting(Step step) {
        if (!step.transactional()) {
            System.out.println("  (running " + step.revision().id() + " outside a transaction)");
        }
    }

    @Override
    public void stepFinished(Step step, Duration elapsed) {
        System.out.printf("  %-5s %-60s %5d ms%n", step.direction().label(), step.describe(), elapsed.toMillis());
    }
}
