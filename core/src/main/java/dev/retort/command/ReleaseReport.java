package dev.retort.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.internal.json.FindingJson;
import dev.retort.internal.json.Json;
import dev.retort.lint.Finding;

/**
 * What {@code release} did, for the pipeline that ran it: the outcome, where the database was before and is after,
 * each revision applied with its time, the revisions held back for a later deploy, warnings, and what stopped it if
 * anything did.
 *
 * @param outcome     how it ended
 * @param environment the configured environment, or null
 * @param startedAt   when it started
 * @param elapsed     how long it took, lock wait included
 * @param headsBefore the database's revisions before (empty at base; null when it could not be read)
 * @param headsAfter  the database's revisions after (null when they could not be read)
 * @param applied     the revisions applied, in order
 * @param held        the pending revisions it did not apply, each with why: a contract held for the next deploy (and what
 *                    comes after it), in graph order; their warnings say the same in words
 * @param warnings    what went through but deserves a look
 * @param findings    the lint findings of the upgrades it ran or refused to run that no migration acknowledges (warnings
 *                    and errors; notes are {@code lint}'s to show)
 * @param problems    why it was refused (validation problems), empty otherwise
 * @param error       the one-line reason it was refused or failed, or null when it succeeded
 */
public record ReleaseReport(Outcome outcome, String environment, Instant startedAt, Duration elapsed, Set<String> headsBefore,
                            Set<String> headsAfter, List<AppliedRevision> applied, List<HeldRevision> held, List<String> warnings,
                            List<Finding> findings, List<Problem> problems, String error) {

    /** How a release ended. */
    public enum Outcome {
        /** Pending revisions were applied; the database is at head. */
        UPGRADED,
        /** The database was already at head. */
        NOTHING_TO_DO,
        /** Nothing was run: a check before the upgrade failed (production guard, validation, lock). */
        REFUSED,
        /** A revision failed; the database is at the last revision that succeeded. */
        FAILED
    }

    /**
     * One revision the release applied.
     *
     * @param revision      its id
     * @param message       its message
     * @param transactional whether it ran in one transaction
     * @param millis        how long it took
     * @param repeatable    whether it is a repeatable revision, applied again because it changed (or was new)
     */
    public record AppliedRevision(String revision, String message, boolean transactional, long millis, boolean repeatable) {

        /** A versioned revision. */
        public AppliedRevision(String revision, String message, boolean transactional, long millis) {
            this(revision, message, transactional, millis, false);
        }
    }

    /**
     * One pending revision the release held back: it stays pending, and a later release applies it.
     *
     * @param revision its id
     * @param reason   why it was held, e.g. {@code held for the next deploy: its expand e2 is applied by this release, …}
     */
    public record HeldRevision(String revision, String reason) {
    }

    /** A report that held nothing back. */
    public ReleaseReport(Outcome outcome, String environment, Instant startedAt, Duration elapsed, Set<String> headsBefore,
                         Set<String> headsAfter, List<AppliedRevision> applied, List<String> warnings, List<Finding> findings,
                         List<Problem> problems, String error) {
        this(outcome, environment, startedAt, elapsed, headsBefore, headsAfter, applied, List.of(), warnings, findings, problems, error);
    }

    /** {@code 2 revisions}, {@code 2 revisions and 1 repeatable}, {@code 1 repeatable}: what a release applied. */
    private String appliedCount() {
        long repeatables = applied.stream().filter(AppliedRevision::repeatable).count();
        long revisions = applied.size() - repeatables;
        String r = revisions + (revisions == 1 ? " revision" : " revisions");
        String p = repeatables + (repeatables == 1 ? " repeatable" : " repeatables");
        return repeatables == 0 ? r : revisions == 0 ? p : r + " and " + p;
    }

    public ReleaseReport {
        headsBefore = headsBefore == null ? null : Set.copyOf(headsBefore);
        headsAfter = headsAfter == null ? null : Set.copyOf(headsAfter);
        applied = List.copyOf(applied);
        held = List.copyOf(held);
        warnings = List.copyOf(warnings);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }

    /** Whether the database is at head and nothing failed: the deploy may go on. */
    public boolean succeeded() {
        return outcome == Outcome.UPGRADED || outcome == Outcome.NOTHING_TO_DO;
    }

    /**
     * The lines a person reads after the run: warnings, problems and how it ended. Each revision's own line, with its
     * time, is progress that every entry point prints while the release runs ({@code MigrationListener}); the JSON
     * lists them again for the pipeline's records.
     */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        warnings.forEach(w -> lines.add("warning: " + w));
        // A lint error is a problem as well: printed once, as the finding lint prints.
        findings.forEach(f -> lines.add(f.line()));
        problems.stream().filter(p -> p.kind() != Problem.Kind.LINT_ERROR).forEach(p -> lines.add("problem: " + p.message()));
        String at = headsAfter == null ? "an unknown revision (it could not be read)" : Heads.describe(headsAfter);
        lines.add(switch (outcome) {
            case UPGRADED -> "Release succeeded: applied " + appliedCount() + " in "
                    + elapsed.toMillis() + " ms; the database is at " + at + ".";
            case NOTHING_TO_DO -> "Release succeeded: nothing to do, the database is already at " + at + ".";
            case REFUSED -> "Release refused, nothing was changed: " + error.replaceFirst(" Nothing was changed\\.$", "");
            case FAILED -> "Release failed after " + appliedCount()
                    + "; the database is at " + at + ": " + error;
        });
        return lines;
    }

    /** The report as JSON, for the pipeline's records. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        json.put("succeeded", succeeded());
        json.put("environment", environment);
        json.put("startedAt", startedAt);
        json.put("elapsedMs", elapsed.toMillis());
        json.put("before", headsBefore == null ? null : new TreeSet<>(headsBefore));
        json.put("after", headsAfter == null ? null : new TreeSet<>(headsAfter));
        List<Map<String, Object>> revisions = new ArrayList<>();
        for (AppliedRevision revision : applied) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("revision", revision.revision());
            r.put("message", revision.message());
            r.put("transactional", revision.transactional());
            r.put("repeatable", revision.repeatable());
            r.put("ms", revision.millis());
            revisions.add(r);
        }
        json.put("applied", revisions);
        List<Map<String, Object>> heldList = new ArrayList<>();
        for (HeldRevision revision : held) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("revision", revision.revision());
            h.put("reason", revision.reason());
            heldList.add(h);
        }
        json.put("held", heldList);
        json.put("warnings", warnings);
        json.put("findings", FindingJson.of(findings));
        List<Map<String, Object>> problemList = new ArrayList<>();
        for (Problem problem : problems) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", problem.kind().name().toLowerCase(java.util.Locale.ROOT));
            p.put("revision", problem.revision());
            p.put("message", problem.message());
            problemList.add(p);
        }
        json.put("problems", problemList);
        json.put("error", error);
        return Json.write(json);
    }
}
