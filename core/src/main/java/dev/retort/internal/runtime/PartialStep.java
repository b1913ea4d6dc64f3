package dev.retort.internal.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import dev.retort.operation.Operation;
import dev.retort.platform.Platform;

/**
 * What a step that ran outside a transaction applied before it stopped, and the operations that take it back. Its
 * statements ran one by one, each committing, so the ones before the stop stand applied; the operations they belong to
 * are undone with their reverses, newest first, which leaves the database where the step started, so it can run whole.
 *
 * @param ran        how many of the body's actions are known to have run
 * @param applied    the operations with at least one action that ran (or, for the one the stop may have cut short, whose
 *                   objects are there), in order
 * @param reverses   what undoes {@code applied}: their reverses, newest first; empty when nothing was applied
 * @param undoing    for each of {@code reverses}, the number (from 1) of the first statement of the operation it undoes
 * @param cannotUndo why the applied part cannot be undone without a person, or null when it can
 */
record PartialStep(int ran, List<Operation> applied, List<Operation> reverses, List<Integer> undoing, String cannotUndo) {

    /** Whether there is something to undo and it can be undone. */
    boolean undoable() {
        return cannotUndo == null && !applied.isEmpty();
    }

    /**
     * The partial step of a body that stopped after {@code ran} actions.
     *
     * @param nextMayHaveRun whether the action after them may have run too (the run was interrupted rather than the
     *                       action failing): it counts as run when the objects its operation creates are in the database,
     *                       or, for an operation that drops, when what its reverse would create again is gone
     * @param connection     where to look for them
     */
    static PartialStep of(RenderedStep step, int ran, boolean nextMayHaveRun, Platform platform, Connection connection) throws SQLException {
        List<Integer> touched = new ArrayList<>();
        for (int i = 0; i < ran && i < step.operationOf().size(); i++) {
            int operation = step.operationOf().get(i);
            if (!touched.contains(operation)) {
                touched.add(operation);
            }
        }
        if (nextMayHaveRun && ran < step.operationOf().size()) {
            int next = step.operationOf().get(ran);
            Operation operation = step.operations().get(next);
            if (touched.isEmpty() && operation instanceof Operation.RunJdbc jdbc && jdbc.work() instanceof dev.retort.operation.Backfill) {
                // A backfill commits its progress with each batch: run again, it resumes where it stopped.
                return new PartialStep(ran, List.of(), List.of(), List.of(), null);
            }
            if (!touched.contains(next) && locksOnly(platform, operation)) {
                // Retort records no progress while table locks are held: any of the statements under them may have run.
                return new PartialStep(ran, applied(step, touched), List.of(), List.of(), "its statements from " + (ran + 1) + " ("
                        + describe(platform, operation) + ") on ran under table locks, when no progress is recorded, so how many "
                        + "of them ran before the interruption cannot be told from the database");
            }
            if (!touched.contains(next)) {
                AlreadyThere.Findings found = AlreadyThere.look(platform, connection, List.of(operation));
                if (!found.present().isEmpty() || found.missing().isEmpty() && gone(platform, connection, operation)) {
                    touched.add(next);
                } else if (found.missing().isEmpty() && !stillThere(platform, connection, operation)) {
                    // Nothing it creates or drops can be looked for: whether it ran cannot be told.
                    return new PartialStep(ran, applied(step, touched), List.of(), List.of(), "its statement " + (ran + 1) + " ("
                            + describe(platform, operation) + ") may or may not have run before the interruption, and that cannot be told "
                            + "from the database");
                }
            }
        }
        // Taking or releasing table locks changed nothing: the locks went with the statement that failed (Engine releases them).
        List<Integer> indices = touched.stream().sorted().filter(i -> !locksOnly(platform, step.operations().get(i))).toList();
        List<Operation> applied = indices.stream().map(step.operations()::get).toList();
        List<Operation> reverses = new ArrayList<>();
        List<Integer> undoing = new ArrayList<>();
        for (int i : indices) {
            Operation operation = step.operations().get(i);
            Optional<Operation> reverse = operation.reverse();
            if (reverse.isEmpty()) {
                return new PartialStep(ran, applied, List.of(), List.of(), describe(platform, operation) + " has no reverse to undo it with");
            }
            reverses.add(reverse.get());
            undoing.add(step.operationOf().indexOf(i) + 1);
        }
        Collections.reverse(reverses);
        Collections.reverse(undoing);
        return new PartialStep(ran, applied, reverses, undoing, null);
    }

    /** Whether the operation only takes or releases table locks ({@code LOCK TABLES}, {@code UNLOCK TABLES}). */
    private static boolean locksOnly(Platform platform, Operation operation) {
        if (!(operation instanceof Operation.ExecuteSql sql)) {
            return false;
        }
        dev.retort.platform.SqlStatement statement = new dev.retort.platform.SqlStatement(sql.sql(), sql.parameters());
        return platform.dialect().takesTableLocks(statement) || platform.dialect().releasesTableLocks(statement);
    }

    /**
     * Whether a reverse has taken effect already: what it creates is all there, or what it drops is gone. An undo cut
     * short and run again skips what it did before instead of failing on it.
     */
    static boolean alreadyUndone(Platform platform, Connection connection, Operation reverse) throws SQLException {
        AlreadyThere.Findings created = AlreadyThere.look(platform, connection, List.of(reverse));
        if (!created.present().isEmpty() || !created.missing().isEmpty()) {
            return created.complete();
        }
        return gone(platform, connection, reverse);
    }

    /** Whether what a dropping operation drops is gone: what its reverse would create again is missing, and none of it there. */
    private static boolean gone(Platform platform, Connection connection, Operation operation) throws SQLException {
        Optional<Operation> reverse = operation.reverse();
        if (reverse.isEmpty()) {
            return false;
        }
        AlreadyThere.Findings back = AlreadyThere.look(platform, connection, List.of(reverse.get()));
        return back.present().isEmpty() && !back.missing().isEmpty();
    }

    /** Whether what a dropping operation drops is all still there, so the operation did not run. */
    private static boolean stillThere(Platform platform, Connection connection, Operation operation) throws SQLException {
        Optional<Operation> reverse = operation.reverse();
        return reverse.isPresent() && AlreadyThere.look(platform, connection, List.of(reverse.get())).complete();
    }

    private static List<Operation> applied(RenderedStep step, List<Integer> touched) {
        return touched.stream().sorted().map(step.operations()::get).toList();
    }

    /** An operation as its first statement reads, for messages. */
    static String describe(Platform platform, Operation operation) {
        if (operation instanceof Operation.RunJdbc jdbc) {
            return "JDBC code '" + jdbc.description() + "'";
        }
        var statements = platform.dialect().render(operation);
        return statements.isEmpty() ? operation.getClass().getSimpleName() : "`" + platform.dialect().inline(statements.get(0)) + "`";
    }
}
