package dev.retort.internal.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.command.Direction;
import dev.retort.command.Heads;
import dev.retort.command.Step;
import dev.retort.internal.revision.Targets;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionGraphException;
import dev.retort.revision.RevisionScript;

/** Turns a target and the current heads into the ordered steps of a run. */
final class Planner {

    private final RevisionGraph graph;
    private final Targets targets;

    Planner(RevisionGraph graph) {
        this.graph = graph;
        this.targets = new Targets(graph);
    }

    List<Step> upgrade(String target, Set<String> current) {
        targets.known(current);
        Set<String> goal = targets.upgradeTarget(target, current);
        Set<String> applied = graph.ancestorsInclusive(current);
        for (String id : goal) {
            if (applied.contains(id) && !current.contains(id)) {
                throw new RevisionGraphException("Upgrade target '" + target + "' (" + id + ") is behind the database, "
                        + "which is at " + Heads.describe(current) + "; use downgrade to go back.");
            }
        }
        Set<String> toApply = new HashSet<>(graph.ancestorsInclusive(goal));
        toApply.removeAll(applied);
        List<Step> steps = new ArrayList<>();
        Set<String> heads = new TreeSet<>(current);
        for (String id : graph.inOrder(toApply)) {
            RevisionScript script = graph.get(id);
            Set<String> after = new TreeSet<>(heads);
            after.removeAll(script.parents());
            after.add(id);
            steps.add(new Step(Direction.UP, script, heads, after));
            heads = after;
        }
        return steps;
    }

    List<Step> downgrade(String target, Set<String> current) {
        targets.known(current);
        Set<String> keep = targets.downgradeTarget(target, current);
        Set<String> applied = graph.ancestorsInclusive(current);
        for (String id : keep) {
            if (!applied.contains(id)) {
                throw new RevisionGraphException("Downgrade target '" + target + "' (" + id + ") is not applied; the database "
                        + "is at " + Heads.describe(current) + ". Use upgrade to go forward.");
            }
        }
        Set<String> toRemove = new HashSet<>(applied);
        toRemove.removeAll(graph.ancestorsInclusive(keep));
        List<String> order = new ArrayList<>(graph.inOrder(toRemove));
        java.util.Collections.reverse(order);
        List<Step> steps = new ArrayList<>();
        Set<String> heads = new TreeSet<>(current);
        for (String id : order) {
            // Removal runs descendants first, so the revision is a head here; its parents become heads
            // unless another remaining head still stands on them.
            RevisionScript script = graph.get(id);
            Set<String> after = new TreeSet<>(heads);
            after.remove(id);
            Set<String> stillBelow = graph.ancestorsInclusive(after);
            for (String parent : script.parents()) {
                if (!stillBelow.contains(parent)) {
                    after.add(parent);
                }
            }
            steps.add(new Step(Direction.DOWN, script, heads, after));
            heads = after;
        }
        return steps;
    }

    Step stamp(String target, Set<String> current, boolean purge) {
        if (!purge) {
            targets.known(current);
        }
        Set<String> goal = targets.stampTarget(target, purge ? knownOnly(current) : current);
        return new Step(Direction.STAMP, null, current, goal);
    }

    private Set<String> knownOnly(Set<String> current) {
        Set<String> known = new TreeSet<>();
        for (String id : current) {
            if (graph.contains(id)) {
                known.add(id);
            }
        }
        return known;
    }
}
