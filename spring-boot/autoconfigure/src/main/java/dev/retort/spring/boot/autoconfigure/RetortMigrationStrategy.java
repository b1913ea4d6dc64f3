package dev.retort.spring.boot.autoconfigure;

import java.util.List;
import java.util.Set;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.Heads;
import dev.retort.command.Problem;
import dev.retort.command.Validation;

/**
 * What start-up does with the database, before JPA starts. Without a bean of this type it upgrades to
 * {@code retort.target}; declare one to do something else, for instance {@link #validateOnly()} where a release step
 * migrates and the application should only refuse to start against a database its migrations do not match.
 */
@FunctionalInterface
public interface RetortMigrationStrategy {

    /**
     * Runs at start-up; an exception stops the application, with its message as the cause.
     *
     * @param retort the loaded Retort on the configured database
     * @param target {@code retort.target}
     */
    void migrate(Retort retort, String target);

    /** Upgrades to {@code retort.target} (head by default): the default. */
    static RetortMigrationStrategy upgrade() {
        return (retort, target) -> retort.upgrade(target);
    }

    /**
     * Writes nothing: fails when the migrations have several heads, when the database has a revision they do not know,
     * or when an applied migration was edited since it ran. A database that is behind is accepted.
     */
    static RetortMigrationStrategy validateOnly() {
        return (retort, target) -> refuseProblems(retort.validate());
    }

    /** Writes nothing: as {@link #validateOnly()}, and fails unless the database is at the migrations' head. */
    static RetortMigrationStrategy failIfNotAtHead() {
        return (retort, target) -> {
            refuseProblems(retort.validate());
            Set<String> current = retort.currentHeads();
            List<String> heads = retort.graph().heads();
            if (!current.equals(Set.copyOf(heads))) {
                throw new RetortException("The database is at " + Heads.describe(current) + ", not at the migrations' head "
                        + Heads.describe(heads) + ": run the release step (or upgrade) before starting this version.");
            }
        };
    }

    private static void refuseProblems(Validation validation) {
        List<Problem> problems = validation.problems();
        if (!problems.isEmpty()) {
            throw new RetortException(problems.get(0).message() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                    + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : ""));
        }
    }
}
