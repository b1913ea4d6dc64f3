package dev.retort.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The validated graph of all revisions: parents, children, heads, bases, branch and merge points.
 * Building it reports every duplicate id, unknown parent and cycle with the classes involved.
 */
public final class RevisionGraph {

    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9_]+");
    private static final Set<String> RESERVED_IDS = Set.of("head", "heads", "base");
    /** The width of {@code retort_version.version_num}. */
    private static final int MAX_ID_LENGTH = 64;

    private final Map<String, RevisionScript> byId;
    private final Map<String, List<String>> children;
    /** Every revision, parents before children; ties broken by creation time, then id. */
    private final List<String> order;
    private final Map<String, Integer> position;

    private final String origin;

    private RevisionGraph(Map<String, RevisionScript> byId, Map<String, List<String>> children, List<String> order, String origin) {
        this.origin = origin;
        this.byId = byId;
        this.children = children;
        this.order = order;
        this.position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
    }

    /**
     * Builds and validates the graph.
     *
     * @throws RevisionGraphException naming every problem found
     */
    public static RevisionGraph of(Collection<RevisionScript> scripts) {
        return of(scripts, "the given revisions");
    }

    /**
     * Builds and validates the graph of revisions found in {@code origin} (e.g. {@code package db.migrations}), which
     * messages name when there are none.
     *
     * @throws RevisionGraphException naming every problem found
     */
    public static RevisionGraph of(Collection<RevisionScript> scripts, String origin) {
        List<String> problems = new ArrayList<>();
        Map<String, RevisionScript> byId = new LinkedHashMap<>();
        Map<String, List<String>> sourcesById = new TreeMap<>();
        for (RevisionScript script : scripts) {
            sourcesById.computeIfAbsent(script.id(), k -> new ArrayList<>()).add(script.source());
            byId.putIfAbsent(script.id(), script);
            if (!VALID_ID.matcher(script.id()).matches()) {
                problems.add(script.source() + " declares revision id '" + script.id()
                        + "'; ids may contain only letters, digits and underscores");
            } else if (script.id().length() > MAX_ID_LENGTH) {
                problems.add(script.source() + " declares revision id '" + script.id() + "', longer than " + MAX_ID_LENGTH
                        + " characters (the version table's limit)");
            } else if (RESERVED_IDS.contains(script.id())) {
                problems.add(script.source() + " declares revision id '" + script.id() + "', which is a reserved target name");
            }
            if (script.message().chars().anyMatch(Character::isISOControl)) {
                problems.add(script.source() + " has a message with a line break or another control character; a revision "
                        + "message is one line (it is written into SQL comments and history rows)");
            }
            if (new HashSet<>(script.parents()).size() != script.parents().size()) {
                problems.add(script.source() + " lists the same parent twice: " + script.parents());
            }
        }
        sourcesById.forEach((id, sources) -> {
            if (sources.size() > 1) {
                problems.add("duplicate revision id " + id + " in " + String.join(" and ", sources));
            }
        });
        Map<String, List<String>> children = new HashMap<>();
        for (RevisionScript script : byId.values()) {
            children.putIfAbsent(script.id(), new ArrayList<>());
            for (String parent : script.parents()) {
                if (!byId.containsKey(parent)) {
                    problems.add("revision " + script.id() + " (" + script.source() + ") names parent " + parent
                            + ", which no migration declares");
                } else {
                    children.computeIfAbsent(parent, k -> new ArrayList<>()).add(script.id());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RevisionGraphException("The revision graph is not valid: " + String.join("; ", problems) + ".");
        }
        children.values().forEach(Collections::sort);
        List<String> order = topologicalOrder(byId, children);
        RevisionGraph graph = new RevisionGraph(Collections.unmodifiableMap(byId), children, Collections.unmodifiableList(order), origin);
        for (RevisionScript script : byId.values()) {
            String expand = script.expand();
            if (script.isContract() && !expand.isEmpty() && (!byId.containsKey(expand) || expand.equals(script.id())
                    || !graph.ancestorsInclusive(List.of(script.id())).contains(expand))) {
                problems.add("contract revision " + script.id() + " (" + script.source() + ") names expand " + expand
                        + ", which is not one of its ancestors; a contract descends from its expand");
            } else if (!script.isContract() && !expand.isEmpty()) {
                problems.add("revision " + script.id() + " (" + script.source() + ") names an expand but is not a contract; add "
                        + "phase = Revision.Phase.CONTRACT or remove expand");
            }
        }
        if (!problems.isEmpty()) {
            throw new RevisionGraphException("The revision graph is not valid: " + String.join("; ", problems) + ".");
        }
        return graph;
    }

    private static List<String> topologicalOrder(Map<String, RevisionScript> byId, Map<String, List<String>> children) {
        Comparator<String> tieBreak = Comparator.<String, String>comparing(id -> byId.get(id).created())
                .thenComparing(Comparator.naturalOrder());
        Map<String, Integer> pendingParents = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>(tieBreak);
        for (RevisionScript script : byId.values()) {
            pendingParents.put(script.id(), script.parents().size());
            if (script.parents().isEmpty()) {
                ready.add(script.id());
            }
        }
        List<String> order = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String child : children.get(id)) {
                if (pendingParents.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (order.size() < byId.size()) {
            Set<String> inCycle = new TreeSet<>(byId.keySet());
            inCycle.removeAll(order);
            throw new RevisionGraphException("The revision graph is not valid: revisions " + describeCycle(byId, inCycle)
                    + " form a cycle through their parents; a revision cannot descend from itself.");
        }
        return order;
    }

    private static String describeCycle(Map<String, RevisionScript> byId, Set<String> unresolved) {
        // Walk parents inside the unresolved set until a revision repeats: that loop is the cycle.
        String start = unresolved.iterator().next();
        List<String> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = start;
        while (seen.add(current)) {
            path.add(current);
            current = byId.get(current).parents().stream().filter(unresolved::contains).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        cycle.add(current);
        Collections.reverse(cycle);
        return cycle.stream().map(id -> id + " (" + byId.get(id).source() + ")").collect(Collectors.joining(" -> "));
    }

    /** Where the revisions were found, for messages: {@code package db.migrations}. */
    public String origin() {
        return origin;
    }

    /** The revision with exactly this id. */
    public RevisionScript get(String id) {
        RevisionScript script = byId.get(id);
        if (script == null) {
            throw new RevisionGraphException("No revision " + id + " exists.");
        }
        return script;
    }

    /** Whether a revision with exactly this id exists. */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Number of revisions. */
    public int size() {
        return order.size();
    }

    /** Whether there are no revisions at all. */
    public boolean isEmpty() {
        return order.isEmpty();
    }

    /** Every revision, parents before children. */
    public List<RevisionScript> revisions() {
        return order.stream().map(byId::get).toList();
    }

    /** The revisions that have no children, in graph order. */
    public List<String> heads() {
        return order.stream().filter(id -> children.get(id).isEmpty()).toList();
    }

    /** The revisions that have no parents, in graph order. */
    public List<String> bases() {
        return order.stream().filter(id -> byId.get(id).isRoot()).toList();
    }

    /** The direct children of a revision, sorted by id. */
    public List<String> children(String id) {
        get(id);
        return Collections.unmodifiableList(children.get(id));
    }

    /** Whether two or more revisions descend directly from this one. */
    public boolean isBranchPoint(String id) {
        return children(id).size() > 1;
    }

    /** Whether this revision joins two or more parents. */
    public boolean isMergePoint(String id) {
        return get(id).isMerge();
    }

    /**
     * Resolves a full id or a unique prefix of one.
     *
     * @throws RevisionGraphException when nothing matches or the prefix is ambiguous (listing the candidates)
     */
    public String resolve(String idOrPrefix) {
        if (byId.containsKey(idOrPrefix)) {
            return idOrPrefix;
        }
        List<String> candidates = order.stream().filter(id -> id.startsWith(idOrPrefix)).sorted().toList();
        if (candidates.isEmpty()) {
            throw new RevisionGraphException("No revision matches '" + idOrPrefix + "'. Run history to list the revisions.");
        }
        if (candidates.size() > 1) {
            throw new RevisionGraphException("Revision prefix '" + idOrPrefix + "' is ambiguous: it matches "
                    + String.join(", ", candidates) + ". Give more characters.");
        }
        return candidates.get(0);
    }

    /**
     * The revisions a database at these heads has applied: the heads and everything beneath them; none when a
     * head is a revision this graph does not know (the database is ahead of the code, or a migration was deleted).
     */
    public Set<String> appliedBy(Collection<String> heads) {
        return heads.stream().allMatch(this::contains) ? ancestorsInclusive(heads) : Set.of();
    }

    /** The given revisions and all their ancestors. */
    public Set<String> ancestorsInclusive(Collection<String> ids) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(get(id).parents());
            }
        }
        return seen;
    }

    /** The given revisions and all their descendants. */
    public Set<String> descendantsInclusive(Collection<String> ids) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(children(id));
            }
        }
        return seen;
    }

    /** The revisions of the set in graph order: every parent before its children. */
    public List<String> inOrder(Collection<String> ids) {
        return ids.stream().sorted(Comparator.comparingInt(id -> position.get(get(id).id()))).toList();
    }

    /** The members of the set that are not ancestors of another member: the heads of what the set spans. */
    public Set<String> maximal(Collection<String> ids) {
        Set<String> result = new TreeSet<>(ids);
        for (String id : ids) {
            Set<String> ancestors = ancestorsInclusive(get(id).parents());
            result.removeAll(ancestors);
        }
        return result;
    }
}
