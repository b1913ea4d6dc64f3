package dev.retort.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;

import dev.retort.Retort;
import dev.retort.command.Verification;
import dev.retort.config.SettingNames;

@Command(name = "verify", description = "Prove the migrations on a throwaway database (--dev-database): one head; every revision "
        + "upgraded, downgraded to the schema it started from and upgraded again; the same SQL every time. Never touches "
        + "--url. (Comparing with the entities is the build's job: migrations:verify.)")
final class VerifyCommand extends RetortCommand.Base {

    @Override
    int run(Retort retort) {
        Verification result = retort.verify();
        List<String> lines = new ArrayList<>();
        result.problems().forEach(p -> lines.add("problem: " + p.message()));
        result.skipped().forEach(s -> lines.add("skipped " + SettingNames.COMMAND_LINE.render(s)));
        lines.add(result.passed() ? String.format("Verified %d revision(s)%s in %.1f s: each upgrades, downgrades to the schema it "
                + "started from and upgrades again; the SQL is the same every time.", result.revisions().size(), result.where(),
                result.elapsed().toMillis() / 1000.0) : "Verify failed: " + result.problems().size() + " problem(s).");
        console.result(JsonResults.problems(result.problems()), lines);
        return result.passed() ? Main.OK : Main.FAILURE;
    }
}
