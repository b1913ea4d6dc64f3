package dev.retort.lint;

import dev.retort.command.Direction;

/**
 * One danger a lint rule found in one operation of a revision.
 *
 * @param rule            the rule's id, e.g. {@code set-not-null}; the id an acknowledgement names
 * @param severity        how bad it is
 * @param revision        the revision's id, or null for a revision not written yet (while generating)
 * @param direction       whether the operation is in the upgrade or the downgrade
 * @param operationIndex  the operation's position in that list, from 0
 * @param operation       the operation as its first SQL statement reads, or the part of it the finding is about (a column)
 * @param problem         why it is dangerous on the database: which lock, whether it rewrites or scans, what fails
 * @param safeAlternative what to write instead
 * @param acknowledgement the reason given where the migration accepts this finding, or null
 * @param platform        the database it was found for where a history serves several ({@code platforms}) and it is not the
 *                        one the command runs against; null otherwise
 */
public record Finding(String rule, Severity severity, String revision, Direction direction, int operationIndex, String operation,
                      String problem, String safeAlternative, String acknowledgement, String platform) {

    /** A finding on the database the command runs against. */
    public Finding(String rule, Severity severity, String revision, Direction direction, int operationIndex, String operation,
                   String problem, String safeAlternative, String acknowledgement) {
        this(rule, severity, revision, direction, operationIndex, operation, problem, safeAlternative, acknowledgement, null);
    }

    /** Whether the migration accepts this finding deliberately ({@code op.acknowledge(rule, reason)}). */
    public boolean acknowledged() {
        return acknowledgement != null;
    }

    /** The finding with the migration's reason for accepting it. */
    public Finding acknowledge(String reason) {
        return new Finding(rule, severity, revision, direction, operationIndex, operation, problem, safeAlternative, reason, platform);
    }

    /** The finding as found for another database of the history's ({@code platforms}). */
    public Finding on(String platformId) {
        return new Finding(rule, severity, revision, direction, operationIndex, operation, problem, safeAlternative, acknowledgement,
                platformId);
    }

    /** Where: {@code 3fa9c1b27d4e upgrade #2}. */
    public String location() {
        return (platform == null ? "" : "on " + platform + ", ") + (revision == null ? "new revision" : revision) + " "
                + direction.label() + "grade #" + (operationIndex + 1);
    }

    /** One paragraph: severity, rule, where, the operation, why, and what to do instead. */
    public String describe() {
        return severity.label() + " " + rule + " (" + location() + ": " + operation + "): " + problem + " Safe: " + safeAlternative
                + (acknowledged() ? " Acknowledged: " + acknowledgement : "");
    }

    /**
     * The finding as every entry point prints it, one line:
     * {@code LINT error not-null-without-default (3fa9c1b27d4e upgrade #1: ALTER TABLE …): why. Safe: what instead}.
     */
    public String line() {
        return "LINT " + describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
