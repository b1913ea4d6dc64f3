package dev.retort.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;

/** Writes a merge revision whose parents are all current heads, joining the branches into one head again. */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MergeMojo extends AbstractRetortMojo {

    /** The merge revision's message. */
    @Parameter(property = "migrations.message", defaultValue = "merge heads")
    private String message;

    /** Where the new migration file goes. */
    @Parameter(property = "migrations.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    private File sourceDirectory;

    @Override
    protected boolean needsDatabase() {
        return false;
    }

    @Override
    protected void run() throws MojoFailureException {
        try (Retort retort = openRetort()) {
            List<String> heads = retort.graph().heads();
            if (heads.size() < 2) {
                throw new MojoFailureException("There is " + (heads.isEmpty() ? "no head" : "a single head (" + heads.get(0) + ")")
                        + "; merge joins two or more heads, so there is nothing to merge.");
            }
            Retort.Generated merge = retort.generateEmpty(message, sourceDirectory.toPath(), packageName);
            getLog().info("Merged heads " + String.join(", ", heads) + " in revision " + merge.source().revision() + ".");
            getLog().info("Wrote " + project.getBasedir().toPath().relativize(merge.file()) + "; compile, then run migrations:upgrade.");
        }
    }
}
