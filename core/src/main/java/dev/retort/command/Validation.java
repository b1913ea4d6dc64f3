package dev.retort.command;

import java.util.List;

/**
 * What {@code validate} found: the graph has one head, the database is at no revision the code does not
 * know, and no applied migration was edited.
 *
 * @param problems what is wrong; empty when all is well
 */
public record Validation(List<Problem> problems) {

    public Validation {
        problems = List.copyOf(problems);
    }

    /** Whether nothing is wrong. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
