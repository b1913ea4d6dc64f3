package dev.retort.fleet;

import java.time.Duration;
import java.util.List;

import dev.retort.command.Script;
import dev.retort.lint.LintReport;

/**
 * What a fleet run did on one target.
 *
 * @param target  the target
 * @param from    its revisions before (empty at base; null when they could not be read)
 * @param to      its revisions after (for status and check: the heads it lacks, else where it is; for sql: where the
 *                script takes it; null when unknown)
 * @param applied how many revisions the run applied (for lint: linted; for sql: in the script)
 * @param time    how long the target took
 * @param outcome how it ended
 * @param message why it failed or was skipped, or a note; null otherwise
 * @param lint    what {@link FleetCommand#LINT} found on the target; null for other commands, or when it was at head or failed
 *                before linting
 * @param script  the script {@link FleetCommand#SQL} rendered for the target; null for other commands, or when it was at
 *                head or failed
 */
public record TargetResult(Target target, List<String> from, List<String> to, int applied, Duration time, Outcome outcome, String message,
                           LintReport lint, Script script) {

    /** How a target ended. */
    public enum Outcome {
        /** Revisions were applied; it is at head. */
        MIGRATED("migrated"),
        /** It was at head already: nothing to do. */
        AT_HEAD("at head"),
        /** It is behind head (status); nothing was run. */
        BEHIND("behind"),
        /** Its pending revisions were linted with no error left open (lint); nothing was run. */
        LINTED("linted"),
        /** The script of its upgrade to head was rendered (sql); nothing was run. */
        SCRIPTED("scripted"),
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

    /** A result of a command that neither lints nor renders a script. */
    public TargetResult(Target target, List<String> from, List<String> to, int applied, Duration time, Outcome outcome, String message) {
        this(target, from, to, applied, time, outcome, message, null, null);
    }

    /** Whether it counts against the fleet: failed or skipped. */
    public boolean failed() {
        return outcome == Outcome.FAILED || outcome == Outcome.SKIPPED;
    }
}
