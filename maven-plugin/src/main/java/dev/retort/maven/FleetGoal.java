package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import dev.retort.config.SettingNames;
import dev.retort.config.Settings;
import dev.retort.fleet.FleetCommand;
import dev.retort.fleet.FleetListener;
import dev.retort.fleet.FleetProgress;
import dev.retort.fleet.FleetReport;
import dev.retort.fleet.FleetRunner;
import dev.retort.fleet.TargetResult;

/** A goal over a fleet: a line per target, the progress line, the summary. */
final class FleetGoal {

    private final Log log;
    private final String goal;

    FleetGoal(Log log, String goal) {
        this.log = log;
        this.goal = goal;
    }

    /** Runs the command over the fleet and prints the summary; the caller fails the build when a target failed. */
    FleetReport run(FleetCommand command, Settings settings, ClassLoader classes) throws MojoFailureException {
        if (command == null) {
            throw new MojoFailureException("migrations:" + goal + " does not run over a fleet; run it on one database, or use "
                    + "migrations:upgrade, migrations:release, migrations:current, migrations:lint or migrations:sql with migrations.targets, migrations.tenantSchemas "
                    + "or migrations.targetsQuery.");
        }
        FleetReport report = FleetRunner.configure().settings(settings).classLoader(classes).environment(System.getenv())
                .names(SettingNames.MAVEN).listener(new FleetListener() {
                    @Override
                    public void targetFinished(TargetResult r) {
                        if (r.outcome() != TargetResult.Outcome.SKIPPED) {
                            log.info(r.target().name() + ": " + r.outcome().label() + " (" + r.time().toMillis() + " ms)");
                        }
                    }

                    @Override
                    public void progress(FleetProgress progress) {
                        log.info(progress.line());
                    }
                }).build().run(command);
        report.lines().forEach(log::info);
        return report;
    }
}
