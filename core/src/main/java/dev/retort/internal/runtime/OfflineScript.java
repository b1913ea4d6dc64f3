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

    static String write(SqlDialect dialect, VersionTableSql tables, List<SqlStatement> timeouts, List<RenderedStep> steps) {
        StringBuilder out = new StringBuilder();
        out.append(dialect.scriptHeader()).append("\n\n");
        for (var statement : tables.create()) {
            out.append(statement.sql()).append(";\n\n");
        }
        if (steps.isEmpty()) {
            out.append("-- Nothing to do: the database is already at the target.\n");
            return out.toString();
        }
        for (var statement : timeouts) {
            out.append(statement.sql()).append(";\n");
        }
        out.append('\n');
        steps.forEach(OfflineScript::refuseCallbacks);
        for (RenderedStep rendered : steps) {
            Step step = rendered.step();
            out.append("-- ").append(step.direction().label()).append(": ").append(step.describe());
            out.append(rendered.inTransaction() ? "\n" : step.transactional() ? " (statement by statement)\n" : " (non-transactional)\n");
            if (rendered.inTransaction()) {
                out.append("BEGIN;\n");
                append(out, rendered.opening(), rendered.body(), rendered.closing());
                out.append("COMMIT;\n\n");
            } else {
                append(out, rendered.opening());
                for (int i = 0; i < rendered.body().size(); i++) {
                    append(out, rendered.progress().get(i) == null ? List.of() : List.of(rendered.progress().get(i)));
                    append(out, List.of(rendered.body().get(i)));
                }
                out.append("BEGIN;\n");
                append(out, rendered.closing());
                out.append("COMMIT;\n\n");
            }
        }
        for (var statement : dialect.resetTimeouts()) {
            out.append(statement.sql()).append(";\n");
        }
        return out.toString();
    }

    @SafeVarargs
    private static void append(StringBuilder out, List<Action>... parts) {
        for (List<Action> part : parts) {
            for (Action action : part) {
                if (action instanceof Action.Sql sql) {
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
