package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.report.Reports;

/**
 * Drops every object in the managed schemas, Retort's tables included, so a development or test database starts again
 * from base. Refused in production whatever is confirmed, and unless {@code cleanEnabled} allows it.
 */
@Mojo(name = "clean", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CleanMojo extends AbstractWritingMojo {

    /** Allows clean on this database ({@code yes} or {@code true}); default {@code false}, as Flyway's {@code cleanDisabled}. */
    @Parameter(property = "migrations.cleanEnabled")
    private String cleanEnabled;

    /** The schemas to empty, comma-separated; default {@code schema}, else the connection's current schema. */
    @Parameter(property = "migrations.schemas")
    private String schemas;

    @Override
    protected void configure(Settings.Builder builder) throws MojoFailureException {
        super.configure(builder);
        builder.set(Setting.CLEAN_ENABLED, cleanEnabled).set(Setting.SCHEMAS, schemas);
    }

    @Override
    protected void run(Retort retort) {
        Reports.cleaned(retort.clean()).forEach(getLog()::info);
    }
}
