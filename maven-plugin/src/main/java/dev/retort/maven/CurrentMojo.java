package dev.retort.maven;

import java.util.Set;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.report.Reports;

/**
 * Shows the database's current revision(s), marked {@code (head)} when nothing follows. Fails when the database is at
 * a revision no migration declares (it is ahead of this code, or a migration was deleted).
 */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CurrentMojo extends AbstractDatabaseMojo {

    /** Also say whether the database is at head and list pending revisions. */
    @Parameter(property = "migrations.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    protected dev.retort.fleet.FleetCommand fleetCommand() {
        return dev.retort.fleet.FleetCommand.STATUS;
    }

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        Set<String> unknown = retort.unknownRevisions();
        Reports.current(retort.status(), unknown, retort.graph().origin(), verbose, verbose ? retort.repeatables() : java.util.List.of())
                .forEach(getLog()::info);
        if (!unknown.isEmpty()) {
            throw new MojoFailureException("The database is at " + String.join(", ", unknown) + ", which no migration in "
                    + retort.graph().origin() + " declares: deploy the code that has it, or check migrations.package and migrations.sqlLocation.");
        }
    }
}
