package dev.retort.command;

/** Which way a step moves the database, as recorded in the history table. */
public enum Direction {
    /** Applying a revision's upgrade. */
    UP("up"),
    /** Applying a revision's downgrade. */
    DOWN("down"),
    /** Writing the version table without running any migration. */
    STAMP("stamp"),
    /** Recording the current checksum of a migration edited on purpose after it ran. */
    REPAIR("repair");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The lower-case word stored in the history table. */
    public String label() {
        return label;
    }
}
