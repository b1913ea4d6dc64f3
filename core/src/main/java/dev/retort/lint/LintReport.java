package dev.retort.lint;

import java.util.List;

/**
 * What {@code lint} found in the revisions it looked at.
 *
 * @param revisions the revisions linted, oldest first
 * @param findings  every finding, acknowledged ones included, in revision and operation order
 * @param basis     how the revisions were judged, for people: {@code as one run from base (a fresh database: …)}, or
 *                  {@code each on its own, on a database at its parent revision …}
 */
public record LintReport(List<String> revisions, List<Finding> findings, String basis) {

    public LintReport {
        revisions = List.copyOf(revisions);
        findings = List.copyOf(findings);
    }

    /** The findings no migration acknowledged. */
    public List<Finding> open() {
        return findings.stream().filter(f -> !f.acknowledged()).toList();
    }

    /** The errors no migration acknowledged: what makes {@code lint} (and a release) fail. */
    public List<Finding> errors() {
        return open().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** {@code Linted 3 revision(s) as one run from base (…): 0 error(s), 1 warning(s), 0 note(s).} */
    public String verdict() {
        return "Linted " + revisions.size() + " revision(s) " + basis + ": " + summary() + ".";
    }

    /** The counts by severity: {@code 1 error(s), 2 warning(s), 0 note(s), 1 acknowledged}. */
    public String summary() {
        long acknowledged = findings.stream().filter(Finding::acknowledged).count();
        return count(Severity.ERROR) + " error(s), " + count(Severity.WARNING) + " warning(s), " + count(Severity.INFO) + " note(s)"
                + (acknowledged == 0 ? "" : ", " + acknowledged + " acknowledged");
    }

    private long count(Severity severity) {
        return open().stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether no unacknowledged error was found. */
    public boolean passed() {
        return errors().isEmpty();
    }
}
