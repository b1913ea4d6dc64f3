package dev.retort.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.retort.command.AppliedStep;
import dev.retort.command.Cleaned;
import dev.retort.command.RepeatableStatus;
import dev.retort.command.RevisionDetails;
import dev.retort.command.RevisionStatus;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;

/** The text of {@code current}, {@code heads} and {@code history}, shared by the plugin, the CLI and tests. */
public final class Reports {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Reports() {
    }

    /**
     * One line per current head, {@code <id> (head)} when no revision follows it; {@code base} when none is
     * applied. With {@code verbose}, a last line says whether the database is at head and what is pending.
     */
    public static List<String> current(List<RevisionStatus> revisions, boolean verbose) {
        return current(revisions, java.util.Set.of(), "the migrations", verbose);
    }

    /**
     * As {@link #current(List, boolean)}, with the database's revisions that no migration declares, each on a line saying
     * so: the database is ahead of this code, or a migration was deleted.
     *
     * @param unknown the version table's revisions the graph does not have
     * @param origin  where the migrations were looked for, e.g. {@code package db.migrations}
     */
    public static List<String> current(List<RevisionStatus> revisions, java.util.Set<String> unknown, String origin, boolean verbose) {
        List<String> lines = new ArrayList<>();
        List<RevisionStatus> current = revisions.stream().filter(RevisionStatus::current).toList();
        for (String id : new java.util.TreeSet<>(unknown)) {
            lines.add(id + " (unknown: no migration in " + origin + " declares it; the database is ahead of this code, or the "
                    + "migration was deleted)");
        }
        if (current.isEmpty() && unknown.isEmpty()) {
            lines.add("base (no revision applied)");
        }
        for (RevisionStatus status : current) {
            lines.add(status.revision().id() + (status.head() ? " (head)" : "") + message(status));
        }
        revisions.stream().filter(s -> s.interrupted() != null).forEach(s -> lines.add(interrupted(s)));
        if (verbose) {
            List<String> pending = revisions.stream().filter(s -> !s.applied()).map(s -> s.revision().id()).toList();
            lines.add(pending.isEmpty()
                    ? "The database is at head."
                    : "The database is not at head: " + pending.size() + " revision(s) pending (" + String.join(", ", pending) + ").");
        }
        return lines;
    }

    /** One line per head of the graph, marked {@code (current)} or {@code (pending)}. */
    public static List<String> heads(List<RevisionStatus> revisions) {
        List<String> lines = new ArrayList<>();
        for (RevisionStatus status : revisions) {
            if (status.head()) {
                lines.add(status.revision().id() + (status.current() ? " (current)" : " (pending)") + message(status));
            }
        }
        if (lines.isEmpty()) {
            lines.add("No revisions yet.");
        }
        return lines;
    }

