package dev.retort.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.retort.RetortException;
import dev.retort.command.CheckResult;
import dev.retort.command.Heads;
import dev.retort.command.Problem;
import dev.retort.internal.runtime.AppliedChecksums;
import dev.retort.internal.runtime.Engine;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;

/**
 * {@code validate} and the checks {@code check} builds on: one head, no revision in the database the code
 * does not know, no applied migration edited, the database at head, and no drift between what the
 * migrations produce and what the entities describe.
 */
public final class Validator {

    private final RevisionGraph graph;

    /** Checks of this graph. */
    public Validator(RevisionGraph graph) {
        this.graph = graph;
    }

    /** A problem when the graph has two or more heads. */
    public List<Problem> heads() {
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            return List.of(new Problem(Problem.Kind.SEVERAL_HEADS, null, "there are " + heads.size() + " heads ("
                    + String.join(", ", heads) + "); merge them"));
        }
        return List.of();
    }

    /** A problem per revision in the database's version table that no migration declares. */
    public List<Problem> unknownRevisions(Set<String> current) {
        List<Problem> problems = new ArrayList<>();
        for (String id : current) {
            if (!graph.contains(id)) {
                problems.add(new Problem(Problem.Kind.UNKNOWN_REVISION, id, "the database is at revision " + id + ", which no "
                        + "migration declares: the database is ahead of this code, or the migration was deleted"));
            }
        }
        return problems;
    }

    /** A problem per applied migration whose SQL no longer matches the checksum recorded when it ran (or was repaired). */
    public List<Problem> editedMigrations(Engine engine, Set<String> current) {
        List<Problem> problems = new ArrayList<>();
        for (AppliedChecksums.Edited edited : engine.edited(current)) {
            RevisionScript revision = edited.revision();
            problems.add(new Problem(Problem.Kind.EDITED_MIGRATION, revision.id(), "migration " + revision.id() + " ("
                    + revision.source() + ") was edited after it was applied: its SQL no longer matches the checksum in "
                    + "retort_history; revert the edit and write a new revision"));
        }
        return problems;
    }

    /** A problem when the database is not at the graph's single head. */
    public List<Problem> atHead(Set<String> current) {
        List<String> heads = graph.heads();
        if (!current.equals(Set.copyOf(heads))) {
            return List.of(new Problem(Problem.Kind.NOT_AT_HEAD, null, "the database is at " + Heads.describe(current)
                    + ", not at head " + String.join(", ", heads) + "; upgrade it before checking the entities"));
        }
        return List.of();
    }

    /**
     * Drift found against the migrations' own schema, each change on the side it is on.
     *
     * @param entityDrift   the changes that would bring the migrations' schema to the entities
     * @param databaseDrift the changes that would bring the migrations' schema to the configured database: what was
     *                      done to it outside the migrations
     */
    public static CheckResult withDrift(List<Problem> problems, Comparison entityDrift, Comparison databaseDrift, List<String> checks) {
        List<Problem> all = new ArrayList<>(problems);
        for (Change change : entityDrift.changes()) {
            all.add(new Problem(Problem.Kind.DRIFT, null, "entities differ from the migrations: " + change.summary()));
        }
        for (Change change : databaseDrift.changes()) {
            all.add(new Problem(Problem.Kind.DATABASE_DRIFT, null, "the database was changed outside the migrations: "
                    + change.summary() + "; undo it there, or write a migration that makes it"));
        }
        return new CheckResult(all, entityDrift.changes(), checks);
    }

    /** Drift between the entities and the database when the migrations' own schema could not be had to tell the sides apart. */
    public static CheckResult withUnattributedDrift(List<Problem> problems, Comparison drift, List<String> checks) {
        List<Problem> all = new ArrayList<>(problems);
        for (Change change : drift.changes()) {
            all.add(new Problem(Problem.Kind.DRIFT, null, "entities differ from the database: " + change.summary()));
        }
        return new CheckResult(all, drift.changes(), checks);
    }

    /** The entities could not be read: reported with the other problems rather than hiding them. */
    public static Problem unreadable(RetortException e) {
        return new Problem(Problem.Kind.UNREADABLE_ENTITIES, null, e.getMessage());
    }
}
