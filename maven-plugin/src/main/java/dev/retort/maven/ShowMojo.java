package dev.retort.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.report.Reports;

/** Shows one revision: id, parents, message, creation time, class, checksum and the SQL of its upgrade and downgrade. Needs no database. */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ShowMojo extends AbstractRenderingMojo {

    /** The revision: an id, a unique prefix, or {@code head}. */
    @Parameter(property = "migrations.target", defaultValue = "head")
    private String target;

    @Override
    protected void run(Retort retort) {
        Reports.show(retort.show(target)).forEach(getLog()::info);
    }
}
