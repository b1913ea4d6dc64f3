package dev.retort.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.RunResult;
import dev.retort.command.Summary;

/** The commands that write: upgrade, downgrade, stamp, repair. */
final class RunCommands {

    private RunCommands() {
    }

    private static int print(Console console, RunResult result) {
        console.result(JsonResults.run(result), List.of(Summary.of(result)));
        return Main.OK;
    }

    @Command(name = "upgrade", description = "Apply pending revisions up to the target (default head), each in its own transaction.")
    static final class Upgrade extends RetortCommand.Base {
        @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET",
                description = "head (default), heads, a revision id or prefix, +N, <revision>+N.")
        String target;

        @Override
        dev.retort.fleet.FleetCommand fleet() {
            if (!"head".equals(target)) {
                throw new RetortException("upgrade over a fleet goes to head, and " + target + " was given; leave the target out.");
            }
            return dev.retort.fleet.FleetCommand.UPGRADE;
        }

        @Override
        int run(Retort retort) {
            return print(console, retort.upgrade(target));
        }
    }

    @Command(name = "downgrade", description = "Revert applied revisions down to the target, newest first.")
    static final class Downgrade extends RetortCommand.Base {
        @Parameters(paramLabel = "TARGET", description = "-1 (one back), base (everything), a revision id or prefix, <revision>-N.")
        String target;

        @Override
        int run(Retort retort) {
            return print(console, retort.downgrade(target));
        }
    }

    @Command(name = "stamp", description = "Write the target to the version table without running migrations (adopt an existing database).")
    static final class Stamp extends RetortCommand.Base {
        @Parameters(paramLabel = "TARGET", description = "head, heads, a revision id, base.")
        String target;

        @Option(names = "--purge", description = "First clear version rows no migration declares.")
        boolean purge;

        @Override
        int run(Retort retort) {
            return print(console, retort.stamp(target, purge));
        }
    }

    @Command(name = "clean", description = "Drop every object in the managed schemas, Retort's tables included (development and test "
            + "databases: needs --clean-enabled, refused in production).")
    static final class Clean extends RetortCommand.Base {
        @Override
        int run(Retort retort) {
            var cleaned = retort.clean();
            console.result(dev.retort.internal.json.Json.write(java.util.Map.of("schemas", cleaned.schemas(), "dropped",
                    cleaned.dropped().stream().map(o -> o.type() + " " + o.qualifiedName()).toList(), "ms", cleaned.elapsed().toMillis())),
                    dev.retort.report.Reports.cleaned(cleaned));
            return Main.OK;
        }
    }

    @Command(name = "repair", description = "After a deliberate edit of an applied migration, record its current checksum so "
            + "upgrade accepts it again. Runs no migration.")
    static final class Repair extends RetortCommand.Base {
        @Option(names = "--yes", description = "Confirm that the edits were deliberate and the database already matches them.")
        boolean yes;

        @Override
        int run(Retort retort) {
            if (!yes) {
                throw new RetortException("repair records the current checksum of every edited migration, so upgrade stops "
                        + "guarding against those edits; if they were deliberate and the database already matches them, run it "
                        + "again with --yes. Nothing was changed.");
            }
            return print(console, retort.repair());
        }
    }
}
