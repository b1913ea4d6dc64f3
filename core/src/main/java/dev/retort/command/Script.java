package dev.retort.command;

/**
 * A plan written as SQL for review, executing nothing: per revision a comment, its statements and the
 * version-table bookkeeping, each transactional revision between {@code BEGIN} and {@code COMMIT}.
 *
 * @param plan the plan it was rendered from
 * @param sql  the script
 */
public record Script(Plan plan, String sql) {

    /** How many revisions the script applies or reverts. */
    public int revisionCount() {
        return plan.steps().size();
    }
}
