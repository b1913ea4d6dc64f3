package dev.retort.command;

import java.util.Set;

import dev.retort.command.Heads;
import dev.retort.revision.RevisionScript;

/**
 * One unit of a run: a revision applied or reverted, or a stamp.
 *
 * @param direction   up, down or stamp
 * @param revision    the revision, or null for a stamp
 * @param headsBefore the version table's rows before the step
 * @param headsAfter  the version table's rows after it
 */
public record Step(Direction direction, RevisionScript revision, Set<String> headsBefore, Set<String> headsAfter) {

    public Step {
        headsBefore = Set.copyOf(headsBefore);
        headsAfter = Set.copyOf(headsAfter);
    }

    /** Whether the step's statements share one transaction with its version-table update. */
    public boolean transactional() {
        return revision == null || revision.transactional();
    }

    /**
     * A short description: {@code "a1b2 -> c3d4, add email"} for an upgrade, {@code "base -> c3d4"} for a stamp. Every
     * printer puts the direction before it, so it does not name the direction itself.
     */
    public String describe() {
        if (revision == null) {
            return Heads.describe(headsBefore) + " -> " + Heads.describe(headsAfter);
        }
        String arrow = switch (direction) {
            case UP -> Heads.describe(revision.parents()) + " -> " + revision.id();
            case DOWN -> revision.id() + " -> " + Heads.describe(revision.parents());
            case STAMP, REPAIR, UNDO, REPEAT -> revision.id();
        };
        return arrow + (revision.message().isEmpty() ? "" : ", " + revision.message());
    }
}
