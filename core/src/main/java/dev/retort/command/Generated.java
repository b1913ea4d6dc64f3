package dev.retort.command;

import java.nio.file.Path;
import java.util.List;

import dev.retort.lint.Finding;
import dev.retort.schema.Comparison;

/**
 * What {@code generate} or {@code merge} wrote.
 *
 * @param revision   the new revision's id, or null when nothing was written
 * @param parents    its parents
 * @param className  its class's simple name, or null
 * @param file       where it was written, or null
 * @param source     the file's text, or null
 * @param comparison the changes it makes (empty for a hand-written or merge revision)
 * @param findings   the lint findings on its operations, also written as comments above them
 * @param followUp   with the {@code safe} option, the non-transactional revision written after it to finish the changes
 *                   safely (indexes built concurrently, constraints validated); null when there is none
 */
public record Generated(String revision, List<String> parents, String className, Path file, String source, Comparison comparison,
                        List<Finding> findings, Generated followUp) {

    public Generated {
        parents = List.copyOf(parents);
        findings = List.copyOf(findings);
    }

    /** Whether no change was detected and nothing was written. */
    public boolean nothingToDo() {
        return file == null;
    }

    /**
     * What the findings mean for a deploy, one line, or null when there are none: lint judged the revision against the
     * database it was compared with, whose tables may hold rows by the time it runs.
     */
    public String lintVerdict() {
        List<Finding> open = findings.stream().filter(f -> !f.acknowledged()).toList();
        if (open.isEmpty()) {
            return null;
        }
        long errors = open.stream().filter(f -> f.severity() == dev.retort.lint.Severity.ERROR && f.direction() == Direction.UP).count();
        return "Lint judged it on a database whose tables may hold rows: " + open.size() + " open finding(s)" + (errors == 0 ? "."
                : "; release refuses it on a database that has those tables until the " + (errors == 1 ? "error is" : errors + " errors are")
                + " fixed or acknowledged (op.acknowledge), and applies it to a fresh one.");
    }

    /** The findings of this revision and of its follow-up. */
    public List<Finding> allFindings() {
        if (followUp == null) {
            return findings;
        }
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(followUp.allFindings());
        return all;
    }
}
