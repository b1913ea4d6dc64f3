package dev.retort.postgresql.internal.lint;

import dev.retort.lint.AbstractLintRule;
import dev.retort.lint.Severity;

/** A PostgreSQL lint rule: subclasses say what they catch on PostgreSQL. */
abstract class Rule extends AbstractLintRule {

    /** What to add to a revision so a lock it waits for fails fast instead of queueing every query behind it. */
    static final String LOCK_TIMEOUT = "op.execute(\"SET LOCAL lock_timeout = '5s'\")";

    Rule(String id, Severity severity, String summary) {
        super(id, severity, summary);
    }
}
