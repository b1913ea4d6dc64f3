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
            String line = finding.line();
            if (finding.acknowledged() || finding.severity() == Severity.INFO) {
                log.info(line);
            } else {
                log.warn(line);
            }
        }
    }
}
