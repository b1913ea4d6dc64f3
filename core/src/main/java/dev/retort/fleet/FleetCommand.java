package dev.retort.fleet;

/** What a fleet run does on each target. */
public enum FleetCommand {
    /** Applies pending revisions up to head. */
    UPGRADE("upgrade"),
    /** The release step: production guard, validation, lint, upgrade to head, a check that it got there. */
    RELEASE("release"),
    /** Reads where each target is: at head, or behind with revisions pending. Writes nothing. */
    STATUS("status"),
    /** Fails a target unless it is at head with no edited migration and no revision this code does not know. Writes nothing. */
    CHECK("check"),
    /**
     * Lints the revisions each target has not applied yet, judged as the one run that would apply them there, with what
     * its schema holds (a table the target already has is an existing table; one the run creates holds no rows). A target
     * with an error no migration acknowledges fails. Writes nothing.
     */
    LINT("lint"),
    /**
     * Renders, per target, the SQL script of an upgrade from its current revision to head, for review
     * ({@link TargetResult#script()}). Executes nothing.
     */
    SQL("sql");

    private final String label;

    FleetCommand(String label) {
        this.label = label;
    }

    /** Its name on the command line. */
    public String label() {
        return label;
    }

    /** Whether it writes to the targets. */
    public boolean writes() {
        return this == UPGRADE || this == RELEASE;
    }
}
