package dev.retort.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.Set;
import java.util.function.Function;

import dev.retort.RetortException;
import dev.retort.command.Direction;
import dev.retort.command.Heads;
import dev.retort.command.MigrationFailedException;
import dev.retort.command.Problem;
import dev.retort.command.ReleaseReport;
import dev.retort.command.ReleaseReport.AppliedRevision;
import dev.retort.command.ReleaseReport.Outcome;
import dev.retort.command.RunResult;
import dev.retort.command.Validation;
import dev.retort.config.SettingNames;
import dev.retort.internal.rolling.DeployLog;
import dev.retort.internal.rolling.Instances;
import dev.retort.internal.rolling.RollingTables;
import dev.retort.internal.runtime.Engine;
import dev.retort.lint.Finding;
import dev.retort.lint.LintReport;
import dev.retort.lint.Severity;
import dev.retort.revision.RevisionGraph;

/**
 * The step a pipeline runs before new code serves traffic: refuse unconfirmed production writes, validate (one
 * head, no revision the code does not know, no applied migration edited), refuse pending revisions with an
 * unacknowledged lint error, upgrade to head under the lock, check the database is at head, and report. Every outcome is a report; the caller turns a failed one into a non-zero exit.
 */
public final class Release {

    private final RevisionGraph graph;
    private final Engine engine;
    private final ProductionGuard guard;
    private final Function<Set<String>, Validation> validation;
    private final Function<Set<String>, LintReport> lint;
    private final String environment;
    private final SettingNames names;
    private final java.util.function.Supplier<Baseline> baseline;
    private RollingTables rolling;
    private String version;
    private boolean forceContracts;
    /** The contracts (and what follows them) this release held back, with why, once it decided. */
    private List<ReleaseReport.HeldRevision> held = List.of();

    /**
     * What a baseline on release did before the upgrade: adopted a database without Retort's tables at a revision, or
     * refused to.
     *
     * @param note     what was done, for the report's warnings; null when it refused
     * @param refusal  why the release must not go on, or null
     * @param problems the differences found
     */
    public record Baseline(String note, String refusal, List<Problem> problems) {
    }

    /**
     * A release of this graph through this engine; {@code validation} validates a database at the given heads, and
     * {@code lint} lints the revisions an upgrade from them to head applies. Errors name settings as {@code names} does.
     */
    public Release(RevisionGraph graph, Engine engine, ProductionGuard guard, Function<Set<String>, Validation> validation,
                   Function<Set<String>, LintReport> lint, String environment, SettingNames names) {
        this(graph, engine, guard, validation, lint, environment, names, () -> null);
    }

    /**
     * As above; {@code baseline} adopts a database without Retort's tables before anything else (null when there is
     * nothing to adopt, or it was not asked for).
     */
    public Release(RevisionGraph graph, Engine engine, ProductionGuard guard, Function<Set<String>, Validation> validation,
                   Function<Set<String>, LintReport> lint, String environment, SettingNames names, java.util.function.Supplier<Baseline> baseline) {
        this.baseline = baseline;
        this.graph = graph;
        this.engine = engine;
        this.guard = guard;
        this.validation = validation;
        this.lint = lint;
        this.environment = environment;
        this.names = names;
    }

    /**
     * Enforces the two-deploy rule with these tables: records the deploy in them, holds back a contract revision whose
     * expand this release applies, and refuses one while a registered instance built before its expand runs.
     *
     * @param tables      Retort's rolling-deploy tables
     * @param artifactVersion the version of the artifact being released, or null when unknown
     * @return this release
     */
    public Release rolling(RollingTables tables, String artifactVersion) {
        this.rolling = tables;
        this.version = artifactVersion;
        return this;
    }

    /**
     * Lifts the two-deploy rule for this release: contract revisions are applied now, each with a warning saying what
     * would have held or refused it (in production only with both confirmations).
     */
    public Release forceContracts(boolean force) {
        this.forceContracts = force;
        return this;
    }

