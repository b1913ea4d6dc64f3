package dev.retort.internal.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.MigrationListener;
import dev.retort.command.Direction;
import dev.retort.command.RunResult;
import dev.retort.internal.rolling.Instances;
import dev.retort.internal.rolling.RollingTables;
import dev.retort.internal.runtime.Engine;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;

/**
 * An upgrade to head where the history has contract revisions, as an application runs it at start-up: a contract whose
 * expand this same run applies, or that a registered instance built before its expand still needs, is held (with what
 * follows it) and said so; the rest is applied. The next upgrade, once those instances are gone, applies it.
 */
public final class StartupUpgrade {

    private final RevisionGraph graph;
    private final Engine engine;
    private final RollingTables tables;
    private final MigrationListener listener;

    /** An upgrade of this graph through this engine, reading registered instances from these tables. */
    public StartupUpgrade(RevisionGraph graph, Engine engine, RollingTables tables, MigrationListener listener) {
        this.graph = graph;
        this.engine = engine;
        this.tables = tables;
        this.listener = listener;
    }

    /** Whether a run to this target needs the gate: a run to head of a history with contracts. */
    public static boolean applies(RevisionGraph graph, String target) {
        return ("head".equals(target) || "heads".equals(target)) && graph.revisions().stream().anyMatch(RevisionScript::isContract);
    }

    /** Upgrades to {@code target} (head or heads), holding contracts as the rule says. */
    public RunResult run(String target) {
        Set<String> before = engine.currentHeads();
        if (!before.stream().allMatch(graph::contains)) {
            return engine.upgrade(target); // the engine says what is wrong
        }
        Set<String> applied = graph.appliedBy(before);
        List<String> pending = graph.inOrder(graph.revisions().stream().map(RevisionScript::id).filter(id -> !applied.contains(id)).toList());
        ContractGate.Decision decision = new ContractGate(graph, Set.copyOf(graph.heads()), null, List::of,
                () -> new Instances(tables).live(), false).decide(pending);
        if (decision.held().isEmpty()) {
            return engine.upgrade(target);
        }
        decision.held().forEach((id, why) -> listener.note("Revision " + graph.get(id) + " not applied: " + why + "."));
        Set<String> toApply = new TreeSet<>(pending);
        toApply.removeAll(decision.held().keySet());
        List<RunResult.StepResult> steps = new ArrayList<>();
        RunResult last = null;
        for (String each : graph.inOrder(graph.maximal(toApply))) {
            last = engine.upgrade(each);
            steps.addAll(last.steps());
        }
        return last == null ? new RunResult(Direction.UP, List.of(), before, before, Duration.ZERO)
                : new RunResult(Direction.UP, steps, before, last.headsAfter(), last.elapsed());
    }
}
