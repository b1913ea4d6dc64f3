package dev.retort.command;

import java.time.Instant;

import dev.retort.revision.RevisionScript;

/**
 * A revision as {@code history}, {@code current} and {@code heads} show it.
 *
 * @param revision    the revision
 * @param head        no revision descends from it
 * @param current     the version table lists it
 * @param applied     it or a descendant is current
 * @param branchPoint two or more revisions descend directly from it
 * @param mergePoint  it joins two or more parents
 * @param appliedAt   when its last successful upgrade ran, if the history table knows
 * @param interrupted the history row of its step that ran outside a transaction and stopped part-way, leaving the
 *                    statements before its progress applied (the next upgrade or downgrade undoes them first); null
 *                    when there is none
 */
public record RevisionStatus(RevisionScript revision, boolean head, boolean current, boolean applied, boolean branchPoint,
                             boolean mergePoint, Instant appliedAt, AppliedStep interrupted) {

    /** A revision with no interrupted step. */
    public RevisionStatus(RevisionScript revision, boolean head, boolean current, boolean applied, boolean branchPoint,
                          boolean mergePoint, Instant appliedAt) {
        this(revision, head, current, applied, branchPoint, mergePoint, appliedAt, null);
    }
}
