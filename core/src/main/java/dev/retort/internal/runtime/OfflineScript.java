package dev.retort.internal.runtime;

import java.util.List;

import dev.retort.command.Step;
import dev.retort.platform.SqlDialect;
import dev.retort.platform.SqlStatement;
import dev.retort.platform.VersionTableSql;

/**
 * Writes a run as a SQL script for review: the same statements, in the same order, as an online
 * run executes, with each transactional revision between {@code BEGIN} and {@code COMMIT}.
 */
final class OfflineScript {

    private OfflineScript() {
    }

    /**
     * @param beforeRun the actions of the callbacks at the run's start, each callback's in a transaction
     * @param afterRun  those at its end
     */
    static String write(SqlDialect dialect, VersionTableSql tables, List<SqlStatement> timeouts, List<Action> beforeRun,
                        List<RenderedStep> steps, List<Action> afterRun) {
        StringBuilder out = new StringBuilder();
        out.append(dialect.scriptHeader()).append("\n\n");
        for (var statement : tables.create()) {
            out.append(statement.sql()).append(";\n\n");
        }
        if (steps.isEmpty() && beforeRun.isEmpty() && afterRun.isEmpty()) {
            out.append("-- Nothing to do: the database is already at the target.\n");
            return out.toString();
        }
        for (var statement : timeouts) {
            out.append(statement.sql()).append(";\n");
        }
        out.append('\n');
        steps.forEach(OfflineScript::refuseCallbacks);
        callbacks(out, beforeRun);
        if (steps.isEmpty()) {
            out.append("-- Nothing to do: the database is already at the target.\n\n");
        }
        for (RenderedStep rendered : steps) {
            Step step = rendered.step();
            out.append("-- ").append(step.direction().label()).append(": ").append(step.describe());
            out.append(rendered.inTransaction() ? "\n" : step.transactional() ? " (statement by statement)\n" : " (non-transactional)\n");
            if (rendered.inTransaction()) {
                out.append("BEGIN;\n");
                append(out, rendered.opening(), rendered.before(), rendered.body(), rendered.after(), rendered.closing());
                out.append("COMMIT;\n\n");
            } else {
                append(out, rendered.opening(), rendered.before());
                for (int i = 0; i < rendered.body().size(); i++) {
                    append(out, rendered.progress().get(i) == null ? List.of() : List.of(rendered.progress().get(i)));
                    append(out, List.of(rendered.body().get(i)));
                }
                append(out, rendered.after());
                out.append("BEGIN;\n");
                append(out, rendered.closing());
                out.append("COMMIT;\n\n");
            }
        }
        callbacks(out, afterRun);
        for (var statement : dialect.resetTimeouts()) {
            out.append(statement.sql()).append(";\n");
        }
        return out.toString();
    }

    /** The actions of the run's own callbacks, each callback's in a transaction of its own. */
    private static void callbacks(StringBuilder out, List<Action> actions) {
        String origin = null;
        for (Action action : actions) {
            if (!java.util.Objects.equals(action.origin(), origin)) {
                if (origin != null) {
                    out.append("COMMIT;\n\n");
                }
                origin = action.origin();
                out.append("-- ").append(origin).append("\nBEGIN;\n");
            }
            append(out, List.of(action));
        }
        if (origin != null) {
            out.append("COMMIT;\n\n");
        }
    }

    @SafeVarargs
    private static void append(StringBuilder out, List<Action>... parts) {
        for (List<Action> part : parts) {
            for (Action action : part) {
                if (action instanceof Action.Callback jdbc && jdbc.origin() != null) {
                    // A callback's JDBC code records nothing a script must not claim: it is named, for whoever runs the script.
                    out.append("-- not in this script: JDBC code '").append(jdbc.operation().description()).append("' of ")
                            .append(jdbc.origin()).append('\n');
                } else if (action instanceof Action.Sql sql) {
                    // A statement whose last line is a comment gets its semicolon on a line of its own.
                    String last = sql.text().substring(sql.text().lastIndexOf('\n') + 1);
                    out.append(sql.text()).append(last.contains("--") ? "\n;\n" : ";\n");
                }
            }
        }
    }

    /** Refuses a step with JDBC code: the script would record the revision as applied without running it. */
    private static void refuseCallbacks(RenderedStep rendered) {
        for (Action action : rendered.body()) {
            if (action instanceof Action.Callback callback) {
                var revision = rendered.step().revision();
                throw new dev.retort.RetortException("Revision " + revision.id() + " (" + revision.source() + ") runs JDBC code ('"
                        + callback.operation().description() + "'), which cannot be written as SQL; a script without it would record "
                        + "the revision as applied. Apply it online, or start the script after it.");
            }
        }
    }
}
