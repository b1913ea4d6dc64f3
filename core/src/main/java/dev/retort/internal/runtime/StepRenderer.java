package dev.retort.internal.runtime;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.retort.RetortException;
import dev.retort.command.Direction;
import dev.retort.command.Step;
import dev.retort.internal.Sha256;
import dev.retort.internal.revision.MigrationClasses;
import dev.retort.operation.Operation;
import dev.retort.operation.Operations;
import dev.retort.platform.Platform;
import dev.retort.platform.SqlDialect;
import dev.retort.platform.SqlStatement;
import dev.retort.platform.VersionTableSql;
import dev.retort.revision.RevisionScript;

/** Turns a step into its actions: the migration's rendered operations between the history and version-table statements. */
final class StepRenderer {

    private final Platform platform;
    private final SqlDialect dialect;
    private final VersionTableSql tables;

    StepRenderer(Platform platform, VersionTableSql tables) {
        this.platform = platform;
        this.dialect = platform.dialect();
        this.tables = tables;
    }

    RenderedStep render(Step step) {
        if (step.revision() == null) {
            return renderStamp(step);
        }
        RevisionScript script = step.revision();
        List<Action> upgrade = actions(script, Direction.UP);
        List<Action> body = step.direction() == Direction.UP ? upgrade : actions(script, Direction.DOWN);
        String checksum = checksum(upgrade);
        List<Action> opening = new ArrayList<>();
        List<Action> closing = new ArrayList<>();
        tables.move(step.headsBefore(), step.headsAfter()).forEach(s -> closing.add(sql(s)));
        if (script.transactional()) {
            closing.add(sql(tables.historyRecord(script.id(), step.direction(), script.message(), checksum)));
        } else {
            opening.add(sql(tables.historyStart(script.id(), step.direction(), script.message(), checksum, false)));
            closing.add(sql(tables.historyFinish(script.id())));
        }
        return new RenderedStep(step, opening, body, closing);
    }

    private RenderedStep renderStamp(Step step) {
        List<Action> closing = new ArrayList<>();
        closing.add(sql(tables.purge()));
        tables.move(java.util.Set.of(), step.headsAfter()).forEach(s -> closing.add(sql(s)));
        // One history row per head stamped (or one for base), as each fits the revision column.
        for (String head : step.headsAfter().isEmpty() ? java.util.Set.of("base") : new java.util.TreeSet<>(step.headsAfter())) {
            closing.add(sql(tables.historyStart(head, Direction.STAMP, "stamp", null, true)));
        }
        return new RenderedStep(step, List.of(), List.of(), closing);
    }

    /** A repair: a history row recording the revision's current checksum, nothing else. */
    RenderedStep repair(Step step, String checksum) {
        RevisionScript script = step.revision();
        return new RenderedStep(step, List.of(), List.of(),
                List.of(sql(tables.historyStart(script.id(), Direction.REPAIR, script.message(), checksum, true))));
    }

    /** The SHA-256 of the SQL a revision's upgrade renders to (hex), as stored in the history table. */
    String checksum(RevisionScript script) {
        return script.checksum() != null ? script.checksum() : checksum(actions(script, Direction.UP));
    }

    /** The statements of a revision's upgrade or downgrade, as a person reads them; JDBC code as a comment. */
    List<String> statements(RevisionScript script, Direction direction) {
        List<String> out = new ArrayList<>();
        for (Action action : actions(script, direction)) {
            if (action instanceof Action.Sql sql) {
                out.add(sql.text());
            } else if (action instanceof Action.Callback callback) {
                out.add("-- JDBC: " + callback.operation().description());
            }
        }
        return out;
    }

    /** The operations a revision's upgrade or downgrade records. */
    List<Operation> operations(RevisionScript script, Direction direction) {
        return MigrationClasses.record(script, direction).recorded();
    }

    private List<Action> actions(RevisionScript script, Direction direction) {
        List<Action> actions = new ArrayList<>();
        for (Operation operation : operations(script, direction)) {
            if (operation instanceof Operation.RunJdbc callback) {
                actions.add(new Action.Callback(callback));
                continue;
            }
            List<SqlStatement> statements;
            try {
                statements = dialect.render(operation);
            } catch (IllegalArgumentException e) {
                throw new RetortException("Revision " + script.id() + " (" + script.source() + ") has an operation that cannot be "
                        + "rendered: " + e.getMessage() + " Nothing was executed.", e);
            }
            if (script.transactional() && dialect.requiresNoTransaction(operation)) {
                throw new RetortException("Revision " + script.id() + " (" + script.source() + ") runs `"
                        + dialect.inline(statements.get(0)) + "`, which " + platform.name() + " cannot run inside a transaction; declare the "
                        + "revision with @Revision(..., transactional = false). Nothing was executed.");
            }
            statements.forEach(s -> actions.add(sql(s)));
        }
        return actions;
    }

    private Action sql(SqlStatement statement) {
        return new Action.Sql(statement, dialect.inline(statement));
    }

    private static String checksum(List<Action> actions) {
        StringBuilder text = new StringBuilder();
        for (Action action : actions) {
            if (action instanceof Action.Sql sql) {
                text.append(sql.text()).append(";\n");
            } else if (action instanceof Action.Callback callback) {
                text.append("-- JDBC: ").append(callback.operation().description()).append('\n');
            }
        }
        return HexFormat.of().formatHex(Sha256.digest(text.toString()));
    }
}
