package dev.retort.postgresql.internal.lint;

import dev.retort.command.Direction;
import dev.retort.lint.RuleContext;
import dev.retort.lint.Severity;
import dev.retort.operation.Operation;

/** {@code DROP COLUMN}: the data is gone, and old code that selects or inserts the column fails. */
final class DropColumn extends Rule {

    DropColumn() {
        super("drop-column", Severity.ERROR, "dropping a column that holds data or that running code still uses");
    }

    @Override
    public void check(RuleContext context) {
        if (!(context.operation() instanceof Operation.DropColumn drop) || !context.tableExisted(drop.schema(), drop.table())) {
            return;
        }
        String table = context.qualified(drop.schema(), drop.table());
        if (context.direction() == Direction.DOWN && context.upgrade().stream().anyMatch(op -> op instanceof Operation.AddColumn a
                && context.qualified(a.schema(), a.table()).equals(table) && a.column().name().equals(drop.name()))) {
            return; // the downgrade removes the column its own upgrade added
        }
        context.report("DROP COLUMN " + table + "." + drop.name() + " deletes its data for good (ACCESS EXCLUSIVE, brief, no rewrite), and "
                        + "the version of the application still running fails on it: Hibernate names every mapped column in its "
                        + "selects and inserts.",
                "Release the entity without the field first (or mark it @Transient), then drop the column in a later revision and "
                        + "acknowledge this finding.");
    }
}
