package dev.retort.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.lint.LintReport;

/**
 * Lints the revisions an upgrade would apply for lock hazards, data loss and rolling-deploy breakers, and fails on an
 * error no migration acknowledges. Without {@code migrations.from}, starts at the database's current revision (at base
 * when no database is configured); with it, needs no database. Over a fleet ({@code migrations.targets},
 * {@code migrations.tenantSchemas}, {@code migrations.targetsQuery}), lints what each target has not applied yet, with what its
 * schema holds, and fails when a target has an error no migration acknowledges. Executes nothing.
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class LintMojo extends AbstractDatabaseMojo {

    /** Up to where: {@code heads}, {@code head}, a revision id, ... */
    @Parameter(property = "migrations.target", defaultValue = "heads")
    private String target;

    /** Where to start instead of the database's current revision: {@code base}, or revision ids separated by commas. */
    @Parameter(property = "migrations.from")
    private String from;

    /**
     * The databases one history serves, platform ids comma-separated ({@code postgresql,mariadb,h2}): each revision is
     * judged on each of them, and one that cannot run there is an error naming it.
     */
    @Parameter(property = "migrations.platforms")
    private List<String> platforms;

    @Override
    protected void configure(Settings.Builder builder) throws MojoFailureException {
        super.configure(builder);
        builder.set(Setting.PLATFORMS, platforms == null ? null : String.join(",", platforms));
    }

    @Override
    protected dev.retort.fleet.FleetCommand fleetCommand() throws MojoFailureException {
        if (!"heads".equals(target) && !"head".equals(target)) {
            throw new MojoFailureException("migrations:lint over a fleet goes to head, and migrations.target is " + target + "; leave it out.");
        }
        return dev.retort.fleet.FleetCommand.LINT;
    }

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        LintReport report = from == null || from.isBlank() ? retort.lint(target) : retort.lint(revisions(from), target);
        Findings.print(getLog(), report.findings());
        getLog().info(report.verdict());
        if (!report.passed()) {
            throw new MojoFailureException("migrations:lint found " + report.errors().size() + " error(s), the first: "
                    + report.errors().get(0).describe() + " Accept a deliberate one with op.acknowledge(\"" + report.errors().get(0).rule()
                    + "\", \"why\") right after its operation.");
        }
    }

    @Override
    protected boolean usesDatabase() {
        return from == null || from.isBlank();
    }
}
