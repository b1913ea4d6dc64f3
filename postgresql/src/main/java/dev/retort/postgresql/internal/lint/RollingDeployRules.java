package dev.retort.postgresql.internal.lint;

import java.util.List;

import dev.retort.lint.RuleContext;
import dev.retort.lint.Severity;
import dev.retort.operation.Operation;

/** Changes the version of the application still serving traffic during a deploy cannot survive. */
final class RollingDeployRules {

    private static final String EXPAND_CONTRACT = "expand and contract over several releases: add the new name, write to both, backfill, "
            + "switch reads, and drop the old name last";

    private RollingDeployRules() {
    }

    /** {@code ALTER TABLE … RENAME TO}. */
    static final class RenameTable extends Rule {

        RenameTable() {
            super("rename-table", Severity.ERROR, "renaming a table running code still uses");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.RenameTable rename && context.tableExisted(rename.schema(), rename.from())
                    && !bridgedByView(context, rename)) {
                context.report("Renaming " + context.qualified(rename.schema(), rename.from()) + " to " + rename.to() + " breaks the version "
                                + "of the application still running, which queries it by its old name, from the moment this commits.",
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
                context.report("Renaming " + context.qualified(rename.schema(), rename.table()) + "." + rename.from() + " to " + rename.to()
                                + " breaks the version of the application still running, which reads and writes the old name.",
                        "Keep the column name and map the field to it (@Column(name = \"" + rename.from() + "\")), or " + EXPAND_CONTRACT
                                + " (migrations:generate -Dmigrations.rolling=true writes them, docs/rolling-deploys.md).");
            }
        }
    }

    /** {@code ALTER TYPE … RENAME VALUE}. */
    static final class EnumValueRenamed extends Rule {

        EnumValueRenamed() {
            super("enum-value-renamed", Severity.ERROR, "renaming an enum label running code still writes");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.RenameEnumValue rename && context.typeExisted(rename.schema(), rename.name())) {
                context.report("Renaming label '" + rename.from() + "' of " + context.qualified(rename.schema(), rename.name()) + " to '"
                                + rename.to() + "' makes every write of '" + rename.from() + "' by the version still running fail.",
                        "Add the new label, release code that writes it, move the rows over, and stop using the old one.");
            }
        }
    }

    /** An enum type dropped and created again without some of its labels. */
    static final class EnumValueRemoved extends Rule {

        EnumValueRemoved() {
            super("enum-value-removed", Severity.ERROR, "an enum type re-created without labels it had");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.CreateEnum create && context.typeExisted(create.schema(), create.name())) {
                context.enumValues(create.schema(), create.name()).ifPresent(before -> {
                    List<String> lost = before.stream().filter(v -> !create.values().contains(v)).toList();
                    if (!lost.isEmpty()) {
                        context.report("Enum type " + context.qualified(create.schema(), create.name()) + " is created again without "
                                        + lost + ": rows holding them cannot be converted, and the version still running writes them.",
                                "Move rows off those labels and release code that no longer writes them before removing the labels.");
                    }
                });
            }
        }
    }
}
