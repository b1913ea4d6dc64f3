package dev.retort.mysql.internal.lint;

import dev.retort.command.Direction;
import dev.retort.lint.RuleContext;
import dev.retort.lint.Severity;
import dev.retort.operation.Operation;
import dev.retort.platform.Conversion;

/** What deletes data, or loses it in a conversion. */
final class DataRules {

    private DataRules() {
    }

    /** {@code DROP TABLE}: the rows are gone, and running code fails on it. */
    static final class DropTable extends Rule {

        DropTable() {
            super("drop-table", Severity.ERROR, "dropping a table that holds data");
        }

        @Override
        public void check(RuleContext context) {
            if (!(context.operation() instanceof Operation.DropTable drop) || !context.tableExisted(drop.schema(), drop.name())) {
                return;
            }
            String table = Rule.name(context, drop.schema(), drop.name());
            if (context.direction() == Direction.DOWN && context.upgrade().stream().anyMatch(op -> op instanceof Operation.CreateTable c
                    && Rule.name(context, c.schema(), c.name()).equals(table))) {
                return; // the downgrade removes the table its own upgrade created
            }
            context.report("DROP TABLE " + table + " deletes its rows for good (it commits at once: no rollback), and the version of the "
                            + "application still running fails on every query that names it.",
                    "Stop using the table in one release, take a backup (mariadb-dump/mysqldump), and drop it in a later revision that "
                            + "acknowledges this finding.");
        }
    }

    /** {@code DROP COLUMN}: the data is gone, and old code that selects or inserts the column fails. */
    static final class DropColumn extends Rule {

        private final Server server;

        DropColumn(Server server) {
            super("drop-column", Severity.ERROR, "dropping a column that holds data or that running code still uses");
            this.server = server;
        }

        @Override
        public void check(RuleContext context) {
            if (!(context.operation() instanceof Operation.DropColumn drop) || !context.tableExisted(drop.schema(), drop.table())) {
                return;
            }
            String table = Rule.name(context, drop.schema(), drop.table());
            if (context.direction() == Direction.DOWN && context.upgrade().stream().anyMatch(op -> op instanceof Operation.AddColumn a
                    && Rule.name(context, a.schema(), a.table()).equals(table) && a.column().name().equals(drop.name()))) {
                return; // the downgrade removes the column its own upgrade added
            }
            context.report("DROP COLUMN " + table + "." + drop.name() + " deletes its data for good ("
                            + (server.instantDropColumn() ? "ALGORITHM=INSTANT" : "ALGORITHM=INPLACE, rebuilding the table") + " on " + server
                            + "), and the version of the application still running fails on it: Hibernate names every mapped column in "
                            + "its selects and inserts.",
                    "Release the entity without the field first (or mark it @Transient), then drop the column in a later revision and "
                            + "acknowledge this finding.");
        }
    }

    /** A type change whose values may not fit: strict mode fails on the first, other modes cut it silently. */
    static final class Narrowing extends Rule {

        Narrowing() {
            super("narrowing-type", Severity.ERROR, "a type change to a narrower type: values that do not fit fail it, or are cut");
        }

        @Override
        public void check(RuleContext context) {
            if (!(context.operation() instanceof Operation.AlterColumnType change) || !context.tableExisted(change.schema(), change.table())
                    || change.previousType() == null || OnlineDdl.enumLabels(context, change.previousType()) != null) {
                return;
            }
            Conversion conversion = context.platform().rules().conversion(change.column(), change.previousType(), change.type());
            if (conversion != null && conversion.risk() != Conversion.Risk.NONE) {
                context.report("Changing " + Rule.name(context, change.schema(), change.table()) + "." + change.column() + " from "
                                + OnlineDdl.typeName(context, change.previousType()) + " to " + OnlineDdl.typeName(context, change.type())
                                + " fails on the first value that does not fit (strict sql_mode), or silently cuts it to fit (without "
                                + "STRICT_TRANS_TABLES), and the statement has committed what it did by then.",
                        "Check the data first (SELECT count(*) … WHERE the value would not fit), or add a new column of the new type, "
                                + "fill it with an explicit conversion, and switch to it in a later revision.");
            }
        }
    }
}
