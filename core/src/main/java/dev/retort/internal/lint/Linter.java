package dev.retort.internal.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.retort.command.Direction;
import dev.retort.internal.revision.MigrationClasses;
import dev.retort.lint.Finding;
import dev.retort.lint.LintReport;
import dev.retort.lint.LintRule;
import dev.retort.lint.Severity;
import dev.retort.operation.Acknowledgement;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;
import dev.retort.schema.SchemaModel;

/**
 * Runs the platform's lint rules over revisions: every rule on every operation, upgrade and downgrade, knowing the
 * schema at that point; then applies the acknowledgements the migrations wrote beside their operations.
 */
public final class Linter {

    /** An acknowledgement naming no rule: a typo would otherwise leave the finding it meant open without a word. */
    public static final String UNKNOWN_ACKNOWLEDGEMENT = "unknown-acknowledgement";
    /** An acknowledgement that accepts nothing (the operation changed, or the rule no longer reports it). */
    public static final String UNUSED_ACKNOWLEDGEMENT = "unused-acknowledgement";

    private final Platform platform;
    private final List<LintRule> rules;
    private final boolean runSetsLockTimeout;

    /**
     * @param runSetsLockTimeout whether the runs that apply these revisions set a lock timeout on their sessions
     */
    public Linter(Platform platform, boolean runSetsLockTimeout) {
        this.platform = platform;
        this.rules = platform.lintRules();
        this.runSetsLockTimeout = runSetsLockTimeout;
    }

    /**
     * Lints revisions of a graph (any order; reported oldest first), knowing the schema from replaying every revision
     * before them: no database is read.
     */
    public LintReport lint(RevisionGraph graph, Set<String> revisions) {
        SchemaState state = new SchemaState(platform.defaultSchema());
        List<String> linted = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (String id : graph.inOrder(graph.ancestorsInclusive(revisions))) {
            RevisionScript script = graph.get(id);
            if (revisions.contains(id)) {
                linted.add(id);
                findings.addAll(lint(RevisionOperations.of(script), state));
            } else {
                state.beginRevision();
                MigrationClasses.record(script, Direction.UP).recorded().forEach(new StateChanges(state)::apply);
            }
        }
        return new LintReport(linted, findings);
    }

    /** Lints a revision about to be written, against the schema of the database it was compared with. */
    public List<Finding> lint(RevisionOperations revision, SchemaModel current) {
        return lint(revision, SchemaState.of(current, platform.defaultSchema()));
    }

    /** Lints a revision about to be written after another one, from the schema that one leaves. */
    public List<Finding> lint(RevisionOperations revision, SchemaModel current, RevisionOperations before) {
        SchemaState state = SchemaState.of(current, platform.defaultSchema());
        state.beginRevision();
        before.upgrade().forEach(new StateChanges(state)::apply);
        return lint(revision, state);
    }

    /** Lints one revision from the given state, and moves the state past its upgrade. */
    List<Finding> lint(RevisionOperations revision, SchemaState state) {
        SchemaState beforeDowngrade;
        state.beginRevision();
        List<Finding> findings = new ArrayList<>(lint(revision, Direction.UP, state));
        beforeDowngrade = state.copy();
        beforeDowngrade.beginRevision();
        findings.addAll(lint(revision, Direction.DOWN, beforeDowngrade));
        return findings;
    }

    private List<Finding> lint(RevisionOperations revision, Direction direction, SchemaState state) {
        List<Finding> found = new ArrayList<>();
        List<Operation> operations = revision.operations(direction);
        StateChanges changes = new StateChanges(state);
        for (int i = 0; i < operations.size(); i++) {
            Context context = new Context(platform, revision, direction, i, state, runSetsLockTimeout, found::add);
            for (LintRule rule : rules) {
                rule.check(context.judgedBy(rule));
            }
            changes.apply(operations.get(i));
        }
        return accept(revision, direction, found);
    }

    /** Marks the findings the migration accepts, and reports acknowledgements that name no rule or accept nothing. */
    private List<Finding> accept(RevisionOperations revision, Direction direction, List<Finding> found) {
        Set<String> ids = new HashSet<>();
        rules.forEach(r -> ids.add(r.id()));
        List<Finding> out = new ArrayList<>();
        Set<Acknowledgement> used = new LinkedHashSet<>();
        for (Finding finding : found) {
            Acknowledgement accepting = revision.accepted(direction).stream()
                    .filter(a -> a.operation() == finding.operationIndex() && a.rule().equals(finding.rule())).findFirst().orElse(null);
            if (accepting != null) {
                used.add(accepting);
            }
            out.add(accepting == null ? finding : finding.acknowledge(accepting.reason()));
        }
        for (Acknowledgement a : revision.accepted(direction)) {
            String operation = Context.describe(platform, revision.operations(direction).get(a.operation()));
            if (!ids.contains(a.rule())) {
                out.add(new Finding(UNKNOWN_ACKNOWLEDGEMENT, Severity.WARNING, revision.revision(), direction, a.operation(), operation,
                        "acknowledge(\"" + a.rule() + "\", …) names no lint rule, so it accepts nothing.",
                        "Use the rule id a finding shows (e.g. " + rules.get(0).id() + "), or remove the acknowledgement.", null));
            } else if (!used.contains(a)) {
                out.add(new Finding(UNUSED_ACKNOWLEDGEMENT, Severity.INFO, revision.revision(), direction, a.operation(), operation,
                        "acknowledge(\"" + a.rule() + "\", …) accepts a finding this operation does not have.",
                        "Remove the acknowledgement, or move it beside the operation it means.", null));
            }
        }
        return out;
    }
}
