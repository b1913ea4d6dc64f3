package dev.retort.command;

import java.time.Duration;
import java.util.List;

/**
 * What {@code verify} found running every revision on a throwaway database: one head; each revision upgraded, downgraded
 * and upgraded again (the stairway), the schema after each downgrade equal to the one before its upgrade; the schema at
 * head equal to the entities; each revision rendering the same SQL every time.
 *
 * @param revisions the revisions stepped through, oldest first
 * @param problems  what is wrong, each naming its revision and the difference; empty when verify passes
 * @param elapsed   how long it took
 * @param platforms the ids of the databases it ran on, the one at hand first
 * @param skipped   where the history serves several databases, each one it could not run on for want of a dev
 *                  database, as a sentence saying what to set (settings in braces, for
 *                  {@link dev.retort.config.SettingNames#render} to name as the entry point does)
 */
public record Verification(List<String> revisions, List<Problem> problems, Duration elapsed, List<String> platforms,
                           List<String> skipped) {

    public Verification {
        revisions = List.copyOf(revisions);
        problems = List.copyOf(problems);
        platforms = List.copyOf(platforms);
        skipped = List.copyOf(skipped);
    }

    /** A verification that ran on the database at hand alone, or stopped before running. */
    public Verification(List<String> revisions, List<Problem> problems, Duration elapsed) {
        this(revisions, problems, elapsed, List.of(), List.of());
    }

    /** Where it ran, for a summary line: {@code ""} on one database, else {@code " on postgresql, mariadb and h2"}. */
    public String where() {
        if (platforms.size() < 2) {
            return "";
        }
        return " on " + String.join(", ", platforms.subList(0, platforms.size() - 1)) + " and " + platforms.get(platforms.size() - 1);
    }

    /** Whether nothing is wrong. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
