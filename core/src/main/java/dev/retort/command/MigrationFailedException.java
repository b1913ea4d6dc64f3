package dev.retort.command;

import static dev.retort.internal.Messages.oneLine;

import dev.retort.RetortException;
import dev.retort.command.Heads;

/** A revision failed while running; the message names it, the statement and PostgreSQL's error. */
public class MigrationFailedException extends RetortException {

    private static final long serialVersionUID = 1L;

    private final transient Step step;
    private final String statement;

    public MigrationFailedException(Step step, String statement, Throwable cause) {
        super(message(step, statement, cause), cause);
        this.step = step;
        this.statement = statement;
    }

    private static String message(Step step, String statement, Throwable cause) {
        String what = step.revision() == null ? "Stamp" : "Revision " + step.revision().id()
                + (step.revision().message().isEmpty() ? "" : " (" + step.revision().message() + ")");
        String verb = step.direction() == Direction.DOWN ? "downgrade" : step.direction() == Direction.UP ? "upgrade" : "stamp";
        String outcome = step.transactional()
                ? "was rolled back; the database stays at " + Heads.describe(step.headsBefore())
                : "is non-transactional, so statements before the failing one stay applied; the version table still says "
                        + Heads.describe(step.headsBefore()) + " and retort_history records the failure";
        String where = statement == null ? "" : " Statement: " + oneLine(statement) + ".";
        return what + " failed during " + verb + " and " + outcome + "." + where + " Error: " + oneLine(reason(cause));
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.toString() : message;
    }

    /** The step that failed. */
    public Step step() {
        return step;
    }

    /** The statement that failed, or null when a JDBC callback or the migration's own code failed. */
    public String statement() {
        return statement;
    }
}
