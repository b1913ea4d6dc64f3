package dev.retort.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import dev.retort.command.Direction;

/**
 * The SQL of Retort's own tables: the version table (one row per current head) and the history table (one
 * row per step run). Values are written as literals, so online runs and offline scripts execute identical
 * text.
 */
public interface VersionTableSql {

    /** The version table's qualified name, as written in SQL. */
    String versionTable();

    /** The history table's qualified name, as written in SQL. */
    String historyTable();

    /** Whether a table of that qualified name exists. */
    boolean exists(Connection connection, String qualifiedTable) throws SQLException;

    /**
     * The statements that create both tables (and their schema) when missing, and add to them what a newer Retort
     * records (the history's {@code progress} column) when they are older.
     */
    List<SqlStatement> create();

    /** Selects the version table's rows: one column, the revision id. */
    String selectHeads();

    /**
     * Selects the history: id, revision, direction, message, checksum, applied_by, applied_at, execution_ms,
     * success, progress, oldest first.
     */
    String selectHistory();

    /** Statements that turn the version table's rows from {@code before} into {@code after}. */
    List<SqlStatement> move(Set<String> before, Set<String> after);

    /** Deletes every row of the version table. */
    SqlStatement purge();

    /**
     * The history row a non-transactional step writes before its first statement, with {@code success} false until
     * {@link #historyFinish} marks it done; so an interrupted step leaves a trace. A stamp writes its rows with it
     * too, {@code success} true.
     */
    SqlStatement historyStart(String revision, Direction direction, String message, String checksum, boolean success);

    /** Marks the newest history row of a revision finished, with its duration. */
    SqlStatement historyFinish(String revision);

    /**
     * Marks the newest history row of a revision, a step outside a transaction, as failed at the statement its progress
     * names (which did not commit), after {@code millis}: it stays unsuccessful, but is no longer a step cut off.
     */
    SqlStatement historyStopped(String revision, long millis);

    /**
     * Records on the newest history row of a revision, a step running outside a transaction, that its statement number
     * {@code statement} (from 2; the row starts at 1) is about to run: should the run stop, the statements before it
     * stand applied and this one may have run.
     */
    SqlStatement historyProgress(String revision, int statement);

    /**
     * The history row of a transactional step, written last inside its transaction: it started when the transaction did
     * and succeeded, as the commit will make true. One statement instead of a start and a finish.
     */
    SqlStatement historyRecord(String revision, Direction direction, String message, String checksum);

    /** The row a failed transactional step leaves, written after its rollback. */
    SqlStatement historyFailure(String revision, Direction direction, String message, String checksum, long millis);
}
