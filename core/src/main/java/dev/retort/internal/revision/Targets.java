package dev.retort.internal.revision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionGraphException;

/**
 * Alembic's target syntax, resolved against a graph and the database's current heads:
 * {@code head}, {@code heads}, {@code base}, a full id, a unique id prefix, {@code +N} / {@code -N}
 * (relative to the current revision) and {@code <rev>+N} / {@code <rev>-N}.
 */
public final class Targets {

    private static final Pattern SYNTAX = Pattern.compile("([A-Za-z0-9_]*)([+-]\\d+)?");

    private final RevisionGraph graph;

    /** Resolves targets in this graph. */
    public Targets(RevisionGraph graph) {
        this.graph = graph;
    }

    private record Parsed(String anchor, int offset) {
    }

    private static Parsed parse(String target) {
        String spec = target == null ? "" : target.strip();
        Matcher m = SYNTAX.matcher(spec);
        if (spec.isEmpty() || !m.matches()) {
            throw new RevisionGraphException("Target '" + target + "' is not valid; use head, heads, base, a revision id "
                    + "or prefix, +N, -N, <rev>+N or <rev>-N.");
        }
        int offset;
        try {
            offset = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            throw new RevisionGraphException("Target '" + target + "' steps too far; use a revision id or a smaller number.");
        }
        return new Parsed(m.group(1), offset);
    }

    private RevisionGraphException noRevisions() {
        return new RevisionGraphException("There are no revisions in " + graph.origin() + " yet: if they exist, check {package} "
                + "or {sqlLocation} (and that the project is compiled); otherwise create the first one with generate.");
    }

    /** The single head; several heads is an error that says how to go on. */
    public String head() {
        List<String> heads = graph.heads();
        if (heads.isEmpty()) {
            throw noRevisions();
        }
        if (heads.size() > 1) {
            throw new RevisionGraphException("Target 'head' is ambiguous: there are " + heads.size() + " heads ("
                    + String.join(", ", heads) + "). Merge them with the merge goal, or name one as the target "
                    + "(or use 'heads' to upgrade every branch).");
        }
        return heads.get(0);
    }

    /**
     * The revisions an upgrade must reach (with their ancestors); empty for {@code base}.
     *
     * @param current the database's current heads
     */
    public Set<String> upgradeTarget(String target, Set<String> current) {
        Parsed p = parse(target);
        if (p.offset < 0) {
            throw new RevisionGraphException("Upgrade target '" + target + "' goes backwards; use downgrade for it.");
        }
        if (p.anchor.isEmpty()) {
            return p.offset == 0 ? current : Set.of(forwardFromCurrent(current, p.offset, target));
        }
        Set<String> anchor = anchor(p.anchor, target);
        if (p.offset == 0) {
            return anchor;
        }
        return Set.of(forward(single(anchor, target), p.offset, target));
    }

    /**
     * The revisions a downgrade keeps (with their ancestors); everything else applied is undone.
     * {@code <head>-N} takes back only that head's branch, leaving other current heads in place.
     */
    public Set<String> downgradeTarget(String target, Set<String> current) {
        Parsed p = parse(target);
        if (p.offset > 0) {
            throw new RevisionGraphException("Downgrade target '" + target + "' goes forwards; use upgrade for it.");
        }
        if (p.anchor.isEmpty()) {
            if (current.isEmpty()) {
                throw new RevisionGraphException("The database is at base; there is nothing to downgrade.");
            }
            if (current.size() > 1) {
                throw new RevisionGraphException("Target '" + target + "' is ambiguous: the database has " + current.size()
                        + " heads (" + String.join(", ", new TreeSet<>(current)) + "). Name one, as <revision>" + target + ".");
            }
            return backward(current.iterator().next(), -p.offset, target);
        }
        Set<String> anchor = anchor(p.anchor, target);
        if (p.offset == 0) {
            return anchor;
        }
        String from = single(anchor, target);
        Set<String> keep = new LinkedHashSet<>(backward(from, -p.offset, target));
        if (current.contains(from)) {
            for (String other : current) {
                if (!other.equals(from)) {
                    keep.add(other);
                }
            }
        }
        return keep;
    }

