package dev.retort.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.command.Step;
import dev.retort.config.Setting;
import dev.retort.config.Settings;

/** The {@code retort} command and what its sub-commands share. */
@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = RetortCommand.Version.class,
        description = "Alembic-style schema migrations for Java applications: the migrations are the ones in this application's jar.")
final class RetortCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a command, e.g. upgrade.");
    }

    /** What every sub-command has: the options, the console, and a Retort built from them. */
    @Command(mixinStandardHelpOptions = true, versionProvider = RetortCommand.Version.class)
    abstract static class Base implements Callable<Integer> {

        @Mixin
        Options options;

        Console console;

        @Override
        public final Integer call() {
            console.json = options.json;
            console.dataOnOut = dataOnOut();
            Settings settings = options.settings();
            if (options.application.isOrigin(settings.origin(Setting.URL))) {
                console.progress("Database: " + settings.describeDatabase() + ", from " + settings.origin(Setting.URL) + ".");
            }
            if (dev.retort.fleet.FleetRunner.isFleet(settings)) {
                dev.retort.fleet.FleetReport report = new FleetRun(console, options).run(fleet(),
                        getClass().getAnnotation(Command.class).name(), settings);
                printFleet(report);
                fleetFinished(report);
                return report.succeeded() ? Main.OK : Main.FAILURE;
            }
            try (Retort retort = Retort.configure().settings(settings).listener(new Progress(console)).load()) {
                return run(retort);
            }
        }

        /**
         * What this command does on each target of a fleet ({@code --targets}, {@code --tenant-schemas},
         * {@code --targets-query}), or null when it does not run over one.
         */
        dev.retort.fleet.FleetCommand fleet() {
            return null;
        }

        /** Whether standard output is the command's data (a script): progress then goes to standard error. */
        boolean dataOnOut() {
            return false;
        }

        /** After a fleet run, its result: the summary table, or its JSON. */
        void printFleet(dev.retort.fleet.FleetReport report) {
            console.result(report.toJson(), report.lines());
        }

        /** After a fleet run, what the command adds to the summary it printed (release: its report file). */
        void fleetFinished(dev.retort.fleet.FleetReport report) {
        }

        /** The command's work: one call into Retort, printing its result; returns the exit code. */
        abstract int run(Retort retort);
    }

    /** A line per revision as it finishes, and the notes along the way. */
    private record Progress(Console console) implements MigrationListener {
        @Override
        public void lockWaiting(Duration timeout) {
            console.progress("Another migration run holds the lock; waiting up to " + timeout.toSeconds() + "s.");
        }

        @Override
        public void stepFinished(Step step, Duration elapsed) {
            console.progress(String.format("%-6s %s (%d ms)", step.direction().label(), step.describe(), elapsed.toMillis()));
        }

        @Override
        public void note(String message) {
            console.progress(message);
        }
    }

    /** The version of retort-core this jar carries. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Retort.class.getResourceAsStream("retort.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"retort " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
