package dev.retort.internal.runtime;

import java.time.Duration;

/**
 * Where Retort keeps its tables and how long a run waits for the lock.
 *
 * @param schema       schema of the version and history tables; null or empty for the search path
 * @param versionTable name of the version table
 * @param historyTable name of the history table
 * @param lockTimeout  how long a writing run waits for another run to finish
 */
public record RuntimeSettings(String schema, String versionTable, String historyTable, Duration lockTimeout) {

    /** The defaults: search path, {@code retort_version}, {@code retort_history}, one minute. */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(null, "retort_version", "retort_history", Duration.ofMinutes(1));
    }

    /** These settings with another schema. */
    public RuntimeSettings withSchema(String newSchema) {
        return new RuntimeSettings(newSchema, versionTable, historyTable, lockTimeout);
    }

    /** These settings with another lock timeout. */
    public RuntimeSettings withLockTimeout(Duration timeout) {
        return new RuntimeSettings(schema, versionTable, historyTable, timeout);
    }
}
