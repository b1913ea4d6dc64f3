package dev.retort.postgresql.internal.lint;

import dev.retort.lint.RuleContext;
import dev.retort.lint.Severity;
import dev.retort.operation.Operation;
import dev.retort.platform.Conversion;

/** The rules about {@code ALTER COLUMN … TYPE}: what the conversion does to the values and to the table. */
final class TypeChangeRules {

    private TypeChangeRules() {
    }

    /** The conversion of a type change whose previous type is known, else null. */
    static Conversion conversion(RuleContext context, Operation.AlterColumnType change) {
        return change.previousType() == null ? null
                : context.platform().rules().conversion(change.column(), change.previousType(), change.type());
    }

    static String column(RuleContext context, Operation.AlterColumnType change) {
        return context.qualified(change.schema(), change.table()) + "." + change.column();
    }

    static String types(RuleContext context, Operation.AlterColumnType change) {
        return "from " + context.platform().dialect().typeName(change.previousType()) + " to " + context.platform().dialect().typeName(change.type());
    }

    /** A narrowing change: a value may not fit, or loses precision. */
    static final class Narrowing extends Rule {

        Narrowing() {
            super("narrowing-type", Severity.ERROR, "a type change to a narrower type: values that do not fit fail it, or lose precision");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.AlterColumnType change && context.tableExisted(change.schema(), change.table())) {
                Conversion conversion = conversion(context, change);
                if (conversion != null && conversion.risk() == Conversion.Risk.LOSSY) {
                    context.report("Changing " + column(context, change) + " " + types(context, change) + " fails on the first value that "
                                    + "does not fit, or silently loses precision, time of day, time zone or length.",
                            "Check the data first (e.g. SELECT count(*) WHERE the value would not fit), or add a new column of the new "
                                    + "type, backfill it with an explicit conversion, and switch to it in a later revision.");
                }
            }
        }
    }

    /** A conversion that parses values, and fails on the first that does not parse. */
    static final class MayFail extends Rule {

        MayFail() {
            super("cast-may-fail", Severity.ERROR, "a type change whose conversion fails on values that do not parse");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.AlterColumnType change && context.tableExisted(change.schema(), change.table())) {
                Conversion conversion = conversion(context, change);
                boolean guessed = conversion != null && conversion.risk() == Conversion.Risk.UNKNOWN && change.using() != null;
                if (conversion != null && (conversion.risk() == Conversion.Risk.MAY_FAIL || guessed)) {
                    context.report("Converting " + column(context, change) + " " + types(context, change)
                                    + (change.using() == null ? "" : " (USING " + change.using() + ")") + " fails on the first value that "
                                    + "does not convert, and the revision rolls back after rewriting part of the table.",
                            "Find the values that do not convert first and fix them in an earlier revision, or add a new column, fill "
                                    + "it with a conversion that handles bad values (CASE … END), and switch to it.");
                }
            }
        }
    }

    /** A change PostgreSQL refuses without a conversion expression, whatever the data. */
    static final class MissingUsing extends Rule {

        MissingUsing() {
            super("missing-using", Severity.ERROR, "a type change PostgreSQL cannot convert without a USING expression");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.AlterColumnType change && change.using() == null) {
                Conversion conversion = conversion(context, change);
                if (conversion != null && conversion.needsUsing()) {
                    context.report(Severity.ERROR, "PostgreSQL cannot convert " + column(context, change) + " " + types(context, change)
                                    + " on its own: ALTER COLUMN … TYPE fails with \"cannot be cast automatically\", even on an empty table.",
                            conversion.using() != null ? "Add .using(\"" + conversion.using() + "\") to the alterColumnType."
                                    : "Add .using(\"…\") with an expression that converts " + change.column() + " to the new type.");
                }
            }
        }
    }

    /** A change that rewrites the whole table under the strongest lock. */
    static final class Rewrite extends Rule {

        Rewrite() {
            super("table-rewrite", Severity.WARNING, "a type change that rewrites the table under ACCESS EXCLUSIVE");
        }

        @Override
        public void check(RuleContext context) {
            if (!(context.operation() instanceof Operation.AlterColumnType change) || !context.tableExisted(change.schema(), change.table())) {
                return;
            }
            Conversion conversion = conversion(context, change);
            String table = context.qualified(change.schema(), change.table());
            if (conversion == null) {
                context.report("Changing the type of " + column(context, change) + " usually rewrites " + table + " and rebuilds its "
                                + "indexes under ACCESS EXCLUSIVE; Retort cannot tell, since the call does not say the type before.",
                        "Add .from(<previous type>) to the alterColumnType so the change can be judged.");
            } else if (conversion.rewrites()) {
                context.report("Changing " + column(context, change) + " " + types(context, change) + " rewrites " + table + " and "
                                + "rebuilds its indexes under ACCESS EXCLUSIVE: no reads or writes until it is done.",
                        "Add a new column of the new type, fill it with " + BackfillRules.BACKFILL.formatted(change.table()) + ", switch "
                                + "the application to it, then drop the old column (migrations:generate -Dmigrations.rolling=true writes "
                                + "these revisions); or run the change in a maintenance window.");
            }
        }
    }
}
