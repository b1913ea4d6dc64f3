package dev.retort.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.Direction;
import dev.retort.command.Plan;
import dev.retort.command.Script;
import dev.retort.fleet.FleetReport;
import dev.retort.internal.json.Json;

@Command(name = "sql", description = "The SQL an upgrade (or, with --down, a downgrade) would run, for review. Executes nothing.")
final class SqlCommand extends RetortCommand.Base {

    @Parameters(arity = "0..1", paramLabel = "TARGET", description = "Where to go: head for an upgrade (default), -1 or base for a downgrade.")
    String target;

    @Option(names = "--down", description = "A downgrade script instead of an upgrade.")
    boolean down;

    @Option(names = "--from", paramLabel = "REVISIONS", description = "Start here instead of the database's current revision: base, "
            + "or revision ids separated by commas. With it, no database is needed.")
    String from;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the script to this file instead of standard output; "
            + "over a fleet, a directory: one file per target, <target>.sql.")
    Path output;

    @Override
    boolean dataOnOut() {
        return output == null;
    }

    @Override
    dev.retort.fleet.FleetCommand fleet() {
        if (down || from != null) {
            throw new RetortException("sql over a fleet writes each target's upgrade from its own current revision to head, and "
                    + (down ? "--down" : "--from") + " was given; leave it out, or run it on one target (--url, or --schema for a tenant schema).");
        }
        if (target != null && !"head".equals(target)) {
            throw new RetortException("sql over a fleet goes to head, and " + target + " was given; leave the target out.");
        }
        return dev.retort.fleet.FleetCommand.SQL;
    }

    /** With --output, a file per target and the summary; else the scripts on standard output and the summary on standard error. */
    @Override
    void printFleet(FleetReport report) {
        List<String> lines = new java.util.ArrayList<>(report.lines());
        if (output != null) {
            List<Path> files = report.writeScripts(output);
            lines.add("Wrote " + files.size() + " script(s) to " + output + "; nothing was executed.");
            console.result(report.toJson(), lines);
        } else if (console.json) {
            console.result(report.toJson(), List.of());
        } else {
            console.result(null, List.of(report.scripts().stripTrailing()));
            lines.forEach(console::progress);
        }
    }

    @Override
    int run(Retort retort) {
        Direction direction = down ? Direction.DOWN : Direction.UP;
        String to = target != null ? target : down ? "-1" : "head";
        Plan plan = from == null ? retort.plan(direction, to) : retort.plan(direction, start(from), to);
        Script script = retort.script(plan);
        if (output != null) {
            try {
                Path parent = output.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(output, script.sql(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RetortException("Cannot write " + output + ": " + e.getMessage());
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("direction", direction.label());
        json.put("revisions", plan.revisions());
        json.put("repeatables", plan.repeatables());
        json.put("output", output == null ? null : output.toString());
        json.put("sql", output == null ? script.sql() : null);
        String said = plan.nothingToDo() ? "-- Nothing to do." : "-- " + script.revisionCount() + " revision(s)"
                + (plan.repeatables().isEmpty() ? "" : " and " + plan.repeatables().size() + " repeatable(s)")
                + (output == null ? "" : " written to " + output) + "; nothing was executed.";
        console.result(Json.write(json), output == null ? List.of(script.sql()) : List.of(said));
        return Main.OK;
    }

    /** {@code --from}: base, or revision ids separated by commas. */
    static Set<String> start(String from) {
        return "base".equals(from.strip()) ? Set.of()
                : Arrays.stream(from.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
