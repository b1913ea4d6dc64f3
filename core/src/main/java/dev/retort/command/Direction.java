package dev.retort.command;

/** Which way a step moves the database, as recorded in the history table. */
public enum Direction {
    /** Applying a revision's upgrade. */
    UP("up"),
    /** Applying a revision's downgrade. */
    DOWN("down"),
    /** Writing the version table without running any migration. */
    STAMP("stamp"),
    /** Recording the current checksum of a migration edited on purpose after it ran, or clearing an interrupted step by hand. */
    REPAIR("repair"),
    /**
     * Undoing what a step that ran outside a transaction applied before it failed or was interrupted, so the database is
     * back where the step started and the step can run whole again.
     */
    UNDO("undo"),
    /** Applying a repeatable revision again because its checksum changed since it last ran (or it never ran). */
    REPEAT("repeat");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The lower-case word stored in the history table. */
    public String label() {
        return label;
    }
}