    /** An aligned table of every revision, newest first, with parents, state, time applied and message. */
    public static List<String> history(List<RevisionStatus> oldestFirst) {
        TextTable table = new TextTable("Revision", "Parents", "State", "Applied at (UTC)", "Message");
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            RevisionStatus status = oldestFirst.get(i);
            List<String> parents = status.revision().parents();
            table.row(status.revision().id(), parents.isEmpty() ? "<base>" : String.join(", ", parents),
                    state(status), status.appliedAt() == null ? "" : TIME.format(status.appliedAt()),
                    (status.revision().message() + " " + markers(status)).strip());
        }
        return table.lines();
    }

    /**
     * {@link #history(List)} followed, when there are repeatables, by an aligned table of them by name: whether each is
     * applied as it is now, changed since it ran, or pending (never ran), and when it last ran.
     */
    public static List<String> history(List<RevisionStatus> oldestFirst, List<RepeatableStatus> repeatables) {
        List<String> lines = new ArrayList<>(history(oldestFirst));
        if (!repeatables.isEmpty()) {
            lines.add("");
            TextTable table = new TextTable("Repeatable", "State", "Applied at (UTC)", "Source");
            for (RepeatableStatus repeatable : repeatables) {
                table.row(repeatable.name(), repeatable.state(), repeatable.appliedAt() == null ? "" : TIME.format(repeatable.appliedAt()),
                        repeatable.source());
            }
            lines.addAll(table.lines());
        }
        return lines;
    }

    /**
     * {@link #current(List, java.util.Set, String, boolean)}; with {@code verbose}, a last line about the repeatables when
     * there are any: every one applied as it is now, or which are pending.
     */
    public static List<String> current(List<RevisionStatus> revisions, java.util.Set<String> unknown, String origin, boolean verbose,
                                       List<RepeatableStatus> repeatables) {
        List<String> lines = new ArrayList<>(current(revisions, unknown, origin, verbose));
        if (verbose && !repeatables.isEmpty()) {
            List<String> pending = repeatables.stream().filter(RepeatableStatus::pending).map(RepeatableStatus::name).toList();
            lines.add(pending.isEmpty() ? "Every repeatable is applied as it is now."
                    : pending.size() + " repeatable(s) pending, applied by the next upgrade to head (" + String.join(", ", pending) + ").");
        }
        return lines;
    }

    /** What {@code clean} dropped, as an aligned table of schema, type and name, and its summary. */
    public static List<String> cleaned(Cleaned cleaned) {
        List<String> lines = new ArrayList<>();
        if (!cleaned.dropped().isEmpty()) {
            TextTable table = new TextTable("Schema", "Type", "Name");
            cleaned.dropped().forEach(object -> table.row(object.schema(), object.type(), object.name()));
            lines.addAll(table.lines());
        }
        lines.add(cleaned.summary());
        return lines;
    }

    /** The branch points, each with the revisions that descend from it; a line saying the history is linear when there are none. */
    public static List<String> branches(RevisionGraph graph) {
        List<String> lines = new ArrayList<>();
        for (RevisionScript point : graph.revisions()) {
            if (!graph.isBranchPoint(point.id())) {
                continue;
            }
            lines.add(point.id() + " (branchpoint)" + (point.message().isEmpty() ? "" : ", " + point.message()));
            for (String child : graph.children(point.id())) {
                lines.add("    -> " + child + ", " + graph.get(child).message());
            }
        }
        if (lines.isEmpty()) {
            lines.add("No branch points: the history is linear.");
        }
        return lines;
    }

    /** A revision's declaration, checksum and the statements of its upgrade and downgrade. */
    public static List<String> show(RevisionDetails details) {
        RevisionScript revision = details.revision();
        List<String> lines = new ArrayList<>();
        lines.add("Revision:      " + revision.id() + (details.head() ? " (head)" : ""));
        lines.add("Parents:       " + (revision.parents().isEmpty() ? "<base>" : String.join(", ", revision.parents())));
        lines.add("Children:      " + (details.children().isEmpty() ? "-" : String.join(", ", details.children())));
        lines.add("Message:       " + revision.message());
        lines.add("Created:       " + (revision.created().isEmpty() ? "-" : revision.created()));
        // A SQL revision's source is its file (db/migrations/….sql), a Java one's its class.
        lines.add((revision.source().endsWith(".sql") ? "File:          " : "Class:         ") + revision.source());
        lines.add("Transactional: " + (revision.transactional() ? "yes" : "no"));
        lines.add("Checksum:      " + details.checksum());
        lines.add("Upgrade SQL:");
        statements(details.upgrade(), lines);
        lines.add("Downgrade SQL:");
        statements(details.downgrade(), lines);
        return lines;
    }

    private static void statements(List<String> statements, List<String> lines) {
        if (statements.isEmpty()) {
            lines.add("  (none)");
        }
        for (String statement : statements) {
            List<String> parts = statement.lines().toList();
            for (int i = 0; i < parts.size(); i++) {
                lines.add("  " + parts.get(i) + (i == parts.size() - 1 && !statement.startsWith("--") ? ";" : ""));
            }
        }
    }

    /**
     * A revision an interrupted run left partly applied: {@code 3fa9c1b27d4e: its upgrade failed at its statement
     * 3 at 2026-12-06 10:00:00; statements 1 to 2 stand applied (the next upgrade undoes them, then applies it whole)}.
     */
    private static String interrupted(RevisionStatus status) {
        AppliedStep step = status.interrupted();
        int started = step.started();
        return status.revision().id() + ": its " + step.direction() + "grade " + (step.cutOff() ? "was cut off" : "failed")
                + " at its statement " + started + " at "
                + TIME.format(step.appliedAt()) + " UTC; " + (started == 1 ? "nothing before it stands applied" : started == 2
                ? "statement 1 stands applied" : "statements 1 to " + (started - 1) + " stand applied")
                + " (the next upgrade or downgrade undoes that where the operations have reverses, then runs the revision whole; "
                + "otherwise undo it by hand and run repair)";
    }

    private static String state(RevisionStatus status) {
        if (status.interrupted() != null) {
            return "interrupted";
        }
        if (status.current()) {
            return "current";
        }
        return status.applied() ? "applied" : "pending";
    }

    private static String markers(RevisionStatus status) {
        StringBuilder out = new StringBuilder();
        if (status.head()) {
            out.append("(head) ");
        }
        if (status.branchPoint()) {
            out.append("(branchpoint) ");
        }
        if (status.mergePoint()) {
            out.append("(mergepoint)");
        }
        return out.toString().strip();
    }

    private static String message(RevisionStatus status) {
        return status.revision().message().isEmpty() ? "" : ", " + status.revision().message();
    }
}
