package dev.retort.internal.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.command.Generated;
import dev.retort.command.Heads;
import dev.retort.internal.codegen.MigrationSource;
import dev.retort.internal.codegen.Remarks;
import dev.retort.internal.lint.Linter;
import dev.retort.internal.lint.Portability;
import dev.retort.internal.lint.RevisionOperations;
import dev.retort.internal.lint.SafeRewriter;
import dev.retort.internal.rolling.RollingRewriter;
import dev.retort.lint.Finding;
import dev.retort.lint.LintRule;
import dev.retort.platform.Platform;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;
import dev.retort.schema.Review;
import dev.retort.schema.SchemaModel;

/** {@code generate} and {@code merge}: writing new revisions as Java source. */
public final class Authoring {

    private final RevisionGraph graph;
    private final Platform platform;
    private final Path sourceDirectory;
    private final String packageName;
    private final boolean runsSetLockTimeout;
    private final Portability portability;
    private final List<LintRule> rules;

    /**
     * Writes revisions of this graph into the source directory and package; their lint findings judge lock timeouts
     * as runs that do ({@code runsSetLockTimeout}) or do not set one, and a change another database the history serves
     * cannot run ({@code portability}) is written for this one alone.
     */
    public Authoring(RevisionGraph graph, Platform platform, Path sourceDirectory, String packageName, boolean runsSetLockTimeout,
                     Portability portability) {
        this(graph, platform, sourceDirectory, packageName, runsSetLockTimeout, portability, platform.lintRules());
    }

    private Authoring(RevisionGraph graph, Platform platform, Path sourceDirectory, String packageName, boolean runsSetLockTimeout,
                      Portability portability, List<LintRule> rules) {
        this.rules = rules;
        this.graph = graph;
        this.platform = platform;
        this.sourceDirectory = sourceDirectory;
        this.packageName = packageName;
        this.runsSetLockTimeout = runsSetLockTimeout;
        this.portability = portability;
    }

    /**
     * The same authoring, its findings and safe forms those of the rules given: the platform's rules as they judge the
     * server the changes were found on ({@link Platform#lintRules(java.sql.DatabaseMetaData)}).
     */
    public Authoring judgedBy(List<LintRule> serverRules) {
        return new Authoring(graph, platform, sourceDirectory, packageName, runsSetLockTimeout, portability, serverRules);
    }

