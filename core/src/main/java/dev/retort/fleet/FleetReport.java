package dev.retort.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.retort.internal.json.Json;
import dev.retort.report.TextTable;

/**
 * What a fleet run did, target by target, in the fleet's order.
 *
 * @param command what ran
 * @param shard   the slice of the fleet it ran over
 * @param results one per target
 * @param elapsed how long the whole run took
 */
public record FleetReport(FleetCommand command, Shard shard, List<TargetResult> results, Duration elapsed) {

    /** Copies the results. */
    public FleetReport {
        results = List.copyOf(results);
    }

    /** Whether every target succeeded (none failed or was skipped); the exit code follows it. */
    public boolean succeeded() {
        return results.stream().noneMatch(TargetResult::failed);
    }

    /** The targets that failed. */
    public List<TargetResult> failed() {
        return results.stream().filter(r -> r.outcome() == TargetResult.Outcome.FAILED).toList();
    }

    /** How many targets ended each way. */
    public Map<TargetResult.Outcome, Integer> counts() {
        Map<TargetResult.Outcome, Integer> counts = new EnumMap<>(TargetResult.Outcome.class);
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }

    /** The summary for people: a table (target, from, to, time, result), then what failed and why, then one line of totals. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (results.isEmpty()) {
            lines.add("The fleet" + (shard.count() > 1 ? "'s shard " + shard : "") + " has no targets: nothing to do.");
            return lines;
        }
        TextTable table = new TextTable("target", "from", "to", "time", "result");
        for (TargetResult r : results) {
            table.row(r.target().name(), heads(r.from()), heads(r.to()), r.outcome() == TargetResult.Outcome.SKIPPED ? "" : seconds(r.time()),
                    r.outcome().label() + (r.applied() > 0 ? " (" + r.applied() + ")" : ""));
        }
        lines.addAll(table.lines());
        for (TargetResult r : results) {
            if (r.message() != null && r.failed()) {
                lines.add(r.target().name() + ": " + r.message());
            }
        }
        lines.add(totals());
        return lines;
    }

    /** One line: {@code upgrade over 12 targets in 3.1s: 10 migrated, 1 at head, 1 FAILED}. */
    public String totals() {
        List<String> parts = new ArrayList<>();
        counts().forEach((outcome, n) -> parts.add(n + " " + outcome.label()));
        return command.label() + " over " + results.size() + " target(s)" + (shard.count() > 1 ? " (shard " + shard + ")" : "") + " in "
                + seconds(elapsed) + ": " + String.join(", ", parts) + (succeeded() ? "." : "; exit code 1.");
    }

    /** The report as JSON: the command, the shard, totals and one object per target. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command.label());
        json.put("shard", shard.toString());
        json.put("succeeded", succeeded());
        json.put("ms", elapsed.toMillis());
        Map<String, Object> totals = new LinkedHashMap<>();
        counts().forEach((outcome, n) -> totals.put(outcome.name().toLowerCase(Locale.ROOT), n));
        json.put("totals", totals);
        List<Object> targets = new ArrayList<>();
        for (TargetResult r : results) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("target", r.target().name());
            if (r.target().schema() != null) {
                target.put("schema", r.target().schema());
            }
            target.put("from", r.from());
            target.put("to", r.to());
            target.put("applied", r.applied());
            target.put("ms", r.time().toMillis());
            target.put("result", r.outcome().name().toLowerCase(Locale.ROOT));
            target.put("message", r.message());
            targets.add(target);
        }
        json.put("targets", targets);
        return Json.write(json);
    }

    private static String heads(List<String> heads) {
        return heads == null ? "?" : heads.isEmpty() ? "base" : String.join(",", heads);
    }

    /** A duration as people read it in a summary: {@code 0.42s}, {@code 12.3s}, {@code 2m05s}. */
    static String seconds(Duration time) {
        long ms = time.toMillis();
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.2fs", ms / 1000.0);
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm%02ds", ms / 60_000, (ms / 1000) % 60);
    }
}
