package dev.retort.internal.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.retort.command.AppliedStep;
import dev.retort.command.Direction;
import dev.retort.command.RevisionDetails;
import dev.retort.command.RevisionStatus;
import dev.retort.internal.revision.MigrationClasses;
import dev.retort.internal.revision.Targets;
import dev.retort.internal.runtime.Engine;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;

/** {@code current}, {@code history}, {@code heads} and {@code show}: what the graph and the database say, read only. */
public final class Inspection {

    private final RevisionGraph graph;
    private final Engine engine;

    /** Inspection of a graph and (for status) its database. */
    public Inspection(RevisionGraph graph, Engine engine) {
        this.graph = graph;
        this.engine = engine;
    }

    /** Every revision, oldest first, with what the database says of it. */
    public List<RevisionStatus> status() {
        Set<String> current = engine.currentHeads();
        Set<String> applied = graph.appliedBy(current);
        Map<String, Instant> appliedAt = new HashMap<>();
        List<AppliedStep> log = engine.log();
        for (AppliedStep step : log) {
            if (step.success() && "up".equals(step.direction())) {
                appliedAt.put(step.revision(), step.appliedAt());
            }
        }
        // Only the newest row can be an interrupted step: any later run undoes it or clears it first.
        AppliedStep interrupted = log.isEmpty() || !log.get(log.size() - 1).unfinished() ? null : log.get(log.size() - 1);
        Set<String> heads = Set.copyOf(graph.heads());
        List<RevisionStatus> statuses = new ArrayList<>(graph.size());
        for (RevisionScript script : graph.revisions()) {
            String id = script.id();
            statuses.add(new RevisionStatus(script, heads.contains(id), current.contains(id), applied.contains(id),
                    graph.isBranchPoint(id), graph.isMergePoint(id), applied.contains(id) ? appliedAt.get(id) : null,
                    interrupted != null && interrupted.revision().equals(id) ? interrupted : null));
        }
        return statuses;
    }

    /** A repeatable (as the engine runs it) with the statements it applies; it has no downgrade. */
    public RevisionDetails showRepeatable(RevisionScript repeatable) {
        return new RevisionDetails(repeatable, false, List.of(), engine.checksum(repeatable), engine.statements(repeatable, Direction.UP),
                List.of("-- none: a repeatable is not taken back; it runs again when it changes"));
    }

    /** One revision ({@code head}, an id or a unique prefix) with its statements both ways. */
    public RevisionDetails show(String target) {
        String id = "head".equals(target) ? new Targets(graph).head() : graph.resolve(target);
        RevisionScript script = graph.get(id);
        List<String> downgrade = MigrationClasses.downgradable(script) ? engine.statements(id, Direction.DOWN)
                : List.of("-- no downgrade: " + script.source() + " has no -- retort:downgrade section");
        return new RevisionDetails(script, graph.heads().contains(id), graph.children(id), engine.checksum(id),
                engine.statements(id, Direction.UP), downgrade);
    }
}
