package dev.retort.internal.postgres.lint;

import dev.retort.lint.LintRule;
import dev.retort.lint.Severity;

/** A rule's id, severity and summary; subclasses say what they catch on PostgreSQL. */
abstract class Rule implements LintRule {

    /** What to add to a revision so a lock it waits for fails fast instead of queueing every query behind it. */
    static final String LOCK_TIMEOUT = "op.execute(\"SET LOCAL lock_timeout = '5s'\")";

    private final String id;
    private final Severity severity;
    private final String summary;

    Rule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String summary() {
        return summary;
    }
}
