package dev.retort.maven;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.config.Setting;
import dev.retort.config.Settings;

/** Writes a merge revision whose parents are all current heads, joining the branches into one head again. Needs no database. */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MergeMojo extends AbstractRetortMojo {

    /** The merge revision's message. */
    @Parameter(property = "migrations.message", defaultValue = "merge heads")
    private String message;

    /** Where the new migration file goes. */
    @Parameter(property = "migrations.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    private File sourceDirectory;

    @Override
    protected void configure(Settings.Builder builder) throws MojoFailureException {
        super.configure(builder);
        builder.set(Setting.SOURCE_DIRECTORY, sourceDirectory.getPath());
    }

    @Override
    protected void run(Retort retort) {
        Generated merge = retort.merge(message);
        getLog().info("Merged heads " + String.join(", ", merge.parents()) + " in revision " + merge.revision() + ".");
        getLog().info("Wrote " + project.getBasedir().toPath().relativize(merge.file()) + "; compile, then run migrations:upgrade.");
    }
}
