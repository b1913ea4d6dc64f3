package dev.retort.internal.command;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.command.Deployability;
import dev.retort.internal.runtime.Engine;
import dev.retort.operation.Operation;
import dev.retort.revision.RevisionScript;
import dev.retort.revision.RevisionGraph;

/** {@code check-deployable}: an artifact's recorded revisions against the live database, before old or new code runs on it. */
public final class Deployment {

    private final RevisionGraph graph;
    private final Engine engine;

    private final BackwardCompatibility compatibility;

    /** Compares artifacts with the database this engine reaches; the graph is the migrations at hand. */
    public Deployment(RevisionGraph graph, Engine engine) {
        this(graph, engine, script -> List.of());
    }

    /**
     * As above; a revision the artifact does not know is accepted when older code survives it, judged by its phase or
     * the operations {@code upgrade} records for it.
     */
    public Deployment(RevisionGraph graph, Engine engine, java.util.function.Function<RevisionScript, List<Operation>> upgrade) {
        this.graph = graph;
        this.engine = engine;
        this.compatibility = new BackwardCompatibility(upgrade);
    }

    /** Whether an artifact that knows these revisions, with these heads, may run against the database. */
    public Deployability check(Set<String> artifactHeads, Set<String> artifactRevisions) {
        Set<String> current = engine.currentHeads();
        // An artifact that records only its head knows everything beneath it.
        Set<String> known = new TreeSet<>(artifactRevisions);
        known.addAll(graph.ancestorsInclusive(artifactHeads.stream().filter(graph::contains).toList()));
        // Name every applied revision the artifact lacks, not just the database's head.
        Set<String> applied = current.stream().allMatch(graph::contains) ? graph.appliedBy(current) : current;
        List<String> unknown = graph.inOrder(applied.stream().filter(graph::contains).filter(id -> !known.contains(id)).toList());
        if (unknown.isEmpty()) {
            unknown = current.stream().filter(id -> !known.contains(id)).sorted().toList();
        }
        if (!unknown.isEmpty()) {
            if (!unknown.stream().allMatch(graph::contains)) {
                return new Deployability(false, artifactHeads, current, unknown, List.of());
            }
            // The migrations at hand know them: judge whether the artifact's older code survives each.
            List<Deployability.Verdict> verdicts = unknown.stream().map(id -> {
                BackwardCompatibility.Verdict verdict = compatibility.judge(graph.get(id));
                return new Deployability.Verdict(id, verdict.compatible(), verdict.why());
            }).toList();
            return new Deployability(verdicts.stream().allMatch(Deployability.Verdict::compatible), artifactHeads, current, unknown,
                    List.of(), verdicts);
        }
        List<String> pending = List.of();
        if (artifactHeads.stream().allMatch(graph::contains) && current.stream().allMatch(graph::contains)) {
            Set<String> wanted = new TreeSet<>(graph.ancestorsInclusive(artifactHeads));
            wanted.removeAll(graph.appliedBy(current));
            pending = graph.inOrder(wanted);
        }
        return new Deployability(true, artifactHeads, current, List.of(), pending);
    }
}
