package dev.retort.cli;

import java.time.Duration;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.config.SettingNames;
import dev.retort.config.Settings;
import dev.retort.fleet.FleetCommand;
import dev.retort.fleet.FleetListener;
import dev.retort.fleet.FleetProgress;
import dev.retort.fleet.FleetReport;
import dev.retort.fleet.FleetRunner;
import dev.retort.fleet.Target;
import dev.retort.fleet.TargetResult;

/** A command over a fleet: a line per target as it finishes and the progress line; the command prints the summary table (or its JSON). */
final class FleetRun {

    private final Console console;
    private final Options options;

    FleetRun(Console console, Options options) {
        this.console = console;
        this.options = options;
    }

    /** Runs the command over the fleet the settings name; the caller prints the report. */
    FleetReport run(FleetCommand command, String name, Settings settings) {
        if (command == null) {
            throw new RetortException(name + " does not run over a fleet; run it on one database (--url), or use upgrade, release, "
                    + "current, check, lint or sql with {targets}, {tenantSchemas} or {targetsQuery}.");
        }
        FleetRunner runner = FleetRunner.configure().settings(settings).environment(options.environment).classLoader(options.classLoader)
                .names(SettingNames.COMMAND_LINE).listener(new Lines(console)).build();
        console.progress(command.label() + " over " + runner.shardTargets().size() + " target(s)"
                + (runner.options().shard().count() > 1 ? " (shard " + runner.options().shard() + " of " + runner.targets().size() + ")" : "")
                + ", " + runner.options().parallel() + " at once" + runner.whyOneAtATime().map(why -> " (" + why + ")").orElse("") + ".");
        return runner.run(command);
    }

    /** A line per finished target, the progress line, and each target's waits and notes, named by target. */
    private record Lines(Console console) implements FleetListener {
        @Override
        public void targetFinished(TargetResult r) {
            if (r.outcome() == TargetResult.Outcome.SKIPPED) {
                return;
            }
            console.progress(r.target().name() + ": " + r.outcome().label()
                    + (r.applied() > 0 ? ", " + r.applied() + " revision(s)" : "") + " (" + r.time().toMillis() + " ms)"
                    + (r.outcome() == TargetResult.Outcome.FAILED && r.message() != null ? ": " + r.message() : ""));
        }

        @Override
        public void progress(FleetProgress progress) {
            console.progress(progress.line());
        }

        @Override
        public MigrationListener forTarget(Target target) {
            return new MigrationListener() {
                @Override
                public void lockWaiting(Duration timeout) {
                    console.progress(target.name() + ": another migration run holds its lock; waiting up to " + timeout.toSeconds() + "s.");
                }

                @Override
                public void note(String message) {
                    console.progress(target.name() + ": " + message);
                }
            };
        }
    }
}
