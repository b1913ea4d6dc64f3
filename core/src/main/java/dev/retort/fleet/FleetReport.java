package dev.retort.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.retort.RetortException;
import dev.retort.internal.json.FindingJson;
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
        boolean lint = command == FleetCommand.LINT;
        TextTable table = lint ? new TextTable("target", "from", "to", "time", "result", "findings")
                : new TextTable("target", "from", "to", "time", "result");
        for (TargetResult r : results) {
            List<String> row = new ArrayList<>(List.of(r.target().name(), heads(r.from()), heads(r.to()),
                    r.outcome() == TargetResult.Outcome.SKIPPED ? "" : seconds(r.time()),
                    r.outcome().label() + (r.applied() > 0 ? " (" + r.applied() + ")" : "")));
            if (lint) {
                row.add(r.lint() == null ? "" : r.lint().summary());
            }
            table.row(row.toArray(String[]::new));
        }
        lines.addAll(table.lines());
        for (TargetResult r : results) {
            if (r.lint() != null) {
                r.lint().open().forEach(f -> lines.add(r.target().name() + ": " + f.line()));
            }
        }
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
            if (command == FleetCommand.LINT) {
                target.put("findings", r.lint() == null ? null : FindingJson.of(r.lint().findings()));
            }
            if (command == FleetCommand.SQL) {
                target.put("sql", r.script() == null ? null : r.script().sql());
            }
            targets.add(target);
        }
        json.put("targets", targets);
        return Json.write(json);
    }

    /**
     * What {@link FleetCommand#SQL} rendered, as one text in the fleet's order: each target's script under a header
     * comment naming the target and where the script takes it; a target at head, failed or skipped has its header alone,
     * saying so.
     */
    public String scripts() {
        StringBuilder text = new StringBuilder();
        for (TargetResult r : results) {
            text.append(header(r)).append('\n');
            if (r.script() != null && r.outcome() == TargetResult.Outcome.SCRIPTED) {
                text.append(r.script().sql());
                if (!r.script().sql().endsWith("\n")) {
                    text.append('\n');
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * Writes what {@link FleetCommand#SQL} rendered into the directory, one file per target that did not fail, named after
     * it ({@link #fileName(Target)}; where two targets come to the same name, the later one's file is {@code <name>-2.sql},
     * and so on), the header comment of {@link #scripts()} first.
     *
     * @return the files written, in the fleet's order
     * @throws RetortException when a file cannot be written
     */
    public List<Path> writeScripts(Path directory) {
        List<Path> written = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        try {
            Files.createDirectories(directory);
            for (TargetResult r : results) {
                if (r.failed()) {
                    continue;
                }
                String name = fileName(r.target());
                // Two names may differ only where fileName replaces characters, or by case on a file system that ignores it.
                for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                    name = fileName(r.target()).replaceFirst("\\.sql$", "-" + n + ".sql");
                }
                Path file = directory.resolve(name);
                Files.writeString(file, header(r) + "\n" + (r.script() == null || r.outcome() != TargetResult.Outcome.SCRIPTED ? ""
                        : r.script().sql()), StandardCharsets.UTF_8);
                written.add(file);
            }
        } catch (IOException e) {
            throw new RetortException("Cannot write the fleet's scripts to " + directory + ": " + e.getMessage() + "; check the directory.");
        }
        return written;
    }

    /**
     * The file {@link #writeScripts(Path)} writes a target's script to: its name with every character but letters, digits,
     * {@code .}, {@code _} and {@code -} replaced by {@code _}, and {@code .sql}; a database target's URL carries no user
     * or password in its name.
     */
    public static String fileName(Target target) {
        return target.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".sql";
    }

    /** {@code -- retort sql: tenant_a, from base to fee700000003 (3 revision(s)); nothing was executed}. */
    private static String header(TargetResult r) {
        String what = switch (r.outcome()) {
            case SCRIPTED -> "from " + heads(r.from()) + " to " + heads(r.to()) + " (" + r.applied() + " revision(s)); nothing was executed";
            case AT_HEAD -> "at head " + heads(r.to()) + ": nothing to do";
            default -> r.outcome().label() + (r.message() == null ? "" : ": " + r.message().replace('\n', ' '));
        };
        return "-- retort sql: " + r.target().name() + ", " + what;
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
