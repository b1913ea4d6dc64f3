package dev.retort.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;

import dev.retort.Retort;
import dev.retort.command.Problem;

@Command(name = "check", description = "Fail unless the graph has one head, the database is at no revision this jar does not "
        + "know, no applied migration was edited, the database is at head, and every revision renders on each database --platforms "
        + "lists. (Comparing with the entities is the build's "
        + "job: migrations:check.)")
final class CheckCommand extends RetortCommand.Base {

    @Override
    dev.retort.fleet.FleetCommand fleet() {
        return dev.retort.fleet.FleetCommand.CHECK;
    }

    @Override
    int run(Retort retort) {
        List<Problem> problems = new ArrayList<>(retort.validate().problems());
        problems.addAll(retort.portability());
        if (problems.isEmpty() && !retort.currentHeads().equals(java.util.Set.copyOf(retort.graph().heads()))) {
            problems.add(new Problem(Problem.Kind.NOT_AT_HEAD, null, "the database is at "
                    + dev.retort.command.Heads.describe(retort.currentHeads()) + ", not at head "
                    + String.join(", ", retort.graph().heads()) + "; run upgrade or release"));
        }
        List<String> lines = new ArrayList<>();
        problems.forEach(p -> lines.add("problem: " + p.message()));
        lines.add(problems.isEmpty() ? "Check passed: one head, no edited migration, the database is at head."
                : "Check failed: " + problems.size() + " problem(s).");
        console.result(JsonResults.problems(problems), lines);
        return problems.isEmpty() ? Main.OK : Main.FAILURE;
    }
}
