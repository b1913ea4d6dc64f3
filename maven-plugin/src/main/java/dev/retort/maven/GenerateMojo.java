package dev.retort.maven;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.diff.Change;
import dev.retort.schema.SchemaModel;

/**
 * Compares the project's entities with the database (at head) and writes the difference as a new
 * Java migration, flagging what needs review. With {@code -Dmigrations.empty=true}, writes an empty
 * migration to fill in by hand.
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class GenerateMojo extends AbstractEntityMojo {

    /** The new revision's message, e.g. "add email to author". Required. */
    @Parameter(property = "migrations.message")
    private String message;

    /** Write an empty migration instead of comparing entities (Alembic's revision without --autogenerate). */
    @Parameter(property = "migrations.empty", defaultValue = "false")
    private boolean empty;

    /** Where the new migration file goes. */
    @Parameter(property = "migrations.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    private File sourceDirectory;

    @Override
    protected boolean needsDatabase() {
        return !empty && !usesDevDatabase();
    }

    @Override
    protected void run() throws MojoFailureException {
        if (message == null || message.isBlank()) {
            throw new MojoFailureException("migrations:generate needs a message: -Dmigrations.message=\"add email to author\".");
        }
        Retort.Generated generated;
        if (empty) {
            try (Retort retort = openRetort()) {
                generated = retort.generateEmpty(message, sourceDirectory.toPath(), packageName);
            }
        } else if (usesDevDatabase()) {
            SchemaModel entities = entities(projectClassLoader());
            try (DevDatabase dev = startDevDatabase(); Retort retort = devRetort(dev)) {
                upgradeDevToHead(retort);
                generated = retort.generate(entities, message, sourceDirectory.toPath(), packageName);
            }
        } else {
            try (Retort retort = openRetort()) {
                generated = retort.generate(entities(projectClassLoader()), message, sourceDirectory.toPath(), packageName);
            }
        }
        report(generated);
    }

    private void report(Retort.Generated generated) {
        if (generated.nothingToDo()) {
            getLog().info("No changes detected: the database matches the entities. Nothing written.");
            return;
        }
        for (Change change : generated.comparison().changes()) {
            getLog().info("  " + change.summary());
        }
        generated.comparison().reviews().forEach(review -> getLog().warn("REVIEW " + review));
        getLog().info("Wrote " + project.getBasedir().toPath().relativize(generated.file()) + " (revision " + generated.source().revision()
                + "). Review it, compile, then run migrations:upgrade.");
    }
}
