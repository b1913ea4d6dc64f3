package dev.retort.mysql.internal.lint;

import java.util.List;

import dev.retort.command.Direction;
import dev.retort.lint.RuleContext;
import dev.retort.lint.Severity;
import dev.retort.operation.Operation;

/** Changes the version of the application still serving traffic during a deploy cannot survive. */
final class RollingDeployRules {

    private RollingDeployRules() {
    }

    /** {@code RENAME TABLE}. */
    static final class RenameTable extends Rule {

        RenameTable() {
            super("rename-table", Severity.ERROR, "renaming a table running code still uses");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.RenameTable rename && context.tableExisted(rename.schema(), rename.from())
                    && !bridgedByView(context, rename)) {
                context.report("Renaming " + Rule.name(context, rename.schema(), rename.from()) + " to " + rename.to() + " is instant, and "
                                + "breaks the version of the application still running, which queries it by its old name, from that moment.",
                        "Keep the table name and map the entity to it (@Table(name = …)), or " + EXPAND_CONTRACT
                                + " (a view under the old name can bridge one release).");
            }
        }
    }

    /** {@code ALTER TABLE … RENAME COLUMN}. */
    static final class RenameColumn extends Rule {

        RenameColumn() {
            super("rename-column", Severity.ERROR, "renaming a column running code still uses");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.RenameColumn rename && context.tableExisted(rename.schema(), rename.table())) {
                context.report("Renaming " + Rule.name(context, rename.schema(), rename.table()) + "." + rename.from() + " to " + rename.to()
                                + " is ALGORITHM=INSTANT, and breaks the version of the application still running, which reads and writes "
                                + "the old name.",
                        "Keep the column name and map the field to it (@Column(name = \"" + rename.from() + "\")), or " + EXPAND_CONTRACT + ".");
            }
        }
    }

    /** {@code ADD COLUMN … NOT NULL} without a default: old code's inserts fail in strict mode. */
    static final class NotNullWithoutDefault extends Rule {

        NotNullWithoutDefault() {
            super("not-null-without-default", Severity.ERROR, "a NOT NULL column added to an existing table without a default");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.AddColumn add && context.tableExisted(add.schema(), add.table())
                    && !add.column().acceptsNull() && add.column().defaultValue() == null && add.column().identityGeneration() == null) {
                context.report("Adding " + Rule.name(context, add.schema(), add.table()) + "." + add.column().name() + " NOT NULL without a "
                                + "default fills existing rows with the type's implicit value (0, '', a zero date), and every insert of the "
                                + "version of the application still running, which does not know the column, fails in strict sql_mode "
                                + "(\"Field '" + add.column().name() + "' doesn't have a default value\").",
                        "Add it with a default (ALGORITHM=INSTANT still), or add it nullable, fill existing rows, and set NOT NULL in a "
                                + "later revision once every running version writes it.");
            }
        }
    }

    /** Dropping a default that code which leaves the column out of its inserts relies on. */
    static final class DropDefault extends Rule {

        DropDefault() {
            super("drop-default", Severity.WARNING, "dropping a default that running code may rely on");
        }

        @Override
        public void check(RuleContext context) {
            if (!(context.operation() instanceof Operation.SetDefault set) || set.defaultValue() != null
                    || !context.tableExisted(set.schema(), set.table())) {
                return;
            }
            boolean setAgain = context.following().stream().anyMatch(op -> op instanceof Operation.SetDefault later
                    && later.table().equals(set.table()) && later.column().equals(set.column()) && later.defaultValue() != null);
            if (!setAgain) {
                context.report("Dropping the default of " + Rule.name(context, set.schema(), set.table()) + "." + set.column() + " makes "
                                + "inserts that leave the column out write NULL, or fail in strict sql_mode if it is NOT NULL; the version "
                                + "of the application still running may rely on it.",
                        "Drop the default only once every running version writes the column itself.");
            }
        }
    }

    /** An {@code ENUM(…)} column changed to a list without labels it had. */
    static final class EnumValueRemoved extends Rule {

        EnumValueRemoved() {
            super("enum-value-removed", Severity.ERROR, "an ENUM column changed to a list without labels it had");
        }

        @Override
        public void check(RuleContext context) {
            if (!(context.operation() instanceof Operation.AlterColumnType change) || change.previousType() == null
                    || !context.tableExisted(change.schema(), change.table()) || context.direction() != Direction.UP) {
                return;
            }
            List<String> before = OnlineDdl.enumLabels(context, change.previousType());
            List<String> after = OnlineDdl.enumLabels(context, change.type());
            if (before == null || after == null) {
                return;
            }
            List<String> lost = before.stream().filter(v -> !after.contains(v)).toList();
            if (!lost.isEmpty()) {
                context.report("ENUM column " + Rule.name(context, change.schema(), change.table()) + "." + change.column() + " loses "
                                + lost + ": the MODIFY fails on a row holding one (strict sql_mode) or blanks it to '', and the version "
                                + "still running writes them.",
                        "Move rows off those labels and release code that no longer writes them before removing the labels; "
                                + "appending labels at the end of the list is ALGORITHM=INSTANT.");
            }
        }
    }
}
