package dev.retort.fleet;

import java.time.Duration;
import java.util.List;

/**
 * What a fleet run did on one target.
 *
 * @param target  the target
 * @param from    its revisions before (empty at base; null when they could not be read)
 * @param to      its revisions after (for status and check: the heads it lacks, else where it is; null when unknown)
 * @param applied how many revisions the run applied
 * @param time    how long the target took
 * @param outcome how it ended
 * @param message why it failed or was skipped, or a note; null otherwise
 */
public record TargetResult(Target target, List<String> from, List<String> to, int applied, Duration time, Outcome outcome, String message) {

    /** How a target ended. */
    public enum Outcome {
        /** Revisions were applied; it is at head. */
        MIGRATED("migrated"),
        /** It was at head already: nothing to do. */
        AT_HEAD("at head"),
        /** It is behind head (status); nothing was run. */
        BEHIND("behind"),
        /** It failed: the message says why and where it stopped. */
        FAILED("FAILED"),
        /** It was not started: fail-fast, or a canary failed. */
        SKIPPED("skipped");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** How the summary prints it. */
        public String label() {
            return label;
        }
    }

    /** Copies the lists. */
    public TargetResult {
        from = from == null ? null : List.copyOf(from);
        to = to == null ? null : List.copyOf(to);
    }

    /** Whether it counts against the fleet: failed or skipped. */
    public boolean failed() {
        return outcome == Outcome.FAILED || outcome == Outcome.SKIPPED;
    }
}
