package dev.retort.command;

import java.util.List;

import dev.retort.schema.Change;

/**
 * What {@code check} found: the problems of {@code validate}, whether the database is at head, and the
 * changes that would bring the schema the migrations produce to the schema the entities describe.
 *
 * @param problems what is wrong, drift included; empty when the check passes
 * @param drift    the changes found between the migrations' schema and the entities; empty when they agree
 * @param checks   which checks ran against which database, one sentence each, for people
 */
public record CheckResult(List<Problem> problems, List<Change> drift, List<String> checks) {

    public CheckResult {
        problems = List.copyOf(problems);
        drift = List.copyOf(drift);
        checks = List.copyOf(checks);
    }

    /** Whether nothing is wrong. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
