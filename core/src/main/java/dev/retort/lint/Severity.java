package dev.retort.lint;

import java.util.Locale;

/** How bad a finding is. {@code lint} fails on an error nobody acknowledged; warnings and notes are printed. */
public enum Severity {
    /** Loses data, fails on a table with rows, or breaks the version of the application still running. */
    ERROR,
    /** Blocks reads or writes while it runs, or rewrites or scans a table under a strong lock. */
    WARNING,
    /** Works, but a better form exists. */
    INFO;

    /** The lower-case word printed with a finding. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
