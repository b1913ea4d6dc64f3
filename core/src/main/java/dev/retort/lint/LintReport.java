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

    /** Whether no unacknowledged error was found. */
    public boolean passed() {
        return errors().isEmpty();
    }
}
