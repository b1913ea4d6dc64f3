package dev.retort.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.ReleaseReport;
import dev.retort.config.SettingNames;

@Command(name = "release", description = "The release step of a deploy: production guard, validation, upgrade to head under the "
        + "lock, and a report. Exits non-zero unless the database ends at head, so the deploy stops and the old version keeps running.")
final class ReleaseCommand extends RetortCommand.Base {

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to this file.")
    Path report;

    @Override
    dev.retort.fleet.FleetCommand fleet() {
        return dev.retort.fleet.FleetCommand.RELEASE;
    }

    @Override
    void fleetFinished(dev.retort.fleet.FleetReport result) {
        write(result.toJson(), result.succeeded() ? "succeeded" : "failed");
    }

    @Override
    int run(Retort retort) {
        ReleaseReport result = retort.release(SettingNames.COMMAND_LINE);
        write(result.toJson(), result.outcome().toString());
        console.result(result.toJson(), result.summary());
        return result.succeeded() ? Main.OK : Main.FAILURE;
    }

    /** The report, as JSON, to the file --report names, if any. */
    private void write(String json, String outcome) {
        if (report != null) {
            try {
                Path parent = report.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(report, json + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RetortException("The release ended (" + outcome + ") but its report could not be written to " + report
                        + ": " + e.getMessage());
            }
        }
    }
}
