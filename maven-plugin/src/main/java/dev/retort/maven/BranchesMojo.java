package dev.retort.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.report.Reports;

/** Lists the branch points: revisions two or more revisions descend from, with their children. Needs no database. */
@Mojo(name = "branches", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BranchesMojo extends AbstractRetortMojo {

    @Override
    protected void run(Retort retort) {
        Reports.branches(retort.graph()).forEach(getLog()::info);
    }
}
