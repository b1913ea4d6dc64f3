package dev.retort.internal.command;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import dev.retort.Revision;
import dev.retort.internal.rolling.DeployLog;
import dev.retort.internal.rolling.Instances;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;

/**
 * The two-deploy rule: which pending contract revisions a release must not apply. A contract is held when this release
 * applies its expand (the code of the version before still runs and uses what it removes), or when the deploy that
 * applied its expand was this very artifact; it is refused, by name, while a registered instance built before its
 * expand still runs. Revisions after a held contract wait with it.
 */
final class ContractGate {

    /**
     * What the gate decided.
     *
     * @param held     the pending revisions not to apply now, each with why, in graph order
     * @param refusal  why the release must apply nothing, or null
     */
    record Decision(Map<String, String> held, Refusal refusal) {
    }

    /**
     * A contract the release must not apply, so it applies nothing.
     *
     * @param contract the contract revision's id
     * @param reason   what stands in its way, from {@code contract revision …}, without the advice
     */
    record Refusal(String contract, String reason) {

        /** The refusal as the release reports it: the reason and what to do. */
        String message() {
            return reason + ". Finish the rollout (stop the old instances; a registration expires when its instance stops refreshing it) "
                    + "and release again. Nothing was changed.";
        }
    }

    private final RevisionGraph graph;
    private final Set<String> heads;
    private final String version;
    private final Supplier<List<DeployLog.Deploy>> deploys;
    private final Supplier<List<Instances.Instance>> instances;
    private final boolean refuse;

    ContractGate(RevisionGraph graph, Set<String> heads, String version, Supplier<List<DeployLog.Deploy>> deploys,
                 Supplier<List<Instances.Instance>> instances) {
        this(graph, heads, version, deploys, instances, true);
    }

    /** As above; with {@code refuse} false, a contract an older instance still needs is held instead of refused. */
    ContractGate(RevisionGraph graph, Set<String> heads, String version, Supplier<List<DeployLog.Deploy>> deploys,
                 Supplier<List<Instances.Instance>> instances, boolean refuse) {
        this.refuse = refuse;
        this.graph = graph;
        this.heads = heads;
        this.version = version;
        this.deploys = deploys;
        this.instances = instances;
    }

    /** Decides for the pending revisions, in graph order. */
    Decision decide(List<String> pending) {
        Map<String, String> held = new LinkedHashMap<>();
        List<String> contracts = pending.stream().filter(id -> graph.get(id).isContract()).toList();
        if (contracts.isEmpty()) {
            return new Decision(held, null);
        }
        Set<String> pendingSet = Set.copyOf(pending);
        List<DeployLog.Deploy> history = null;
        List<Instances.Instance> live = null;
        for (String contract : contracts) {
            if (held.containsKey(contract)) {
                continue;
            }
            RevisionScript script = graph.get(contract);
            Set<String> expands = expandsOf(script);
            String pendingExpand = expands.stream().filter(pendingSet::contains).findFirst().orElse(null);
            String reason = null;
            if (pendingExpand != null) {
                reason = "held for the next deploy: its expand " + pendingExpand + " is applied by this " + (refuse ? "release" : "run")
                        + ", and the code of the version before may still be running";
            } else {
                if (history == null) {
                    history = deploys.get();
                }
                for (String expand : expands) {
                    DeployLog.Deploy by = history.stream().filter(d -> d.applied().contains(expand)).reduce((a, b) -> b).orElse(null);
                    if (by != null && version != null && version.equals(by.version()) && heads.equals(by.heads())) {
                        reason = "held for the next deploy: its expand " + expand + " was applied by a release of this same artifact ("
                                + "version " + version + ", deploy " + by.id() + ")";
                        break;
                    }
                }
            }
            if (reason == null) {
                if (live == null) {
                    live = instances.get();
                }
                List<Instances.Instance> older = live.stream().filter(i -> builtBefore(i, expands)).toList();
                if (older.isEmpty()) {
                    continue;
                }
                String expand = expands.isEmpty() ? "its expand" : "its expand " + String.join(", ", expands);
                if (refuse) {
                    return new Decision(held, new Refusal(contract, "contract revision " + script + " cannot be applied while "
                            + older.size() + " running instance(s) built before " + expand + " still run: " + older.get(0).describe()));
                }
                reason = "held while " + older.size() + " running instance(s) built before " + expand + " still run: "
                        + older.get(0).describe();
            }
            held.put(contract, reason);
            for (String after : graph.inOrder(graph.descendantsInclusive(List.of(contract)))) {
                if (!after.equals(contract) && pendingSet.contains(after)) {
                    held.putIfAbsent(after, "held with contract " + contract + ", which it comes after");
                }
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        graph.inOrder(held.keySet()).forEach(id -> ordered.put(id, held.get(id)));
        return new Decision(ordered, null);
    }

    /** Whether an instance runs code built before one of these expands: its heads are known and lack it. */
    private boolean builtBefore(Instances.Instance instance, Set<String> expands) {
        if (expands.isEmpty() || !instance.heads().stream().allMatch(graph::contains)) {
            return false;
        }
        Set<String> known = graph.ancestorsInclusive(instance.heads());
        return expands.stream().anyMatch(e -> !known.contains(e));
    }

    /**
     * A contract's expands: the one it names, else the nearest expand revisions among its ancestors (on each line of
     * parents, the first one met).
     */
    static Set<String> expandsOf(RevisionGraph graph, RevisionScript contract) {
        if (!contract.expand().isEmpty()) {
            return Set.of(contract.expand());
        }
        Set<String> found = new java.util.TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(contract.parents());
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            RevisionScript script = graph.get(id);
            if (script.phase() == Revision.Phase.EXPAND) {
                found.add(id);
            } else if (!script.isContract()) {
                todo.addAll(script.parents());
            }
        }
        return found;
    }

    private Set<String> expandsOf(RevisionScript contract) {
        return expandsOf(graph, Objects.requireNonNull(contract));
    }
}
