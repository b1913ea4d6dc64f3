package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.Summary;

/**
 * After a deliberate edit of an applied migration (a comment, a reformatted statement, a fix the database already
 * has), records its current checksum so upgrade accepts it again. Runs no migration.
 */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RepairMojo extends AbstractWritingMojo {

    /** Confirms that the edits were deliberate and the database already matches them. Required. */
    @Parameter(property = "migrations.yes", defaultValue = "false")
    private boolean yes;

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        if (!yes) {
            throw new MojoFailureException("migrations:repair records the current checksum of every edited migration, so upgrade stops "
                    + "guarding against those edits; if they were deliberate and the database already matches them, run it again with "
                    + "-Dmigrations.yes=true. Nothing was changed.");
        }
        getLog().info(Summary.of(retort.repair()));
    }
}