    /** The revisions a stamp writes to the version table; empty for {@code base}. */
    public Set<String> stampTarget(String target, Set<String> current) {
        Parsed p = parse(target);
        Set<String> result;
        if (p.anchor.isEmpty()) {
            result = p.offset >= 0 ? Set.of(forwardFromCurrent(current, p.offset, target)) : downgradeTarget(target, current);
        } else if (p.offset == 0) {
            result = anchor(p.anchor, target);
        } else if (p.offset > 0) {
            result = Set.of(forward(single(anchor(p.anchor, target), target), p.offset, target));
        } else {
            result = backward(single(anchor(p.anchor, target), target), -p.offset, target);
        }
        return graph.maximal(result);
    }

    private Set<String> anchor(String name, String target) {
        return switch (name) {
            case "head" -> Set.of(head());
            case "heads" -> new LinkedHashSet<>(graph.heads());
            case "base" -> Set.of();
            default -> Set.of(graph.resolve(name));
        };
    }

    private String single(Set<String> anchor, String target) {
        if (anchor.size() != 1) {
            throw new RevisionGraphException("Target '" + target + "' is relative to " + (anchor.isEmpty() ? "base" : "several revisions")
                    + "; name one revision, as <revision>+N or <revision>-N.");
        }
        return anchor.iterator().next();
    }

    private String forwardFromCurrent(Set<String> current, int steps, String target) {
        if (current.size() > 1) {
            throw new RevisionGraphException("Target '" + target + "' is ambiguous: the database has " + current.size()
                    + " heads (" + String.join(", ", new TreeSet<>(current)) + "). Name one, as <revision>" + target + ".");
        }
        if (current.isEmpty()) {
            List<String> bases = graph.bases();
            if (bases.isEmpty()) {
                throw noRevisions();
            }
            if (bases.size() > 1) {
                throw new RevisionGraphException("Target '" + target + "' is ambiguous from base: there are several roots ("
                        + String.join(", ", bases) + "). Name one, as <revision>+N.");
            }
            return steps == 0 ? bases.get(0) : forward(bases.get(0), steps - 1, target);
        }
        return forward(current.iterator().next(), steps, target);
    }

    private String forward(String from, int steps, String target) {
        String at = from;
        for (int i = 0; i < steps; i++) {
            List<String> next = graph.children(at);
            if (next.isEmpty()) {
                throw new RevisionGraphException("Target '" + target + "' goes past head " + at + " (only " + i
                        + " revision(s) follow " + from + ").");
            }
            if (next.size() > 1) {
                throw new RevisionGraphException("Target '" + target + "' is ambiguous: " + at + " is a branch point with "
                        + "children " + String.join(", ", next) + ". Name the revision to go to.");
            }
            at = next.get(0);
        }
        return at;
    }

    private Set<String> backward(String from, int steps, String target) {
        Set<String> at = Set.of(from);
        for (int i = 0; i < steps; i++) {
            if (at.isEmpty()) {
                throw new RevisionGraphException("Target '" + target + "' goes below base (" + from + " has only " + i
                        + " revision(s) beneath it, counting itself).");
            }
            if (at.size() > 1) {
                throw new RevisionGraphException("Target '" + target + "' is ambiguous: it crosses merge point " + from
                        + " whose parents are " + String.join(", ", new TreeSet<>(at)) + ". Name the revision to go to.");
            }
            at = new LinkedHashSet<>(graph.get(at.iterator().next()).parents());
        }
        return at;
    }

    /** The current heads, checked against the graph: unknown ids are an error naming them. */
    public Set<String> known(Set<String> current) {
        List<String> unknown = new ArrayList<>();
        for (String id : current) {
            if (!graph.contains(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new RevisionGraphException("The database is at revision " + String.join(", ", unknown)
                    + ", which none of the migrations declares. Restore the missing migration, or overwrite the version "
                    + "table with stamp and purge.");
        }
        return current;
    }
}
