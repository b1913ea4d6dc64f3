package dev.retort.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;

/** Lists the branch points: revisions two or more revisions descend from, with their children. */
@Mojo(name = "branches", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BranchesMojo extends AbstractRetortMojo {

    @Override
    protected boolean needsDatabase() {
        return false;
    }

    @Override
    protected void run() throws MojoFailureException {
        try (Retort retort = openRetort()) {
            RevisionGraph graph = retort.graph();
            List<RevisionScript> points = graph.revisions().stream().filter(r -> graph.isBranchPoint(r.id())).toList();
            if (points.isEmpty()) {
                getLog().info("No branch points: the history is linear.");
            }
            for (RevisionScript point : points) {
                getLog().info(point.id() + " (branchpoint)" + (point.message().isEmpty() ? "" : ", " + point.message()));
                for (String child : graph.children(point.id())) {
                    getLog().info("    -> " + child + ", " + graph.get(child).message());
                }
            }
        }
    }
}
