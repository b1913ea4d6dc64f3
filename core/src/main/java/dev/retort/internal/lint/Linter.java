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

    /** An operation this platform cannot render: a revision meant for it cannot run there. */
    public static final String CANNOT_RENDER = "cannot-render";
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
        this(platform, platform.lintRules(), runSetsLockTimeout);
    }

    /**
     * @param rules              the platform's rules as they judge a particular server ({@link Platform#lintRules(java.sql.DatabaseMetaData)})
     * @param runSetsLockTimeout whether the runs that apply these revisions set a lock timeout on their sessions
     */
    public Linter(Platform platform, List<LintRule> rules, boolean runSetsLockTimeout) {
        this.platform = platform;
        this.rules = List.copyOf(rules);
        this.runSetsLockTimeout = runSetsLockTimeout;
    }

    /**
     * Lints the revisions of a graph that one upgrade applies together (any order; reported oldest first), knowing the
     * schema from replaying every revision before them: no database is read. What the run creates counts as new up to
     * its end.
     *
     * @param freshDatabase whether the run builds an empty database from base, where nothing existed before, not even
     *                      tables made by raw SQL that lint cannot see
     */
    public LintReport lintRun(RevisionGraph graph, Set<String> revisions, boolean freshDatabase) {
        return lint(graph, revisions, true, freshDatabase, freshDatabase ? "as one run on a fresh database (no table holds rows yet)"
                : "as one run (tables the run creates hold no rows and serve no running code)");
    }

    /**
     * Lints revisions of a graph each as a deploy of its own would apply it, to a database at its parent revision whose
     * tables may hold rows: the strictest verdict, for when no database says where the run starts.
     */
    public LintReport lintEach(RevisionGraph graph, Set<String> revisions) {
        return lint(graph, revisions, false, false, "each on its own, on a database at its parent revision whose tables may hold rows");
    }

    private LintReport lint(RevisionGraph graph, Set<String> revisions, boolean oneRun, boolean freshDatabase, String basis) {
        SchemaState state = new SchemaState(platform.defaultSchema());
        List<String> linted = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (String id : graph.inOrder(graph.ancestorsInclusive(revisions))) {
            RevisionScript script = graph.get(id);
            if (revisions.contains(id)) {
                if (!oneRun || linted.isEmpty()) {
                    state.beginRun();
                    state.fromBase = freshDatabase;
                }
                boolean judgedAlone = linted.isEmpty() ? !freshDatabase : !oneRun;
                linted.add(id);
                findings.addAll(lint(RevisionOperations.of(script, platform.id()), state, judgedAlone));
            } else {
                state.beginRevision();
                MigrationClasses.record(script, Direction.UP, platform.id()).recorded().forEach(new StateChanges(state)::apply);
            }
        }
        return new LintReport(linted, findings, basis);
    }

    /**
     * The report with the repeatables added, each judged on its own (what raw SQL lint can judge: statements a
     * transaction refuses, lock time-outs), as they run after the revisions; they have no downgrade.
     */
    public LintReport withRepeatables(LintReport report, List<RevisionScript> repeatables) {
        if (repeatables.isEmpty()) {
            return report;
        }
        List<String> linted = new ArrayList<>(report.revisions());
        List<Finding> findings = new ArrayList<>(report.findings());
        for (RevisionScript repeatable : repeatables) {
            SchemaState state = new SchemaState(platform.defaultSchema());
            state.beginRun();
            linted.add(repeatable.id());
            var up = MigrationClasses.record(repeatable, Direction.UP, platform.id());
            findings.addAll(lint(new RevisionOperations(repeatable.id(), repeatable.transactional(), up.recorded(), up.acknowledgements(),
                    List.of(), List.of()), state, true));
        }
        return new LintReport(linted, findings, report.basis() + ", the repeatables each on its own");
    }

    /** Lints a revision about to be written, against the schema of the database it was compared with. */
    public List<Finding> lint(RevisionOperations revision, SchemaModel current) {
        SchemaState state = SchemaState.of(current, platform.defaultSchema());
        return lint(revision, state);
    }

    /** Lints a revision about to be written after another one, from the schema that one leaves. */
    public List<Finding> lint(RevisionOperations revision, SchemaModel current, RevisionOperations before) {
        SchemaState state = SchemaState.of(current, platform.defaultSchema());
        state.beginRevision();
        before.upgrade().forEach(new StateChanges(state)::apply);
        // The follow-up runs in a deploy after the first revision's, whose tables have rows by then.
        state.beginRun();
        return lint(revision, state);
    }

    /** Lints one revision from the given state, judged as it would be on its own, and moves the state past its upgrade. */
    List<Finding> lint(RevisionOperations revision, SchemaState state) {
        return lint(revision, state, true);
    }

    private List<Finding> lint(RevisionOperations revision, SchemaState state, boolean judgedAlone) {
        state.beginRevision();
        // Tables earlier revisions of the run created are new, so an acknowledgement may accept nothing here and still be
        // needed on a database in use: whether one is used is judged on the revision as a deploy of its own runs it.
        List<Finding> alone = null;
        if (!judgedAlone) {
            SchemaState ownDeploy = state.copy();
            ownDeploy.beginRun();
            alone = check(revision, Direction.UP, ownDeploy);
        }
        List<Finding> up = check(revision, Direction.UP, state);
        List<Finding> findings = new ArrayList<>(accept(revision, Direction.UP, up, alone == null ? up : alone));
        SchemaState beforeDowngrade = state.copy();
        beforeDowngrade.beginRun();
        beforeDowngrade.beginRevision();
        List<Finding> down = check(revision, Direction.DOWN, beforeDowngrade);
        findings.addAll(accept(revision, Direction.DOWN, down, down));
        return findings;
    }

    /** Every rule on every operation of one direction, moving the state past each operation. */
    private List<Finding> check(RevisionOperations revision, Direction direction, SchemaState state) {
        List<Finding> found = new ArrayList<>();
        List<Operation> operations = revision.operations(direction);
        StateChanges changes = new StateChanges(state);
        for (int i = 0; i < operations.size(); i++) {
            String unrenderable = Portability.unrenderable(platform, operations.get(i));
            if (unrenderable != null) {
                found.add(new Finding(CANNOT_RENDER, Severity.ERROR, revision.revision(), direction, i, name(operations.get(i)),
                        platform.name() + " cannot run it: " + unrenderable, "Give " + platform.name() + " a form of its own: "
                        + "op.onlyOn(\"" + platform.id() + "\", o -> …) beside op.notOn(\"" + platform.id() + "\", o -> …) around this "
                        + "operation.", null));
                changes.apply(operations.get(i));
                continue;
            }
            Context context = new Context(platform, revision, direction, i, state, runSetsLockTimeout, found::add);
            for (LintRule rule : rules) {
                rule.check(context.judgedBy(rule));
            }
            changes.apply(operations.get(i));
        }
        return found;
    }

    /**
     * Marks the findings the migration accepts, and reports acknowledgements that name no rule or accept nothing.
     *
     * @param asOwnDeploy the findings of the revision judged as a deploy of its own would run it, which tell whether an
     *                    acknowledgement accepts anything
     */
    private List<Finding> accept(RevisionOperations revision, Direction direction, List<Finding> found, List<Finding> asOwnDeploy) {
        Set<String> ids = new HashSet<>();
        rules.forEach(r -> ids.add(r.id()));
        List<Finding> out = new ArrayList<>();
        for (Finding finding : found) {
            Acknowledgement accepting = accepting(revision, direction, finding);
            out.add(accepting == null ? finding : finding.acknowledge(accepting.reason()));
        }
        Set<Acknowledgement> used = new LinkedHashSet<>();
        for (Finding finding : asOwnDeploy) {
            Acknowledgement accepting = accepting(revision, direction, finding);
            if (accepting != null) {
                used.add(accepting);
            }
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

    /** An operation that cannot be rendered, named without its SQL. */
    private static String name(Operation operation) {
        return operation instanceof Operation.Specific specific ? specific.describe() : operation.getClass().getSimpleName();
    }

    private static Acknowledgement accepting(RevisionOperations revision, Direction direction, Finding finding) {
        return revision.accepted(direction).stream()
                .filter(a -> a.operation() == finding.operationIndex() && a.rule().equals(finding.rule())).findFirst().orElse(null);
    }
}
