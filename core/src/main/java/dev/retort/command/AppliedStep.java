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
 */
public record AppliedStep(long id, String revision, String direction, String message, String checksum, String appliedBy,
                          Instant appliedAt, Long executionMs, boolean success) {
}
