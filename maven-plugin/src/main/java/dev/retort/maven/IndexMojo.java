package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.revision.ArtifactRevisions;

/**
 * Writes the revision index into the build output, so it is packed into the jar: deploys read it instead of
 * scanning and rendering every migration, and {@code check-deployable} reads the artifact's head from it. Also
 * sets the project property {@code retort.head}, for a {@code Retort-Head} manifest entry. Binds to
 * {@code prepare-package}; needs no database.
 */
@Mojo(name = "index", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class IndexMojo extends AbstractRenderingMojo {

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        Path file = new File(project.getBuild().getOutputDirectory()).toPath().resolve(ArtifactRevisions.indexResource(settings().migrationsPackage()));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, retort.revisionIndex(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot write the revision index " + file + ": " + e.getMessage(), e);
        }
        String head = String.join(",", retort.graph().heads());
        project.getProperties().setProperty("retort.head", head);
        getLog().info("Indexed " + retort.graph().size() + " revision(s) in "
                + project.getBasedir().toPath().relativize(file) + "; head " + (head.isEmpty() ? "<none>" : head)
                + ", in the project property retort.head.");
    }
}
