package dev.retort.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.internal.json.FindingJson;
import dev.retort.internal.json.Json;
import dev.retort.lint.LintReport;

@Command(name = "lint", description = "Lint the revisions an upgrade would apply for lock hazards, data loss and rolling-deploy "
        + "breakers. Exits 1 on an error no migration acknowledges. Executes nothing.")
final class LintCommand extends RetortCommand.Base {

    @Parameters(arity = "0..1", defaultValue = "heads", paramLabel = "TARGET", description = "Up to where: heads (default), a revision id or prefix.")
    String target;

    @Option(names = "--from", paramLabel = "REVISIONS", description = "Start here instead of the database's current revision: base, "
            + "or revision ids separated by commas. With it, no database is needed.")
    String from;

    @Override
    dev.retort.fleet.FleetCommand fleet() {
        if (from != null) {
            throw new RetortException("lint over a fleet lints what each target has not applied yet, from its own current revision, and "
                    + "--from was given; leave it out, or run it without a fleet.");
        }
        if (!"heads".equals(target) && !"head".equals(target)) {
            throw new RetortException("lint over a fleet goes to head, and " + target + " was given; leave the target out.");
        }
        return dev.retort.fleet.FleetCommand.LINT;
    }

    @Override
    int run(Retort retort) {
        LintReport report = from == null ? retort.lint(target) : retort.lint(SqlCommand.start(from), target);
        List<String> lines = new ArrayList<>();
        report.findings().forEach(f -> lines.add(f.line()));
        lines.add(report.verdict());
        if (!report.passed()) {
            lines.add("Lint failed. Change the revision, or accept a deliberate finding with op.acknowledge(\""
                    + report.errors().get(0).rule() + "\", \"why\") right after its operation.");
        }
        console.result(json(report), lines);
        return report.passed() ? Main.OK : Main.FAILURE;
    }

    private static String json(LintReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", report.passed());
        json.put("basis", report.basis());
        json.put("revisions", report.revisions());
        json.put("findings", FindingJson.of(report.findings()));
        return Json.write(json);
    }
}
