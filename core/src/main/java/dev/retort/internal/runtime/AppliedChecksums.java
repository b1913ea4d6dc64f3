package dev.retort.internal.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.retort.command.AppliedStep;
import dev.retort.command.Direction;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;

/**
 * Which applied migrations were edited after they ran: their SQL no longer renders to the checksum the history
 * table recorded for them (by their last successful upgrade, or by a later repair).
 */
public final class AppliedChecksums {

    private AppliedChecksums() {
    }

    /**
     * An applied revision whose SQL changed.
     *
     * @param revision the revision
     * @param recorded the checksum recorded when it ran (or was repaired)
     * @param actual   the checksum its SQL renders to now
     */
    public record Edited(RevisionScript revision, String recorded, String actual) {
    }

    /** The checksum recorded for each revision: that of its newest successful upgrade or repair row. */
    public static Map<String, String> recorded(List<AppliedStep> log) {
        Map<String, String> recorded = new HashMap<>();
        for (AppliedStep step : log) {
            boolean counts = Direction.UP.label().equals(step.direction()) || Direction.REPAIR.label().equals(step.direction());
            if (step.success() && counts && step.checksum() != null) {
                recorded.put(step.revision(), step.checksum().strip());
            }
        }
        return recorded;
    }

    /** The edited ones among the revisions a database at {@code current} has applied, oldest first. */
    public static List<Edited> find(RevisionGraph graph, Set<String> current, List<AppliedStep> log,
                                    Function<RevisionScript, String> checksum) {
        Map<String, String> recorded = recorded(log);
        // Revisions the code does not know are another problem; what the known heads stand on is still checked.
        Set<String> applied = graph.ancestorsInclusive(current.stream().filter(graph::contains).toList());
        List<Edited> edited = new ArrayList<>();
        for (RevisionScript revision : graph.revisions()) {
            String before = recorded.get(revision.id());
            if (before != null && applied.contains(revision.id())) {
                String now = checksum.apply(revision);
                if (!before.equals(now)) {
                    edited.add(new Edited(revision, before, now));
                }
            }
        }
        return edited;
    }
}
