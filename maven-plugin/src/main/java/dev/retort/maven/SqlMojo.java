package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.Direction;
import dev.retort.command.Plan;
import dev.retort.command.Script;

/**
 * Writes the SQL an upgrade would run — the migrations' statements with the version and history
 * updates, each revision in its own transaction — for a DBA to review. Executes nothing.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SqlMojo extends AbstractRetortMojo {

    /** Where to go: {@code head}, a revision id, ... */
    @Parameter(property = "migrations.target", defaultValue = "head")
    private String target;

    /**
     * Where to start instead of the database's current revision: {@code base}, or revision ids
     * separated by commas. With it, no database is needed.
     */
    @Parameter(property = "migrations.from")
    private String from;

    /** The script file. */
    @Parameter(property = "migrations.output", defaultValue = "${project.build.directory}/migrations/upgrade.sql")
    private File output;

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        Plan plan = from == null || from.isBlank() ? retort.plan(Direction.UP, target) : retort.plan(Direction.UP, revisions(from), target);
        Script script = retort.script(plan);
        try {
            Files.createDirectories(output.toPath().toAbsolutePath().getParent());
            Files.writeString(output.toPath(), script.sql(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot write " + output + ": " + e.getMessage(), e);
        }
        getLog().info(script.revisionCount() == 0 ? "Nothing to do: no revision is pending. Wrote an empty script to " + output
                : "Wrote the SQL of " + script.revisionCount() + " revision(s) to " + output + "; nothing was executed.");
    }
}
