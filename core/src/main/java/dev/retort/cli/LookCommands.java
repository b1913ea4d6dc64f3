package dev.retort.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.retort.Retort;
import dev.retort.command.RevisionDetails;
import dev.retort.internal.json.Json;
import dev.retort.report.Reports;

/** The commands that only look: current, history, heads, show. */
final class LookCommands {

    private LookCommands() {
    }

    @Command(name = "current", aliases = "status", description = "The database's current revision(s); over a fleet, each target's, "
            + "failing when one cannot be read or is ahead of this code.")
    static final class Current extends RetortCommand.Base {
        @Override
        dev.retort.fleet.FleetCommand fleet() {
            return dev.retort.fleet.FleetCommand.STATUS;
        }

        @Option(names = {"-v", "--verbose"}, description = "Also say whether the database is at head and what is pending.")
        boolean verbose;

        @Override
        int run(Retort retort) {
            var status = retort.status();
            var unknown = retort.unknownRevisions();
            console.result(JsonResults.status(status.stream().filter(s -> s.current()).toList()),
                    Reports.current(status, unknown, retort.graph().origin(), verbose, verbose ? retort.repeatables() : java.util.List.of()));
            if (!unknown.isEmpty()) {
                console.error("The database is at " + String.join(", ", unknown) + ", which no migration in " + retort.graph().origin()
                        + " declares: it is ahead of this code, or the migration was deleted.");
                return Main.FAILURE;
            }
            return Main.OK;
        }
    }

    @Command(name = "history", description = "Every revision, newest first, with its state and when it was applied.")
    static final class History extends RetortCommand.Base {
        @Override
        int run(Retort retort) {
            var status = retort.status();
            console.result(JsonResults.status(status), Reports.history(status, retort.repeatables()));
            return Main.OK;
        }
    }

    @Command(name = "heads", description = "The heads of the revision graph, current or pending.")
    static final class Heads extends RetortCommand.Base {
        @Override
        int run(Retort retort) {
            var status = retort.status();
            console.result(JsonResults.status(status.stream().filter(s -> s.head()).toList()), Reports.heads(status));
            return Main.OK;
        }
    }

    @Command(name = "show", description = "One revision: parents, message, checksum, and the SQL of its upgrade and downgrade. Needs no database.")
    static final class Show extends RetortCommand.Base {
        @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "REVISION", description = "head (default), an id or a prefix, or a repeatable's name.")
        String target;

        @Override
        int run(Retort retort) {
            RevisionDetails details = retort.show(target);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("revision", details.revision().id());
            json.put("parents", details.revision().parents());
            json.put("children", details.children());
            json.put("message", details.revision().message());
            json.put("created", details.revision().created());
            json.put("class", details.revision().source());
            json.put("transactional", details.revision().transactional());
            json.put("head", details.head());
            json.put("checksum", details.checksum());
            json.put("upgrade", details.upgrade());
            json.put("downgrade", details.downgrade());
            console.result(Json.write(json), Reports.show(details));
            return Main.OK;
        }
    }
}
