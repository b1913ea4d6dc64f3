package dev.retort.internal.command;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.command.Deployability;
import dev.retort.internal.runtime.Engine;
import dev.retort.revision.RevisionGraph;

/** {@code check-deployable}: an artifact's recorded revisions against the live database, before old or new code runs on it. */
public final class Deployment {

    private final RevisionGraph graph;
    private final Engine engine;

    /** Compares artifacts with the database this engine reaches; the graph is the migrations at hand. */
    public Deployment(RevisionGraph graph, Engine engine) {
        this.graph = graph;
        this.engine = engine;
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
            return new Deployability(false, artifactHeads, current, unknown, List.of());
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
