package dev.retort.mysql.internal.lint;

import dev.retort.lint.AbstractLintRule;
import dev.retort.lint.Severity;

/** A MariaDB or MySQL lint rule: subclasses say what they catch on InnoDB. */
abstract class Rule extends AbstractLintRule {

    /** How a run bounds its wait for the table's metadata lock. */
    static final String LOCK_TIMEOUT = "op.execute(\"SET SESSION lock_wait_timeout = 5\")";

    /** The expand-and-contract recipe, for what the version still running cannot survive. */
    static final String EXPAND_CONTRACT = "expand and contract over several releases: add the new name, write to both, backfill, "
            + "switch reads, and drop the old name last";

    /** How messages name a table: {@code author}, or {@code shop.author} in another database than the connection's. */
    static String name(dev.retort.lint.RuleContext context, String schema, String table) {
        String qualified = context.qualified(schema, table);
        return qualified.startsWith(".") ? qualified.substring(1) : qualified;
    }

    Rule(String id, Severity severity, String summary) {
        super(id, severity, summary);
    }
}
