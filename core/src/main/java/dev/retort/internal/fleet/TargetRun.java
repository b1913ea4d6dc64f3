package dev.retort.internal.fleet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.TreeSet;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.Direction;
import dev.retort.command.MigrationFailedException;
import dev.retort.command.Plan;
import dev.retort.command.Problem;
import dev.retort.command.ReleaseReport;
import dev.retort.command.RunResult;
import dev.retort.command.Script;
import dev.retort.config.SettingNames;
import dev.retort.fleet.FleetCommand;
import dev.retort.fleet.Target;
import dev.retort.fleet.TargetResult;
import dev.retort.fleet.TargetResult.Outcome;
import dev.retort.lint.Finding;
import dev.retort.lint.LintReport;
import dev.retort.platform.Platform;
import dev.retort.platform.VersionTableSql;

/** One command on one target: first one query of its version table, then, unless that says it is at head, the command itself. */
final class TargetRun {

    private final FleetCommand command;
    private final SettingNames names;
    private final List<String> heads;
    private final boolean quickPathAllowed;

    /**
     * @param heads            the graph's heads, sorted
     * @param quickPathAllowed whether one read of the version table can tell a target has nothing to do (no repeatables)
     */
    TargetRun(FleetCommand command, SettingNames names, List<String> heads, boolean quickPathAllowed) {
        this.command = command;
        this.names = names;
        this.heads = heads;
        this.quickPathAllowed = quickPathAllowed;
    }

    /** Runs the command on the target the connection reaches; never throws for the target's own failure. */
    TargetResult run(Target target, TargetDatabase database) {
        long start = System.nanoTime();
        try {
            List<String> current = command == FleetCommand.CHECK || !quickPathAllowed ? null : quickHeads(database);
            if (current != null && current.equals(heads)) {
                return new TargetResult(target, current, current, 0, since(start), Outcome.AT_HEAD, null);
            }
            try (Retort retort = database.retort()) {
                return switch (command) {
                    case UPGRADE -> upgrade(target, retort, current, start);
                    case RELEASE -> release(target, retort, start);
                    case STATUS -> status(target, retort, current, start);
                    case CHECK -> check(target, retort, start);
                    case LINT -> lint(target, retort, start);
                    case SQL -> sql(target, retort, start);
                };
            }
        } catch (RetortException e) {
            return new TargetResult(target, null, null, 0, since(start), Outcome.FAILED, e.getMessage(names));
        } catch (RuntimeException e) {
            return new TargetResult(target, null, null, 0, since(start), Outcome.FAILED, "failed unexpectedly: " + e);
        }
    }

    /** The version table's rows in one query, or null when it cannot be read (no table yet: the command itself will tell). */
    private static List<String> quickHeads(TargetDatabase database) {
        Platform platform = database.platform();
        VersionTableSql tables = platform.versionTables(database.schema(), Retort.VERSION_TABLE, Retort.HISTORY_TABLE);
        try (Connection c = database.rawConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(tables.selectHeads())) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return sorted(rows);
        } catch (SQLException e) {
            return null;
        }
    }

    private TargetResult upgrade(Target target, Retort retort, List<String> before, long start) {
        try {
            RunResult result = retort.upgrade("head");
            return new TargetResult(target, sorted(result.headsBefore()), sorted(result.headsAfter()), result.steps().size(), since(start),
                    result.nothingToDo() ? Outcome.AT_HEAD : Outcome.MIGRATED, null);
        } catch (MigrationFailedException e) {
            return new TargetResult(target, before, readHeads(retort), e.completed().size(), since(start), Outcome.FAILED, e.getMessage(names));
        }
    }

    private TargetResult release(Target target, Retort retort, long start) {
        ReleaseReport report = retort.release(names);
        Outcome outcome = switch (report.outcome()) {
            case UPGRADED -> Outcome.MIGRATED;
            case NOTHING_TO_DO -> Outcome.AT_HEAD;
            case REFUSED, FAILED -> Outcome.FAILED;
        };
        return new TargetResult(target, sorted(report.headsBefore()), sorted(report.headsAfter()), report.applied().size(), since(start),
                outcome, report.error());
    }

    private TargetResult status(Target target, Retort retort, List<String> quick, long start) {
        List<String> current = quick != null ? quick : sorted(retort.currentHeads());
        List<String> unknown = current.stream().filter(id -> !retort.graph().contains(id)).toList();
        if (!unknown.isEmpty()) {
            return new TargetResult(target, current, current, 0, since(start), Outcome.FAILED, "it is at " + String.join(", ", unknown)
                    + ", which no migration in " + retort.graph().origin() + " declares: it is ahead of this code, or the migration was deleted");
        }
        return current.equals(heads) ? new TargetResult(target, current, current, 0, since(start), Outcome.AT_HEAD, null)
                : new TargetResult(target, current, heads, 0, since(start), Outcome.BEHIND, null);
    }

    private TargetResult check(Target target, Retort retort, long start) {
        List<String> problems = new ArrayList<>(retort.validate().problems().stream().map(Problem::message).toList());
        List<String> current = sorted(retort.currentHeads());
        if (problems.isEmpty() && !current.equals(heads)) {
            problems.add("it is at " + (current.isEmpty() ? "base" : String.join(", ", current)) + ", not at head " + String.join(", ", heads)
                    + "; run upgrade or release");
        }
        return problems.isEmpty() ? new TargetResult(target, current, current, 0, since(start), Outcome.AT_HEAD, null)
                : new TargetResult(target, current, current, 0, since(start), Outcome.FAILED, String.join("; ", problems));
    }

    /** The revisions it lacks, judged as the one run that would apply them on this target, with what its schema holds. */
    private TargetResult lint(Target target, Retort retort, long start) {
        LintReport report = retort.lint("heads");
        List<String> current = sorted(retort.currentHeads());
        if (!report.passed()) {
            Finding first = report.errors().get(0);
            return new TargetResult(target, current, heads, 0, since(start), Outcome.FAILED, "lint found "
                    + report.errors().size() + " error(s) no migration acknowledges, the first " + first.rule() + " in " + first.revision()
                    + "; change the revision, or accept a deliberate finding with op.acknowledge(\"" + first.rule()
                    + "\", \"why\") right after its operation", report, null);
        }
        return new TargetResult(target, current, report.revisions().isEmpty() ? current : heads, report.revisions().size(), since(start),
                report.revisions().isEmpty() ? Outcome.AT_HEAD : Outcome.LINTED, null, report, null);
    }

    /** The script of its upgrade from where it is to head. */
    private TargetResult sql(Target target, Retort retort, long start) {
        Plan plan = retort.plan(Direction.UP, "head");
        Script script = retort.script(plan);
        return new TargetResult(target, sorted(plan.headsBefore()), sorted(plan.headsAfter()), script.revisionCount(), since(start),
                plan.nothingToDo() ? Outcome.AT_HEAD : Outcome.SCRIPTED, null, null, script);
    }

    private static List<String> readHeads(Retort retort) {
        try {
            return sorted(retort.currentHeads());
        } catch (RetortException e) {
            return null;
        }
    }

    private static List<String> sorted(java.util.Collection<String> heads) {
        return heads == null ? null : List.copyOf(new TreeSet<>(heads));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

}
