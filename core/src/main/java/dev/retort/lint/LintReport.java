package dev.retort.lint;

import java.util.List;

/**
 * What {@code lint} found in the revisions it looked at.
 *
 * @param revisions the revisions linted, oldest first
 * @param findings  every finding, acknowledged ones included, in revision and operation order
 */
public record LintReport(List<String> revisions, List<Finding> findings) {

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
