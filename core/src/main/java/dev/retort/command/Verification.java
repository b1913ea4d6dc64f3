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
 */
public record Verification(List<String> revisions, List<Problem> problems, Duration elapsed) {

    public Verification {
        revisions = List.copyOf(revisions);
        problems = List.copyOf(problems);
    }

    /** Whether nothing is wrong. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
