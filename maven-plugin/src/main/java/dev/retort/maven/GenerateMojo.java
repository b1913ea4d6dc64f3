package dev.retort.maven;

import java.io.File;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.schema.Change;

/**
 * Compares the project's entities with the database (at head) and writes the difference as a new
 * Java migration, flagging what needs review. With {@code -Dmigrations.empty=true}, writes an empty
 * migration to fill in by hand. Reads the compiled entities and migrations: run it after {@code compile}
 * ({@code mvn compile migrations:generate -Dmigrations.message="add email to author"}).
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class GenerateMojo extends AbstractEntityMojo {

    /** The new revision's message, e.g. "add email to author". Required. */
    @Parameter(property = "migrations.message")
    private String message;

    /** Write an empty migration instead of comparing entities (Alembic's revision without --autogenerate). */
    @Parameter(property = "migrations.empty", defaultValue = "false")
    private boolean empty;

    /**
     * Write the safe form of what lint would flag, where one exists: indexes on existing tables built
     * {@code CONCURRENTLY} and constraints validated after being added {@code NOT VALID}, in a second,
     * non-transactional revision written on top of the first.
     */
    @Parameter(property = "migrations.safe", defaultValue = "false")
    private boolean safe;

    /**
     * The application is deployed rolling: write a change the running version cannot survive as an expand, a backfill and
     * a contract revision, which {@code release} applies in a later deploy (docs/rolling-deploys.md). Say it once in the
     * plugin's configuration ({@code <rolling>true</rolling>}); {@code -Dmigrations.rolling=false} on the command line
     * wins over the configuration for one run.
     */
    @Parameter(property = "migrations.rolling")
    private String rolling;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Where the new migration file goes. */
    @Parameter(property = "migrations.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    private File sourceDirectory;

    @Override
    protected void configure(Settings.Builder builder) throws MojoFailureException {
        super.configure(builder);
        builder.set(Setting.SOURCE_DIRECTORY, sourceDirectory.getPath());
        // Maven lets a parameter in the pom win over -D; for one run's rolling=false, the command line wins here.
        builder.set(Setting.ROLLING, session.getUserProperties().getProperty(Setting.ROLLING.mavenProperty(), rolling));
    }

    @Override
    protected boolean usesDatabase() {
        return settings().devDatabase() == null; // a dev database stands in for the configured one
    }

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        if (message == null || message.isBlank()) {
            throw new MojoFailureException("migrations:generate needs a message: -Dmigrations.message=\"add email to author\".");
        }
        boolean rollingRun = settings().rolling();
        if (rollingRun && safe) {
            throw new MojoFailureException("migrations:generate writes a change as expand, backfill and contract (migrations.rolling is "
                    + "true) or in its safe forms (-Dmigrations.safe), not both; -Dmigrations.rolling=false writes the safe forms for one run.");
        }
        Generated generated = empty ? retort.generateEmpty(message)
                : rollingRun ? retort.generateRolling(entities(), message) : retort.generate(entities(), message, safe);
        if (generated.nothingToDo()) {
            getLog().info("No changes detected: the database matches the entities. Nothing written.");
            return;
        }
        for (Generated written = generated; written != null; written = written.followUp()) {
            for (Change change : written.comparison().changes()) {
                getLog().info("  " + change.summary());
            }
            written.comparison().reviews().forEach(review -> getLog().warn("REVIEW " + review));
            Findings.print(getLog(), written.findings());
            if (written.lintVerdict() != null) {
                getLog().info(written.lintVerdict());
            }
            getLog().info("Wrote " + project.getBasedir().toPath().relativize(written.file()) + " (revision " + written.revision() + ").");
        }
        getLog().info(nextStep(generated));
    }

    /**
     * What to do with the new revision. It is pending on the database it was compared with; a first revision written on
     * a dev database may instead describe a schema that a database already has, which stamp records without running it.
     */
    private String nextStep(Generated generated) {
        String review = "Review " + (generated.followUp() == null ? "it" : "them") + " and compile";
        if (settings().devDatabase() != null && generated.parents().isEmpty()) {
            return review + "; then migrations:upgrade builds a new database with it, and migrations:stamp -Dmigrations.target=head "
                    + "records it on a database that already has this schema, running nothing.";
        }
        return review + "; then migrations:upgrade applies " + (generated.followUp() == null ? "it" : "them")
                + (settings().devDatabase() == null ? " to the database it was compared with." : ".");
    }
}
