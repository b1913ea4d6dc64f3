package dev.retort.postgresql.internal.lint;

import dev.retort.command.Direction;
import dev.retort.lint.RuleContext;
import dev.retort.lint.Severity;
import dev.retort.operation.Operation;

/** {@code DROP TABLE}: the rows are gone, and the running application fails on the table. */
final class DropTable extends Rule {

    DropTable() {
        super("drop-table", Severity.ERROR, "dropping a table that holds data");
    }

    @Override
    public void check(RuleContext context) {
        if (!(context.operation() instanceof Operation.DropTable drop) || !context.tableExisted(drop.schema(), drop.name())) {
            return;
        }
        String table = context.qualified(drop.schema(), drop.name());
        if (context.direction() == Direction.DOWN && context.upgrade().stream().anyMatch(op -> op instanceof Operation.CreateTable c
                && context.qualified(c.schema(), c.name()).equals(table))) {
            return; // the downgrade removes the table its own upgrade created
        }
        context.report("DROP TABLE " + table + " deletes its rows for good (ACCESS EXCLUSIVE, brief), and the version of the application "
                        + "still running fails on every query that names it.",
                "Stop using the table in one release, take a backup, and drop it in a later revision that acknowledges this finding.");
    }
}
