package dev.retort.command;

import java.time.Instant;

/**
 * One row of the history table.
 *
 * @param id          the row's sequence number
 * @param revision    the revision (for a stamp: the ids stamped, or {@code base})
 * @param direction   {@code up}, {@code down} or {@code stamp}
 * @param message     the revision's message when it ran
 * @param checksum    SHA-256 of the revision's upgrade SQL when it ran
 * @param appliedBy   the database user
 * @param appliedAt   when the step started
 * @param executionMs how long it took; null while it has not finished
 * @param success     whether it committed
 * @param progress    for a step run outside a transaction, the statement (from 1; null for 1) it had started last, the
 *                    ones before it having run and committed: while {@code executionMs} is null, the step was cut off and
 *                    that statement may have run too; once it is set, the step failed there and that statement did not run
 */
public record AppliedStep(long id, String revision, String direction, String message, String checksum, String appliedBy,
                          Instant appliedAt, Long executionMs, boolean success, Integer progress) {

    /**
     * Whether this is a step run outside a transaction that left part of itself applied: its run was cut off (the
     * statement it had started may have run too), or it failed after statements that committed.
     */
    public boolean unfinished() {
        return !success && ("up".equals(direction) || "down".equals(direction)) && (executionMs == null || started() > 1);
    }

    /** The statement (from 1) a step run outside a transaction had started last. */
    public int started() {
        return progress == null ? 1 : progress;
    }

    /** Whether the step was cut off (rather than failing), so its {@link #started()} statement may have run too. */
    public boolean cutOff() {
        return executionMs == null;
    }
}