    /** Refuses to generate on a graph with several heads: the new revision would have no single parent. */
    public void requireSingleHead() {
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            throw new RetortException("There are " + heads.size() + " heads (" + String.join(", ", heads) + "); merge them before "
                    + "generating a new revision.");
        }
    }

    /** Refuses to generate against a database that is not at head: the new revision is computed from its schema. */
    public void requireAtHead(Set<String> current) {
        List<String> heads = graph.heads();
        if (!current.equals(Set.copyOf(heads))) {
            Set<String> applied = graph.appliedBy(current);
            List<String> pending = graph.revisions().stream().map(RevisionScript::id).filter(id -> !applied.contains(id)).toList();
            throw new RetortException("The database is not at head: " + (pending.isEmpty() ? "it is at " + Heads.describe(current)
                    : pending.size() + " revision(s) pending (" + String.join(", ", pending) + ")")
                    + ". Run upgrade first, so the new revision is computed from the latest schema.");
        }
    }

    /**
     * Writes the changes as a new revision on top of the current head, with the lint findings on its operations as
     * comments; writes nothing when there are none. With {@code safe}, each change a lint rule knows a safe form for is
     * written that way, finished in a second, non-transactional revision on top of the first.
     *
     * @param current the schema the changes were found against: what lint knows of the tables before the revision
     */
    public Generated write(String message, Comparison comparison, SchemaModel current, boolean safe) {
        List<String> parents = graph.heads();
        if (comparison.isEmpty()) {
            return new Generated(null, parents, null, null, null, comparison, List.of(), null);
        }
        if (!safe) {
            return revision(message, parents, comparison, current, false, List.of(), null);
        }
        SafeRewriter.Split split = SafeRewriter.rewrite(platform, rules, comparison, current);
        if (split.later().isEmpty()) {
            return revision(message, parents, split.now(), current, false, List.of(), null);
        }
        if (split.now().isEmpty()) {
            return revision(message, parents, split.later(), current, true, split.notes(), null);
        }
        // The follow-up is linted against the schema after the first revision: its tables count as existing.
        String first = MigrationSource.newRevisionId();
        Generated later = revision(message + ", safely finished", List.of(first), split.later(), current, true, split.notes(),
                split.now());
        Generated now = revision(first, message, parents, split.now(), current, false, List.of(), null, later);
        return now;
    }

    /**
     * Writes the changes for an application deployed rolling ({@link RollingRewriter}): an expand revision the version still
     * running survives, a non-transactional revision with the backfills if there are any, and a contract revision, marked
     * as such and naming its expand, that finishes the changes in a later deploy, followed where a column becomes NOT NULL by
     * a second contract outside a transaction (the validated check each statement commits on its own); one ordinary revision
     * when nothing breaks the running version. The expand is returned, the others as its follow-ups, in order.
     */
    public Generated writeRolling(String message, Comparison comparison, SchemaModel current) {
        List<String> parents = graph.heads();
        if (comparison.isEmpty()) {
            return new Generated(null, parents, null, null, null, comparison, List.of(), null);
        }
        RollingRewriter.Split split = RollingRewriter.rewrite(platform, comparison, current);
        if (split.contract().isEmpty() && split.finish().isEmpty() && split.backfill().isEmpty()) {
            return revision(MigrationSource.newRevisionId(), message, parents, comparison, current, false, split.notes(), null, null,
                    Revision.Phase.ORDINARY, "");
        }
        String expand = MigrationSource.newRevisionId();
        String backfill = split.backfill().isEmpty() ? null : MigrationSource.newRevisionId();
        List<String> contractParents = List.of(backfill != null ? backfill : expand);
        List<String> expandNotes = new ArrayList<>(split.notes());
        if (split.expand().isEmpty()) {
            expandNotes.add("nothing changes before the contract: release the code that stops using what the contract drops with this "
                    + "revision; the contract follows in a later deploy.");
        }
        Comparison done = new Comparison(java.util.stream.Stream.concat(split.expand().changes().stream(), split.backfill().changes().stream())
                .toList());
        // NOT NULL set through a validated check runs outside a transaction: after the contract, or as the contract itself.
        Generated contract;
        if (split.contract().isEmpty()) {
            contract = revision(MigrationSource.newRevisionId(), message + " (contract)", contractParents, split.finish(), current, true,
                    List.of(), done, null, Revision.Phase.CONTRACT, expand);
        } else {
            String first = MigrationSource.newRevisionId();
            Generated finish = split.finish().isEmpty() ? null : revision(MigrationSource.newRevisionId(), message + " (contract, NOT NULL)",
                    List.of(first), split.finish(), current, true, List.of(), new Comparison(java.util.stream.Stream.concat(
                            done.changes().stream(), split.contract().changes().stream()).toList()), null, Revision.Phase.CONTRACT, expand);
            contract = revision(first, message + " (contract)", contractParents, split.contract(), current, false, List.of(), done, finish,
                    Revision.Phase.CONTRACT, expand);
        }
        Generated filled = backfill == null ? contract : revision(backfill, message + " (backfill)", List.of(expand), split.backfill(), current,
                true, List.of(), split.expand(), contract, Revision.Phase.EXPAND, "");
        return revision(expand, message + " (expand)", parents, split.expand(), current, false, expandNotes, null, filled,
                Revision.Phase.EXPAND, "");
    }

    private Generated revision(String message, List<String> parents, Comparison changes, SchemaModel current, boolean nonTransactional,
                               List<String> notes, Comparison before) {
        return revision(MigrationSource.newRevisionId(), message, parents, changes, current, nonTransactional, notes, before, null);
    }

    private Generated revision(String id, String message, List<String> parents, Comparison found, SchemaModel current,
                               boolean nonTransactional, List<String> notes, Comparison before, Generated followUp) {
        return revision(id, message, parents, found, current, nonTransactional, notes, before, followUp, Revision.Phase.ORDINARY, "");
    }

    private Generated revision(String id, String message, List<String> parents, Comparison found, SchemaModel current,
                               boolean nonTransactional, List<String> notes, Comparison before, Generated followUp, Revision.Phase phase,
                               String expand) {
        Set<Integer> onlyHere = new HashSet<>();
        Comparison changes = portable(found, onlyHere);
        boolean transactional = !nonTransactional && changes.upgrade().stream().noneMatch(platform.dialect()::requiresNoTransaction);
        RevisionOperations operations = new RevisionOperations(id, transactional, changes.upgrade(), List.of(), changes.downgrade(), List.of());
        Linter linter = new Linter(platform, rules, runsSetLockTimeout);
        List<Finding> findings = before == null ? linter.lint(operations, current)
                : linter.lint(operations, current, RevisionOperations.generated(true, before.upgrade(), before.downgrade()));
        MigrationSource source = MigrationSource.write(platform, packageName, id, parents, message, changes,
                new Remarks(findings, notes, nonTransactional, onlyHere), phase, expand);
        Path file = source.writeTo(sourceDirectory);
        return new Generated(source.revision(), parents, source.className(), file, source.source(), changes, findings, followUp);
    }

    /**
     * The changes as they are written where the history serves several databases: each one another of them cannot run
     * gets a review saying which and why, and its index in {@code onlyHere}, to be written for this database alone.
     */
    private Comparison portable(Comparison found, Set<Integer> onlyHere) {
        if (!portability.serves()) {
            return found;
        }
        List<Change> changes = new ArrayList<>();
        for (Change change : found.changes()) {
            Set<String> problems = new LinkedHashSet<>();
            Stream.concat(change.upgrade().stream(), change.downgrade().stream()).forEach(op -> problems.addAll(portability.problems(op)));
            if (problems.isEmpty()) {
                changes.add(change);
                continue;
            }
            onlyHere.add(changes.size());
            String note = String.join("; ", problems) + ". Written for " + platform.name() + " alone: give the others a form of their own "
                    + "in op.notOn(\"" + platform.id() + "\", o -> …) beside it, or leave them without it.";
            Review review = change.review() == null ? new Review(Review.Kind.NOT_PORTABLE, note)
                    : new Review(change.review().kind(), change.review().message() + " Not portable: " + note);
            changes.add(new Change(change.summary(), change.upgrade(), change.downgrade(), review));
        }
        return new Comparison(changes);
    }

    /** Writes an empty revision on top of the current head(s), to fill in by hand. */
    public Generated empty(String message) {
        List<String> parents = graph.heads();
        Comparison none = new Comparison(List.of());
        return written(MigrationSource.write(platform, packageName, MigrationSource.newRevisionId(), parents, message, none),
                parents, none);
    }

    /** Writes a revision whose parents are all current heads, joining the branches. */
    public Generated merge(String message) {
        List<String> heads = graph.heads();
        if (heads.size() < 2) {
            throw new RetortException("There is " + (heads.isEmpty() ? "no head" : "a single head (" + heads.get(0) + ")")
                    + "; merge joins two or more heads, so there is nothing to merge.");
        }
        return empty(message);
    }

    private Generated written(MigrationSource source, List<String> parents, Comparison comparison) {
        Path file = source.writeTo(sourceDirectory);
        return new Generated(source.revision(), parents, source.className(), file, source.source(), comparison, List.of(), null);
    }
}
