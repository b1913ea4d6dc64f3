package dev.retort.maven;

import java.util.List;

import org.apache.maven.plugin.logging.Log;

import dev.retort.lint.Finding;
import dev.retort.lint.Severity;

/** Lint findings through Maven's logger: errors and warnings as warnings, the rest as information. */
final class Findings {

    private Findings() {
    }

    static void print(Log log, List<Finding> findings) {
        for (Finding finding : findings) {
            String line = "LINT " + finding.describe();
            if (finding.acknowledged() || finding.severity() == Severity.INFO) {
                log.info(line);
            } else {
                log.warn(line);
            }
        }
    }

    /** {@code 1 error, 2 warnings, 0 notes (1 acknowledged)}. */
    static String count(List<Finding> findings) {
        long acknowledged = findings.stream().filter(Finding::acknowledged).count();
        return count(findings, Severity.ERROR) + " error(s), " + count(findings, Severity.WARNING) + " warning(s), "
                + count(findings, Severity.INFO) + " note(s)" + (acknowledged == 0 ? "" : ", " + acknowledged + " acknowledged");
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> !f.acknowledged() && f.severity() == severity).count();
    }
}
