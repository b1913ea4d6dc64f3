package dev.retort.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.report.Reports;

/** Shows the database's current revision(s), marked {@code (head)} when nothing follows. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CurrentMojo extends AbstractRetortMojo {

    /** Also say whether the database is at head and list pending revisions. */
    @Parameter(property = "migrations.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    protected void run(Retort retort) {
        Reports.current(retort.status(), verbose).forEach(getLog()::info);
    }
}
