package dev.retort.maven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.diff.Change;
import dev.retort.diff.Comparison;
import dev.retort.revision.RevisionScript;
import dev.retort.runtime.AppliedStep;

/**
 * The CI gate: fails the build when the revision graph has several heads, when an applied migration
 * was edited (its checksum changed), when the database is not at head, or when the entities differ
 * from the schema the migrations produce. Binds to {@code verify}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMojo extends AbstractEntityMojo {

    @Override
    protected boolean needsDatabase() {
        return !usesDevDatabase();
    }

    @Override
    protected void run() throws MojoFailureException {
        List<String> problems = new ArrayList<>();
        if (usesDevDatabase()) {
            // The migrations are applied to a throwaway database; the configured one, if any, is only read for edits.
            if (databaseConfigured()) {
                try (Retort retort = openRetort()) {
                    problems.addAll(editedMigrations(retort));
                }
            }
            try (DevDatabase dev = startDevDatabase(); Retort retort = devRetort(dev)) {
                if (!checkHeads(retort, problems)) {
                    upgradeDevToHead(retort);
                    checkEntities(retort, problems);
                }
            }
        } else {
            try (Retort retort = openRetort()) {
                boolean severalHeads = checkHeads(retort, problems);
                problems.addAll(editedMigrations(retort));
                List<String> heads = retort.graph().heads();
                Set<String> current = retort.currentHeads();
                if (!severalHeads && !current.equals(Set.copyOf(heads))) {
                    problems.add("the database is at " + (current.isEmpty() ? "base" : String.join(", ", current)) + ", not at head "
                            + String.join(", ", heads) + "; run migrations:upgrade before checking the entities");
                } else if (!severalHeads) {
                    checkEntities(retort, problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> getLog().error(p));
            throw new MojoFailureException("migrations:check found " + problems.size() + " problem(s): " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more, listed above)" : "") + ".");
        }
        getLog().info("Migrations check passed: one head, no edited migration, entities match the schema.");
    }

    /** Adds a problem when the graph has several heads; returns whether it has. */
    private static boolean checkHeads(Retort retort, List<String> problems) {
        List<String> heads = retort.graph().heads();
        if (heads.size() > 1) {
            problems.add("there are " + heads.size() + " heads (" + String.join(", ", heads) + "); merge them with migrations:merge");
            return true;
        }
        return false;
    }

    private void checkEntities(Retort retort, List<String> problems) throws MojoFailureException {
        try {
            Comparison drift = retort.compare(entities(projectClassLoader()));
            for (Change change : drift.changes()) {
                problems.add("entities differ from the migrations: " + change.summary());
            }
        } catch (RetortException e) {
            // Report it with the other problems rather than hide them.
            problems.add(e.getMessage());
        }
    }

    private static List<String> editedMigrations(Retort retort) {
        Map<String, String> applied = new HashMap<>();
        for (AppliedStep step : retort.log()) {
            if (step.success() && "up".equals(step.direction()) && step.checksum() != null) {
                applied.put(step.revision(), step.checksum());
            }
        }
        List<String> problems = new ArrayList<>();
        for (RevisionScript revision : retort.graph().revisions()) {
            String recorded = applied.get(revision.id());
            if (recorded != null && !recorded.equals(retort.checksum(revision.id()))) {
                problems.add("migration " + revision.id() + " (" + revision.source() + ") was edited after it was applied: its SQL "
                        + "no longer matches the checksum in retort_history; revert the edit and write a new revision");
            }
        }
        return problems;
    }
}
