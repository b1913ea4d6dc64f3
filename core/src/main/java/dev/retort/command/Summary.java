package dev.retort.command;

import dev.retort.command.Heads;
import dev.retort.command.RunResult;

/** The one-line summary of a run, shared by every front end. */
public final class Summary {

    private Summary() {
    }

    /** For example {@code "Upgraded 3 revisions in 41 ms; now at c3d4e5f6a7b8."} or {@code "Nothing to do: already at ..."}. */
    public static String of(RunResult result) {
        long repeated = result.steps().stream().filter(s -> s.step().direction() == Direction.REPEAT).count();
        if (result.nothingToDo()) {
            return result.direction() == Direction.REPAIR ? "Nothing to repair: every applied migration matches its recorded checksum, "
                    + "and no revision stands partly applied."
                    : "Nothing to do: the database is already at " + Heads.describe(result.headsAfter()) + ".";
        }
        int n = (int) (result.steps().size() - repeated);
        String repeatables = repeated + (repeated == 1 ? " repeatable" : " repeatables");
        String verb = switch (result.direction()) {
            case UP, REPEAT -> n == 0 ? "Applied " + repeatables
                    : "Upgraded " + n + (n == 1 ? " revision" : " revisions") + (repeated == 0 ? "" : " and applied " + repeatables);
            case DOWN -> "Downgraded " + n + (n == 1 ? " revision" : " revisions");
            case STAMP -> "Stamped the version table";
            case REPAIR -> "Repaired the history of " + n + (n == 1 ? " revision" : " revisions")
                    + " (the current checksum of an edited migration recorded, an interrupted attempt cleared)";
            case UNDO -> "Undid the interrupted attempts of " + n + (n == 1 ? " revision" : " revisions");
        };
        return verb + " in " + result.elapsed().toMillis() + " ms; now at " + Heads.describe(result.headsAfter()) + ".";
    }
}