    /** Runs the release; never throws for a refusal or a failed revision, which the report describes. */
    public ReleaseReport run() {
        Instant started = Instant.now();
        ReleaseReport report = release();
        // A database the release never brought under Retort (refused before its tables existed) gets no tables from it either.
        if (rolling != null && report.headsBefore() != null && hasRetortTables()) {
            try {
                new DeployLog(rolling).record(new DeployLog.Deploy(UUID.randomUUID().toString(), Set.copyOf(graph.heads()), version,
                        environment, started, Instant.now(), report.outcome().name().toLowerCase(Locale.ROOT),
                        report.applied().stream().filter(a -> !a.repeatable()).map(AppliedRevision::revision).toList(),
                        report.held().stream().map(ReleaseReport.HeldRevision::revision).toList()));
            } catch (RetortException e) {
                List<String> warnings = new ArrayList<>(report.warnings());
                warnings.add("the deploy was not recorded: " + e.getMessage());
                report = new ReleaseReport(report.outcome(), report.environment(), report.startedAt(), report.elapsed(), report.headsBefore(),
                        report.headsAfter(), report.applied(), report.held(), warnings, report.findings(), report.problems(), report.error());
            }
        }
        return report;
    }

    private boolean hasRetortTables() {
        try {
            return engine.hasRetortTables();
        } catch (RetortException e) {
            return false;
        }
    }

    private ReleaseReport release() {
        Instant started = Instant.now();
        long start = System.nanoTime();
        Set<String> before = null;
        try {
            guard.write("release");
            if (forceContracts) {
                guard.forcedContracts();
            }
            // The checks before the upgrade read several times: on one connection, a baseline's included.
            Baseline[] adoption = new Baseline[1];
            Checked checked = engine.sharingReads(() -> {
                adoption[0] = baseline.get();
                return adoption[0] != null && adoption[0].refusal() != null ? null : check();
            });
            Baseline adopted = adoption[0];
            if (checked == null) {
                return report(Outcome.REFUSED, started, start, Set.of(), Set.of(), List.of(), List.of(), List.of(), adopted.problems(),
                        names.render(adopted.refusal()));
            }
            before = checked.before();
            if (checked.refusal() != null) {
                return report(Outcome.REFUSED, started, start, before, before, List.of(), List.of(), checked.findings(), checked.problems(),
                        checked.refusal());
            }
            Set<String> expected = Set.copyOf(graph.heads());
            RunResult result;
            List<String> heldWarnings = new ArrayList<>();
            Set<String> alreadyApplied = graph.appliedBy(before);
            List<String> pending = graph.inOrder(graph.revisions().stream().map(dev.retort.revision.RevisionScript::id)
                    .filter(id -> !alreadyApplied.contains(id)).toList());
            ContractGate.Decision decision = rolling == null || !before.stream().allMatch(graph::contains)
                    ? new ContractGate.Decision(java.util.Map.of(), null)
                    : new ContractGate(graph, expected, version, () -> new DeployLog(rolling).all(), () -> new Instances(rolling).live())
                    .decide(pending);
            if (forceContracts && (decision.refusal() != null || !decision.held().isEmpty())) {
                if (decision.refusal() != null) {
                    heldWarnings.add(names.render("applied by {forceContract}: " + decision.refusal().reason()));
                }
                decision.held().forEach((id, why) -> heldWarnings.add(names.render("revision " + graph.get(id) + " applied by {forceContract}, "
                        + "though it was " + why)));
                decision = new ContractGate.Decision(java.util.Map.of(), null);
            }
            if (decision.refusal() != null) {
                ContractGate.Refusal refusal = decision.refusal();
                return report(Outcome.REFUSED, started, start, before, before, List.of(), List.of(), checked.findings(),
                        List.of(new Problem(Problem.Kind.CONTRACT_REFUSED, refusal.contract(), refusal.message())),
                        "Release refused: " + refusal.message());
            }
            if (decision.held().isEmpty()) {
                result = engine.upgrade("head");
            } else {
                held = decision.held().entrySet().stream().map(h -> new ReleaseReport.HeldRevision(h.getKey(), h.getValue())).toList();
                decision.held().forEach((id, why) -> heldWarnings.add("revision " + graph.get(id) + " not applied: " + why));
                Set<String> toApply = new java.util.TreeSet<>(pending);
                toApply.removeAll(decision.held().keySet());
                Set<String> reach = new java.util.TreeSet<>(alreadyApplied);
                reach.addAll(toApply);
                expected = graph.maximal(reach);
                result = upgradeTo(graph.maximal(toApply), before);
            }
            List<AppliedRevision> applied = applied(result);
            List<String> warnings = new ArrayList<>(warnings(result));
            warnings.addAll(heldWarnings);
            if (adopted != null) {
                warnings.add(0, names.render(adopted.note()));
            }
            // With nothing to do, the run read the version table under the lock already; after applying, read where it ended.
            Set<String> after = result.nothingToDo() ? result.headsAfter() : engine.currentHeads();
            if (!after.equals(expected)) {
                return report(Outcome.FAILED, started, start, before, after, applied, warnings, checked.findings(), List.of(), "the database is at "
                        + Heads.describe(after) + " after the upgrade, not at " + String.join(", ", expected) + ".");
            }
            return report(result.nothingToDo() ? Outcome.NOTHING_TO_DO : Outcome.UPGRADED, started, start, before, after, applied,
                    warnings, checked.findings(), List.of(), null);
        } catch (MigrationFailedException e) {
            return report(Outcome.FAILED, started, start, before, readHeads(), e.completed().stream().map(Release::applied).toList(),
                    List.of(), List.of(), List.of(), e.getMessage(names));
        } catch (RetortException e) {
            return report(before == null ? Outcome.REFUSED : Outcome.FAILED, started, start, before, before == null ? null : readHeads(),
                    List.of(), List.of(), List.of(), List.of(), e.getMessage(names));
        }
    }

