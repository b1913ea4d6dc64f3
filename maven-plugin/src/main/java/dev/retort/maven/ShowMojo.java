package dev.retort.maven;

import java.util.Set;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;

/** Shows one revision: id, parents, message, creation time, class, checksum and the SQL its upgrade runs. */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ShowMojo extends AbstractRetortMojo {

    /** The revision: an id, a unique prefix, or {@code head}. */
    @Parameter(property = "migrations.target", defaultValue = "head")
    private String target;

    @Override
    protected boolean needsDatabase() {
        return false;
    }

    @Override
    protected void run() throws MojoFailureException {
        try (Retort retort = openRetort()) {
            RevisionGraph graph = retort.graph();
            String id = "head".equals(target) ? new dev.retort.revision.Targets(graph).head() : graph.resolve(target);
            RevisionScript revision = graph.get(id);
            getLog().info("Revision:      " + revision.id() + (graph.heads().contains(id) ? " (head)" : ""));
            getLog().info("Parents:       " + (revision.parents().isEmpty() ? "<base>" : String.join(", ", revision.parents())));
            getLog().info("Children:      " + (graph.children(id).isEmpty() ? "-" : String.join(", ", graph.children(id))));
            getLog().info("Message:       " + revision.message());
            getLog().info("Created:       " + (revision.created().isEmpty() ? "-" : revision.created()));
            getLog().info("Class:         " + revision.source());
            getLog().info("Transactional: " + (revision.transactional() ? "yes" : "no"));
            getLog().info("Checksum:      " + retort.checksum(id));
            getLog().info("Upgrade SQL:");
            Set<String> parents = Set.copyOf(revision.parents());
            String script = retort.upgradeSql(parents, id);
            script.lines().filter(l -> !l.startsWith("CREATE TABLE IF NOT EXISTS") && !l.startsWith("-- Generated"))
                    .forEach(l -> getLog().info("  " + l));
        }
    }
}
