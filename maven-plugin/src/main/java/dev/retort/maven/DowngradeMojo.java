package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.Summary;

/** Reverts applied revisions down to the target, newest first, each in its own transaction. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DowngradeMojo extends AbstractWritingMojo {

    /** Where to go: {@code -1}, {@code base}, a revision id or unique prefix, {@code <rev>-N}. Required. */
    @Parameter(property = "migrations.target")
    private String target;

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        if (target == null || target.isBlank()) {
            throw new MojoFailureException("migrations:downgrade needs a target: -Dmigrations.target=-1 (one back), base (everything), "
                    + "or a revision id.");
        }
        getLog().info(Summary.of(retort.downgrade(target)));
    }
}
