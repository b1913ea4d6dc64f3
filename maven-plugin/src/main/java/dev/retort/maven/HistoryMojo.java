package dev.retort.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.report.Reports;

/**
 * Lists every revision, newest first, with its parents, state, time applied and message, in aligned columns; then the
 * repeatables, with whether each is applied as it is now, changed since, or pending.
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HistoryMojo extends AbstractDatabaseMojo {

    @Override
    protected void run(Retort retort) {
        Reports.history(retort.status(), retort.repeatables()).forEach(getLog()::info);
    }
}
