package dev.retort.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.report.Reports;

/** Lists the heads of the revision graph, marked {@code (current)} or {@code (pending)}. Several heads need a merge. */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HeadsMojo extends AbstractDatabaseMojo {

    @Override
    protected void run(Retort retort) {
        Reports.heads(retort.status()).forEach(getLog()::info);
    }
}
