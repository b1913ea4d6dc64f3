package dev.retort.maven;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.Deployability;
import dev.retort.revision.ArtifactRevisions;

/**
 * Whether an application jar may run against the database: passes when the database is at a revision the jar
 * knows, fails naming the revisions it does not know when a newer version migrated the database. Run it before a
 * rollback, so old code never meets a newer schema.
 */
@Mojo(name = "check-deployable", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckDeployableMojo extends AbstractDatabaseMojo {

    /** The jar to check; default: the project's own migrations. */
    @Parameter(property = "migrations.artifact")
    private File artifact;

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        Deployability result;
        if (artifact == null) {
            result = retort.checkDeployable();
        } else {
            ArtifactRevisions revisions = ArtifactRevisions.read(artifact.toPath(), settings().migrationsPackage());
            result = retort.checkDeployable(revisions.heads(), revisions.revisions());
        }
        if (!result.deployable()) {
            throw new MojoFailureException(result.summary());
        }
        getLog().info(result.summary());
    }
}
