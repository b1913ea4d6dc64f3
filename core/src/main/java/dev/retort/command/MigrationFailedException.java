package dev.retort.command;

import static dev.retort.internal.Messages.oneLine;

import java.util.List;

import dev.retort.RetortException;
import dev.retort.command.Heads;

/** A revision failed while running; the message names it, the statement and the database's error. */
public class MigrationFailedException extends RetortException {

    private static final long serialVersionUID = 1L;

    private final transient Step step;
    private final String statement;
    private final transient List<RunResult.StepResult> completed;

    /**
     * A failure of a step.
     *
     * @param step      the step that failed
     * @param statement the statement that failed, or null
     * @param cause     the database's or the migration's error
     */
    public MigrationFailedException(Step step, String statement, Throwable cause) {
        this(step, statement, cause, List.of());
    }

    /**
     * A failure of a step after others of the same run succeeded.
     *
     * @param completed the steps of the run that committed before this one failed, in order
     */
    public MigrationFailedException(Step step, String statement, Throwable cause, List<RunResult.StepResult> completed) {
        this(step, statement, cause, completed, null);
    }

    /**
     * A failure with advice on what the database says about it (what is already there, what the error means).
     *
     * @param advice one or two sentences to end the message with, or null
     */
    public MigrationFailedException(Step step, String statement, Throwable cause, List<RunResult.StepResult> completed, String advice) {
        this(step, statement, cause, completed, null, advice);
    }

    /**
     * A failure whose outcome the engine tells: for a step that ran statement by statement, what stands applied and
     * whether it was undone.
     *
     * @param outcome what became of the step's statements, completing "Revision X failed during upgrade and …"; null for
     *                the outcome the step's transaction implies
     */
    public MigrationFailedException(Step step, String statement, Throwable cause, List<RunResult.StepResult> completed, String outcome,
                                    String advice) {
        super(withAdvice(message(step, statement, cause, outcome), advice), cause);
        this.outcome = outcome;
        this.step = step;
        this.statement = statement;
        this.completed = List.copyOf(completed);
        this.advice = advice;
    }

    private final String advice;
    private final String outcome;

    /**
     * A failure outside any step: a callback of the run ({@code beforeRun}, {@code afterRun}) failed.
     *
     * @param message   the whole message: what failed, what became of it, the statement and the database's error
     * @param completed the steps of the run that committed before it failed, in order
     */
    public MigrationFailedException(String message, Throwable cause, List<RunResult.StepResult> completed) {
        super(message, cause);
        this.outcome = null;
        this.step = null;
        this.statement = null;
        this.completed = List.copyOf(completed);
        this.advice = null;
    }

    /** What became of the step's statements as the engine told it, or null for what its transaction implies. */
    public String outcome() {
        return outcome;
    }

    /** The advice the message ends with, or null. */
    public String advice() {
        return advice;
    }

    /** The steps of the run that committed before this one failed. */
    public List<RunResult.StepResult> completed() {
        return completed;
    }

    private static String withAdvice(String message, String advice) {
        if (advice == null || advice.isEmpty()) {
            return message;
        }
        return message + (message.endsWith(".") ? " " : ". ") + advice;
    }

    private static String message(Step step, String statement, Throwable cause, String told) {
        String what = step.revision() == null ? "Stamp" : (step.direction() == Direction.REPEAT ? "Repeatable " : "Revision ")
                + step.revision().id()
                + (step.revision().message().isEmpty() ? "" : " (" + step.revision().message() + ")");
        String verb = step.direction() == Direction.DOWN ? "downgrade"
                : step.direction() == Direction.UP || step.direction() == Direction.REPEAT ? "upgrade" : "stamp";
        String outcome = told != null ? told : step.transactional()
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

    /** The step that failed, or null when a callback of the run failed outside any step. */
    public Step step() {
        return step;
    }

    /** The statement that failed, or null when a JDBC callback or the migration's own code failed. */
    public String statement() {
        return statement;
    }
}
