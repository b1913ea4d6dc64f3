package dev.retort.internal.runtime;

import java.time.Duration;

/**
 * Where Retort keeps its tables and the time limits a run works under.
 *
 * @param schema               schema of the version and history tables; null or empty for the search path
 * @param versionTable         name of the version table
 * @param historyTable         name of the history table
 * @param lockTimeout          how long a writing run waits for another run to finish
 * @param statementLockTimeout how long a revision's statement waits for a table lock (zero: no limit)
 * @param statementTimeout     how long a revision's statement may run (zero: no limit)
 * @param readTimeout          how long Retort waits for answers to its own queries (zero: no limit)
 * @param connectRetries       how many more times to try connecting when the database is not reachable yet
 */
public record RuntimeSettings(String schema, String versionTable, String historyTable, Duration lockTimeout,
                              Duration statementLockTimeout, Duration statementTimeout, Duration readTimeout, int connectRetries) {
}
