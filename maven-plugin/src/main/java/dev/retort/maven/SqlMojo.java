package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;

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
    protected boolean needsDatabase() {
        return from == null || from.isBlank();
    }

    @Override
    protected void run() throws MojoFailureException {
        try (Retort retort = openRetort()) {
            String script;
            if (needsDatabase()) {
                script = retort.upgradeSql(target);
            } else {
                Set<String> start = "base".equals(from.trim()) ? Set.of()
                        : new TreeSet<>(Arrays.stream(from.split(",")).map(String::trim).map(retort.graph()::resolve).toList());
                script = retort.upgradeSql(start, target);
            }
            Files.createDirectories(output.toPath().toAbsolutePath().getParent());
            Files.writeString(output.toPath(), script, StandardCharsets.UTF_8);
            long revisions = script.lines().filter(l -> l.startsWith("-- up: ")).count();
            getLog().info(revisions == 0 ? "Nothing to do: no revision is pending. Wrote an empty script to " + output
                    : "Wrote the SQL of " + revisions + " revision(s) to " + output + "; nothing was executed.");
        } catch (IOException e) {
            throw new MojoFailureException("Cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
