package dev.retort.internal.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.retort.RetortException;
import dev.retort.command.Generated;
import dev.retort.command.Heads;
import dev.retort.internal.codegen.MigrationSource;
import dev.retort.platform.Platform;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;
import dev.retort.schema.Comparison;

/** {@code generate} and {@code merge}: writing new revisions as Java source. */
public final class Authoring {

    private final RevisionGraph graph;
    private final Platform platform;
    private final Path sourceDirectory;
    private final String packageName;

    /** Writes revisions of this graph into the source directory and package. */
    public Authoring(RevisionGraph graph, Platform platform, Path sourceDirectory, String packageName) {
        this.graph = graph;
        this.platform = platform;
        this.sourceDirectory = sourceDirectory;
        this.packageName = packageName;
    }

    /** Refuses to generate on a graph with several heads: the new revision would have no single parent. */
    public void requireSingleHead() {
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            throw new RetortException("There are " + heads.size() + " heads (" + String.join(", ", heads) + "); merge them before "
                    + "generating a new revision.");
        }
    }

    /** Refuses to generate against a database that is not at head: the new revision is computed from its schema. */
    public void requireAtHead(Set<String> current) {
        List<String> heads = graph.heads();
        if (!current.equals(Set.copyOf(heads))) {
            Set<String> applied = graph.appliedBy(current);
            List<String> pending = graph.revisions().stream().map(RevisionScript::id).filter(id -> !applied.contains(id)).toList();
            throw new RetortException("The database is not at head: " + (pending.isEmpty() ? "it is at " + Heads.describe(current)
                    : pending.size() + " revision(s) pending (" + String.join(", ", pending) + ")")
                    + ". Run upgrade first, so the new revision is computed from the latest schema.");
        }
    }

    /** Writes the changes as a new revision on top of the current head; writes nothing when there are none. */
    public Generated write(String message, Comparison comparison) {
        List<String> parents = graph.heads();
        if (comparison.isEmpty()) {
            return new Generated(null, parents, null, null, null, comparison);
        }
        return written(MigrationSource.write(platform, packageName, MigrationSource.newRevisionId(), parents, message,
                comparison), parents, comparison);
    }

    /** Writes an empty revision on top of the current head(s), to fill in by hand. */
    public Generated empty(String message) {
        List<String> parents = graph.heads();
        Comparison none = new Comparison(List.of());
        return written(MigrationSource.write(platform, packageName, MigrationSource.newRevisionId(), parents, message, none),
                parents, none);
    }

    /** Writes a revision whose parents are all current heads, joining the branches. */
    public Generated merge(String message) {
        List<String> heads = graph.heads();
        if (heads.size() < 2) {
            throw new RetortException("There is " + (heads.isEmpty() ? "no head" : "a single head (" + heads.get(0) + ")")
                    + "; merge joins two or more heads, so there is nothing to merge.");
        }
        return empty(message);
    }

    private Generated written(MigrationSource source, List<String> parents, Comparison comparison) {
        Path file = source.writeTo(sourceDirectory);
        return new Generated(source.revision(), parents, source.className(), file, source.source(), comparison);
    }
}