    /**
     * Where the database is, and why the release must not go on (null when it may), with the problems found and the lint
     * findings of the upgrades it is about to run.
     */
    private record Checked(Set<String> before, String refusal, List<Problem> problems, List<Finding> findings) {
    }

    private Checked check() {
        Set<String> before = engine.currentHeads();
        Validation checked = validation.apply(before);
        if (!checked.passed()) {
            return new Checked(before, checked.problems().size() + " problem(s) found before upgrading: "
                    + checked.problems().get(0).message() + ".", checked.problems(), List.of());
        }
        // At head already (the common deploy) there is nothing to lint, and no reason to load the rules.
        if (before.equals(Set.copyOf(graph.heads()))) {
            return new Checked(before, null, List.of(), List.of());
        }
        // A release runs upgrades only; lint reports the downgrades' findings on its own.
        List<Finding> findings = lint.apply(before).open().stream()
                .filter(f -> f.direction() == Direction.UP && f.severity() != Severity.INFO).toList();
        List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            // The findings are printed in full beside the refusal; it names the first one.
            Finding first = errors.get(0);
            return new Checked(before, errors.size() + " lint error(s) in the pending revisions, nothing applied: " + first.rule() + " in "
                    + first.location() + ". Change the revision, or accept the finding beside its operation with op.acknowledge(\""
                    + first.rule() + "\", \"reason\").", errors.stream()
                    .map(error -> new Problem(Problem.Kind.LINT_ERROR, error.revision(), error.describe())).toList(), findings);
        }
        return new Checked(before, null, List.of(), findings);
    }

    /** Upgrades to each of these revisions in turn: what a release applies when it holds a contract back. */
    private RunResult upgradeTo(Set<String> targets, Set<String> before) {
        List<RunResult.StepResult> steps = new ArrayList<>();
        RunResult last = null;
        for (String target : graph.inOrder(targets)) {
            last = engine.upgrade(target);
            steps.addAll(last.steps());
        }
        return last == null ? new RunResult(Direction.UP, List.of(), before, before, Duration.ZERO)
                : new RunResult(Direction.UP, steps, before, last.headsAfter(), last.elapsed());
    }

    private Set<String> readHeads() {
        try {
            return engine.currentHeads();
        } catch (RetortException e) {
            return null;
        }
    }

    private static List<AppliedRevision> applied(RunResult result) {
        return result.steps().stream().map(Release::applied).toList();
    }

    private static AppliedRevision applied(RunResult.StepResult s) {
        return new AppliedRevision(s.step().revision().id(), s.step().revision().message(), s.step().transactional(), s.elapsed().toMillis(),
                s.step().direction() == Direction.REPEAT);
    }

    private static List<String> warnings(RunResult result) {
        List<String> warnings = new ArrayList<>();
        for (RunResult.StepResult step : result.steps()) {
            if (!step.step().transactional()) {
                String kind = step.step().direction() == Direction.REPEAT ? "repeatable" : "revision";
                warnings.add(kind + " " + step.step().revision().id() + " ran outside a transaction (non-transactional " + kind + ")");
            }
        }
        return warnings;
    }

    private ReleaseReport report(Outcome outcome, Instant started, long start, Set<String> before, Set<String> after,
                                 List<AppliedRevision> applied, List<String> warnings, List<Finding> findings, List<Problem> problems,
                                 String error) {
        return new ReleaseReport(outcome, environment, started, Duration.ofNanos(System.nanoTime() - start), before, after, applied, held,
                warnings, findings, problems, error);
    }
}
