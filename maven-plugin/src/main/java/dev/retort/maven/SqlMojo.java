package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.Direction;
import dev.retort.command.Plan;
import dev.retort.command.Script;

/**
 * Writes the SQL an upgrade (or, with {@code direction=down}, a downgrade) would run — the migrations' statements
 * with the version and history updates, each revision in its own transaction — for a DBA to review. Executes
 * nothing; with {@code from}, does not connect at all. Over a fleet ({@code migrations.targets}, {@code migrations.tenantSchemas},
 * {@code migrations.targetsQuery}), writes each target's upgrade from its own current revision to head, one file per target.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SqlMojo extends AbstractDatabaseMojo {

    /** Where to go: {@code head} (the default upward), a revision id, {@code +1}; downward {@code -1}, {@code base}, an id. */
    @Parameter(property = "migrations.target")
    private String target;

    /** {@code up} for the script of an upgrade, {@code down} for that of a downgrade (Alembic's {@code downgrade --sql}). */
    @Parameter(property = "migrations.direction", defaultValue = "up")
    private String direction;

    /**
     * Where to start instead of the database's current revision: {@code base}, or revision ids
     * separated by commas. With it, the database is not connected to.
     */
    @Parameter(property = "migrations.from")
    private String from;

    /**
     * The script file; default {@code target/migrations/upgrade.sql}, or {@code downgrade.sql} downward. Over a fleet, a
     * directory, one {@code <target>.sql} per target; default {@code target/migrations/upgrade}.
     */
    @Parameter(property = "migrations.output")
    private File output;

    @Override
    protected dev.retort.fleet.FleetCommand fleetCommand() throws MojoFailureException {
        String to = target == null || target.isBlank() ? "head" : target.strip();
        if (direction() != Direction.UP || !"head".equals(to)) {
            throw new MojoFailureException("migrations:sql over a fleet writes each target's upgrade from its own current revision to head; "
                    + "leave migrations.direction and migrations.target out, or run it on one database.");
        }
        return dev.retort.fleet.FleetCommand.SQL;
    }

    /** One file per target that did not fail, into the directory {@code migrations.output} names. */
    @Override
    protected void fleetFinished(dev.retort.fleet.FleetReport report) {
        File directory = output != null ? output : new File(project.getBuild().getDirectory(), "migrations/upgrade");
        List<java.nio.file.Path> files = report.writeScripts(directory.toPath());
        getLog().info("Wrote " + files.size() + " script(s) to " + directory + "; nothing was executed.");
    }

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        Direction way = direction();
        String to = target != null && !target.isBlank() ? target.strip() : null;
        if (to == null && way == Direction.DOWN) {
            throw new MojoFailureException("migrations:sql with migrations.direction=down needs migrations.target: -1, base, or a revision id.");
        }
        if (to == null) {
            to = "head";
        }
        Plan plan = from == null || from.isBlank() ? retort.plan(way, to) : retort.plan(way, revisions(from), to);
        Script script = retort.script(plan);
        File file = output != null ? output
                : new File(project.getBuild().getDirectory(), "migrations/" + (way == Direction.UP ? "upgrade" : "downgrade") + ".sql");
        try {
            Files.createDirectories(file.toPath().toAbsolutePath().getParent());
            Files.writeString(file.toPath(), script.sql(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info(plan.nothingToDo() ? "Nothing to do: no revision to " + (way == Direction.UP ? "apply" : "revert")
                + ". Wrote the script (callbacks only) to " + file
                : "Wrote the SQL of " + script.revisionCount() + " revision(s) " + (way == Direction.UP ? "up" : "down")
                + (plan.repeatables().isEmpty() ? "" : " and " + plan.repeatables().size() + " repeatable(s)") + " to " + file
                + "; nothing was executed.");
    }

    @Override
    protected boolean usesDatabase() {
        return from == null || from.isBlank();
    }

    private Direction direction() throws MojoFailureException {
        return switch (direction == null ? "up" : direction.strip().toLowerCase(Locale.ROOT)) {
            case "up", "upgrade" -> Direction.UP;
            case "down", "downgrade" -> Direction.DOWN;
            default -> throw new MojoFailureException("migrations.direction is '" + direction + "'; use up or down.");
        };
    }
}
