package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.Summary;

/** Writes the target to the version table without running any migration: adopting an existing database. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StampMojo extends AbstractWritingMojo {

    /** The revision(s) the database already has: {@code head}, {@code heads}, a revision id, {@code base}. Required. */
    @Parameter(property = "migrations.target")
    private String target;

    /** Clear rows no migration declares (left by deleted migrations) before stamping. */
    @Parameter(property = "migrations.purge", defaultValue = "false")
    private boolean purge;

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        if (target == null || target.isBlank()) {
            throw new MojoFailureException("migrations:stamp needs a target, e.g. -Dmigrations.target=head.");
        }
        getLog().info(Summary.of(retort.stamp(target, purge)));
    }
}
