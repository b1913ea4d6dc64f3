package dev.retort.platform;

import java.util.List;

import dev.retort.operation.DataType;
import dev.retort.operation.Operation;

/** Renders operations to the SQL of one database. */
public interface SqlDialect {

    /**
     * The statements that carry out an operation. {@link Operation.RunJdbc} renders to nothing:
     * it is code, run online only.
     *
     * @throws IllegalArgumentException when the operation cannot be written for this database
     */
    List<SqlStatement> render(Operation operation);

    /** Whether the database refuses this operation inside a transaction block (an index built without blocking writes, say). */
    boolean requiresNoTransaction(Operation operation);

    /** The SQL name of a type, e.g. {@code varchar(320)}. */
    String typeName(DataType type);

    /** An identifier, quoted only where the database needs it. */
    String identifier(String name);

    /** A schema-qualified name; a null or empty schema means the connection's search path. */
    default String qualified(String schema, String name) {
        return schema == null || schema.isEmpty() ? identifier(name) : identifier(schema) + "." + identifier(name);
    }

    /** A value written as a SQL literal, safe to embed in a script. */
    String literal(Object value);

    /** The statement with its parameters written in as literals, as it appears in an offline script. */
    String inline(SqlStatement statement);

    /** The first line of an offline script: how to run it with the database's own client. */
    String scriptHeader();

    /**
     * Splits a script (a SQL revision file) into statements the way the database's own command-line client does,
     * and finds the {@code -- retort:} lines between them.
     *
     * @throws IllegalArgumentException {@code line N: problem} for text the client could not run either: an unterminated
     *                                  string or comment, a command of the client itself
     */
    List<ScriptPiece> splitScript(String script);

    /**
     * Whether the statement takes table locks under which the session may use only the tables it names, until a statement
     * that {@linkplain #releasesTableLocks releases them} (MySQL's and MariaDB's {@code LOCK TABLES}). A revision run
     * statement by statement records its progress in Retort's history table before each statement; it cannot while such
     * locks are held, so the statements between the two are recorded as one.
     */
    default boolean takesTableLocks(SqlStatement statement) {
        return false;
    }

    /** Whether the statement releases the locks {@link #takesTableLocks} took ({@code UNLOCK TABLES}). */
    default boolean releasesTableLocks(SqlStatement statement) {
        return false;
    }

    /**
     * What releases table locks a failed statement may have left held, run before Retort records the failure; empty where
     * statements take none.
     */
    default List<SqlStatement> releaseTableLocks() {
        return List.of();
    }

    /**
     * The statements followed by a commit as one string the driver sends in one round trip, or null when it cannot
     * send several statements at once. A transactional revision's last statement travels this way with Retort's
     * bookkeeping, so a revision of one statement costs one round trip.
     *
     * @param statements statements with no parameters to bind
     */
    default String withCommit(List<String> statements) {
        return null;
    }

    /**
     * The session settings a run works under: how long a statement waits for a lock, and how long it may run (zero:
     * no limit). Set once per run, after Retort's own lock is held, and reset at its end.
     */
    List<SqlStatement> setTimeouts(java.time.Duration lockTimeout, java.time.Duration statementTimeout);

    /** Puts the session settings of {@link #setTimeouts} back to the server's defaults. */
    List<SqlStatement> resetTimeouts();

    /**
     * A query whose one row holds the session's current values of the settings {@link #setTimeouts} changes, in its
     * order; null when they cannot be read, and a run then puts them back to the defaults ({@link #resetTimeouts}).
     * A run reads them first because the connection may be an application's, configured by its pool.
     */
    default String currentTimeouts() {
        return null;
    }

    /** Puts the session settings of {@link #setTimeouts} back to the values {@link #currentTimeouts} read. */
    default List<SqlStatement> restoreTimeouts(List<String> values) {
        return resetTimeouts();
    }
}
