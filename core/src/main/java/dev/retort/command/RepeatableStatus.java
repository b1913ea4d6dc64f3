package dev.retort.command;

import java.time.Instant;

/**
 * A repeatable revision as {@code history} shows it.
 *
 * @param name            its name
 * @param message         its one-line description, possibly empty
 * @param source          its file or class
 * @param checksum        the SHA-256 of the SQL it renders now (its file's text before placeholders are replaced)
 * @param appliedChecksum the checksum its last successful run recorded, or null when it never ran
 * @param appliedAt       when that run was, or null
 */
public record RepeatableStatus(String name, String message, String source, String checksum, String appliedChecksum, Instant appliedAt) {

    /** Whether the next upgrade to head applies it: it changed since it last ran, or never ran. */
    public boolean pending() {
        return !checksum.equals(appliedChecksum);
    }

    /** {@code applied}, {@code changed} (ran, but its source changed since) or {@code pending} (never ran). */
    public String state() {
        return appliedChecksum == null ? "pending" : pending() ? "changed" : "applied";
    }
}
