package dev.retort.internal.runtime;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.retort.Callback;
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
    private final RunExtras extras;

    StepRenderer(Platform platform, VersionTableSql tables, RunExtras extras) {
        this.platform = platform;
        this.dialect = platform.dialect();
        this.tables = tables;
        this.extras = extras;
    }

    RenderedStep render(Step step) {
        if (step.revision() == null) {
            return renderStamp(step);
        }
        RevisionScript script = step.revision();
        Rendered body = rendered(script, step.direction() == Direction.DOWN ? Direction.DOWN : Direction.UP);
        String checksum = checksum(script);
        List<Action> opening = new ArrayList<>();
        List<Action> closing = new ArrayList<>();
        List<Action> progress = new ArrayList<>(java.util.Collections.nCopies(body.actions().size(), (Action) null));
        tables.move(step.headsBefore(), step.headsAfter()).forEach(s -> closing.add(sql(s)));
        boolean inTransaction = inTransaction(step);
        if (inTransaction) {
            closing.add(sql(tables.historyRecord(script.id(), step.direction(), script.message(), checksum)));
        } else {
            opening.add(sql(tables.historyStart(script.id(), step.direction(), script.message(), checksum, false)));
            // The start row says the first statement may be running; each later one announces itself first, except while
            // table locks are held: the session may then write only to the locked tables, so the statements under them
            // are announced as one, by the statement that takes the locks.
            boolean locked = false;
            for (int i = 0; i < progress.size(); i++) {
                Action action = body.actions().get(i);
                SqlStatement statement = action instanceof Action.Sql sql ? sql.statement() : null;
                if (i > 0 && !locked) {
                    progress.set(i, sql(tables.historyProgress(script.id(), i + 1)));
                }
                if (statement != null && dialect.takesTableLocks(statement)) {
                    locked = true;
                } else if (statement != null && dialect.releasesTableLocks(statement)) {
                    locked = false;
                }
            }
            if (locked) {
                // Retort's own bookkeeping after the step would be refused under them, and the application's statements held.
                throw new RetortException("Revision " + script.id() + " (" + script.source() + ") takes table locks and does not release "
                        + "them: end its statements under the locks with " + dialect.releaseTableLocks().stream().map(SqlStatement::sql)
                        .findFirst().orElse("the statement that releases them") + ". Nothing was executed.");
            }
            closing.add(sql(tables.historyFinish(script.id())));
        }
        return new RenderedStep(step, inTransaction, opening, callbacks(Callback.Event.BEFORE_EACH, step), body.actions(), progress,
                callbacks(Callback.Event.AFTER_EACH, step), closing, body.operations(), body.operationOf());
    }

    /**
     * The actions of every callback at an event, in order, each marked with the callback that recorded it.
     *
     * @param step the step it concerns, or null for the run's own events
     */
    List<Action> callbacks(Callback.Event event, Step step) {
        List<Action> actions = new ArrayList<>();
        for (Callback callback : extras.callbacks()) {
            if (callback.handles(event)) {
                actions.addAll(callbackActions(callback, event, step));
            }
        }
        return actions;
    }

    /** One callback's actions at an event. */
    List<Action> callbackActions(Callback callback, Callback.Event event, Step step) {
        String origin = "the " + event.fileName() + " callback " + callback.describe();
        List<Action> actions = new ArrayList<>();
        for (Operation operation : MigrationClasses.record(callback, event, step, platform.id(), extras.placeholders()).recorded()) {
            if (operation instanceof Operation.RunJdbc jdbc) {
                actions.add(new Action.Callback(jdbc, origin));
                continue;
            }
            List<SqlStatement> statements;
            try {
                statements = dialect.render(operation);
            } catch (IllegalArgumentException e) {
                throw new RetortException(origin + " has an operation that cannot be rendered: " + e.getMessage() + " Nothing was executed.", e);
            }
            for (SqlStatement statement : statements) {
                actions.add(new Action.Sql(statement, dialect.inline(statement), origin));
            }
        }
        return actions;
    }

    /**
     * Whether a step runs in one transaction with its bookkeeping: a revision declared transactional, on a database whose
     * DDL is; everything else runs statement by statement, its progress recorded.
     */
    boolean inTransaction(Step step) {
        return step.transactional() && platform.transactionalDdl();
    }

    /** The history row recording that what a step applied before it stopped was undone. */
    Action.Sql undone(Step step, String checksum) {
        RevisionScript script = step.revision();
        return sql(tables.historyStart(script.id(), Direction.UNDO, script.message(), checksum, true));
    }

    /** The statements of operations, in order, as a step outside a transaction runs them. */
    List<Action> actions(RevisionScript script, List<Operation> operations) {
        return rendered(script, operations).actions();
    }

    private RenderedStep renderStamp(Step step) {
        List<Action> closing = new ArrayList<>();
        closing.add(sql(tables.purge()));
        tables.move(java.util.Set.of(), step.headsAfter()).forEach(s -> closing.add(sql(s)));
        // One history row per head stamped (or one for base), as each fits the revision column.
        for (String head : step.headsAfter().isEmpty() ? java.util.Set.of("base") : new java.util.TreeSet<>(step.headsAfter())) {
            closing.add(sql(tables.historyStart(head, Direction.STAMP, "stamp", null, true)));
        }
        return RenderedStep.bookkeeping(step, closing);
    }

    /** A repair: a history row recording the revision's current checksum, nothing else. */
    RenderedStep repair(Step step, String checksum) {
        RevisionScript script = step.revision();
        return RenderedStep.bookkeeping(step, List.of(sql(tables.historyStart(script.id(), Direction.REPAIR, script.message(), checksum,
                true))));
    }

    /**
     * The SHA-256 of the SQL a revision's upgrade renders to (hex), as stored in the history table; a SQL file's as
     * written, before its placeholders are replaced, so a value that differs between environments is no edit.
     */
    String checksum(RevisionScript script) {
        return script.checksum() != null ? script.checksum()
                : checksum(rendered(script, MigrationClasses.record(script, Direction.UP, platform.id()).recorded()).actions());
    }

    /** The statements of a revision's upgrade or downgrade, as a person reads them; JDBC code as a comment. */
    List<String> statements(RevisionScript script, Direction direction) {
        List<String> out = new ArrayList<>();
        for (Action action : rendered(script, direction).actions()) {
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
        return MigrationClasses.record(script, direction, platform.id(), extras.placeholders()).recorded();
    }

    /** A revision's operations one way, rendered: the actions, and which operation each belongs to. */
    private record Rendered(List<Action> actions, List<Operation> operations, List<Integer> operationOf) {
    }

    private Rendered rendered(RevisionScript script, Direction direction) {
        return rendered(script, operations(script, direction));
    }

    private Rendered rendered(RevisionScript script, List<Operation> operations) {
        List<Action> actions = new ArrayList<>();
        List<Integer> operationOf = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            if (operation instanceof Operation.RunJdbc callback) {
                actions.add(new Action.Callback(callback));
                operationOf.add(i);
                continue;
            }
            List<SqlStatement> statements;
            try {
                statements = dialect.render(operation);
            } catch (IllegalArgumentException e) {
                throw new RetortException("Revision " + script.id() + " (" + script.source() + ") has an operation that cannot be "
                        + "rendered: " + e.getMessage() + " Nothing was executed.", e);
            }
            if (script.transactional() && platform.transactionalDdl() && dialect.requiresNoTransaction(operation)) {
                throw new RetortException("Revision " + script.id() + " (" + script.source() + ") runs `"
                        + dialect.inline(statements.get(0)) + "`, which " + platform.name() + " cannot run inside a transaction; declare the "
                        + "revision with @Revision(..., transactional = false). Nothing was executed.");
            }
            for (SqlStatement statement : statements) {
                actions.add(sql(statement));
                operationOf.add(i);
            }
        }
        return new Rendered(actions, operations, operationOf);
    }

    /** A statement as an action: run as it is, read with its parameters written in. */
    Action.Sql sql(SqlStatement statement) {
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
