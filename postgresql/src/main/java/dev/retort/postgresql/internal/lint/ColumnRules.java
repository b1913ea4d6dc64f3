package dev.retort.postgresql.internal.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.retort.lint.RuleContext;
import dev.retort.lint.SafeForm;
import dev.retort.lint.Severity;
import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.DataType;
import dev.retort.operation.Operation;

/** The rules about adding and altering columns of tables that exist: defaults, NOT NULL, identities. */
final class ColumnRules {

    /** Functions PostgreSQL evaluates per row: a default calling one is stored in every existing row, rewriting the table. */
    private static final Pattern VOLATILE = Pattern.compile("\\b(random|clock_timestamp|timeofday|gen_random_uuid|uuid_generate_v[14](mc)?|nextval|"
            + "txid_current|setseed)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERIAL = Pattern.compile("(small|big)?serial[248]?");

    private ColumnRules() {
    }

    static String column(RuleContext context, String schema, String table, String column) {
        return context.qualified(schema, table) + "." + column;
    }

    /** The check {@code column IS NOT NULL} that lets {@code SET NOT NULL} skip its scan once validated. */
    static Constraint.Check notNullCheck(RuleContext context, String table, String column) {
        return new Constraint.Check(context.platform().rules().objectName(table, column, "not_null"), column + " IS NOT NULL", true);
    }

    /** CHECK … NOT VALID, VALIDATE, SET NOT NULL, drop the check: each step commits on its own in a non-transactional revision. */
    static List<Operation> setNotNullSafely(RuleContext context, String schema, String table, String column) {
        Constraint.Check check = notNullCheck(context, table, column);
        return List.of(new Operation.AddConstraint(schema, table, check), new Operation.ValidateConstraint(schema, table, check.name()),
                new Operation.SetNullable(schema, table, column, false), new Operation.DropConstraint(schema, table, check.name(), check));
    }

    static String setNotNullRecipe(String table, String column, String check) {
        return "op.addConstraint(\"" + table + "\", check(\"" + check + "\", \"" + column + " IS NOT NULL\").notValid()), then in a later "
                + "revision (or one with transactional = false) op.validateConstraint(\"" + table + "\", \"" + check + "\"), "
                + "op.setNotNull(\"" + table + "\", \"" + column + "\") (PostgreSQL 12+ then skips the scan) and op.dropConstraint(\""
                + table + "\", \"" + check + "\")";
    }

    /** {@code ADD COLUMN … NOT NULL} without a default: fails on a table with rows, and old code's inserts fail. */
    static final class NotNullWithoutDefault extends Rule {

        NotNullWithoutDefault() {
            super("not-null-without-default", Severity.ERROR, "a NOT NULL column added to an existing table without a default");
        }

        private static boolean applies(RuleContext context) {
            return context.operation() instanceof Operation.AddColumn add && context.tableExisted(add.schema(), add.table())
                    && !add.column().acceptsNull() && add.column().defaultValue() == null && add.column().identityGeneration() == null;
        }

        @Override
        public void check(RuleContext context) {
            if (applies(context)) {
                Operation.AddColumn add = (Operation.AddColumn) context.operation();
                context.report("Adding " + column(context, add.schema(), add.table(), add.column().name()) + " NOT NULL without a "
                                + "default fails if the table holds a row (existing rows would have no value), and inserts from the "
                                + "version of the application still running, which does not know the column, fail.",
                        "Add it with a default (a constant default is stored without a rewrite since PostgreSQL 11), or add it nullable, "
                                + "fill existing rows, and set NOT NULL in a later revision: "
                                + setNotNullRecipe(add.table(), add.column().name(), notNullCheck(context, add.table(), add.column().name()).name()) + ".");
            }
        }

        @Override
        public Optional<SafeForm> safeForm(RuleContext context) {
            if (!applies(context)) {
                return Optional.empty();
            }
            Operation.AddColumn add = (Operation.AddColumn) context.operation();
            Column nullable = add.column().nullable();
            String name = column(context, add.schema(), add.table(), nullable.name());
            return Optional.of(new SafeForm(List.of(new Operation.AddColumn(add.schema(), add.table(), nullable)),
                    List.of(new Operation.DropColumn(add.schema(), add.table(), nullable.name(), nullable)),
                    setNotNullSafely(context, add.schema(), add.table(), nullable.name()),
                    List.of(new Operation.SetNullable(add.schema(), add.table(), nullable.name(), true)),
                    "Fill " + name + " in existing rows before it becomes NOT NULL, e.g. op.backfill(Backfill.of(\"" + add.table()
                            + "\").set(\"" + nullable.name() + " = …\").where(\"" + nullable.name() + " IS NULL\")), as the first operation "
                            + "here: in batches, each committing on its own."));
        }
    }

    /** {@code SET NOT NULL} scans the whole table under ACCESS EXCLUSIVE, unless a validated check proves it. */
    static final class SetNotNull extends Rule {

        SetNotNull() {
            super("set-not-null", Severity.WARNING, "SET NOT NULL on an existing table, which scans it under ACCESS EXCLUSIVE");
        }

        private static boolean applies(RuleContext context) {
            return context.operation() instanceof Operation.SetNullable set && !set.nullable() && context.tableExisted(set.schema(), set.table())
                    && !context.validNotNullCheck(set.schema(), set.table(), set.column());
        }

        @Override
        public void check(RuleContext context) {
            if (!applies(context)) {
                return;
            }
            Operation.SetNullable set = (Operation.SetNullable) context.operation();
            String where = column(context, set.schema(), set.table(), set.column());
            String check = notNullCheck(context, set.table(), set.column()).name();
            if (context.direction() == dev.retort.command.Direction.DOWN) {
                context.report("The downgrade sets NOT NULL on " + where + " again: it fails if a row written since the upgrade holds NULL, "
                        + "and scans the table under ACCESS EXCLUSIVE.", "Fill the NULLs before downgrading, or drop this step from the downgrade.");
                return;
            }
            context.report("SET NOT NULL on " + where + " scans the whole table under ACCESS EXCLUSIVE to look for NULLs: every read "
                    + "and write waits until it is done, and it fails if a row holds NULL.", setNotNullRecipe(set.table(), set.column(), check) + ".");
        }

        @Override
        public Optional<SafeForm> safeForm(RuleContext context) {
            if (!applies(context)) {
                return Optional.empty();
            }
            Operation.SetNullable set = (Operation.SetNullable) context.operation();
            return Optional.of(new SafeForm(List.of(), List.of(), setNotNullSafely(context, set.schema(), set.table(), set.column()),
                    List.of(new Operation.SetNullable(set.schema(), set.table(), set.column(), true)), null));
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
                context.report("Dropping the default of " + column(context, set.schema(), set.table(), set.column()) + " makes inserts "
                                + "that leave the column out write NULL, or fail if it is NOT NULL; the version of the application still "
                                + "running may rely on it.",
                        "Drop the default only once every running version writes the column itself.");
            }
        }
    }

    /** Dropping NOT NULL: rows may hold NULL from now on, which the running version may not expect. */
    static final class DropNotNull extends Rule {

        DropNotNull() {
            super("drop-not-null", Severity.WARNING, "dropping NOT NULL on a column running code reads as never null");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.SetNullable set && set.nullable() && context.tableExisted(set.schema(), set.table())
                    && context.direction() == dev.retort.command.Direction.UP) {
                context.report("Dropping NOT NULL on " + column(context, set.schema(), set.table(), set.column()) + " lets new rows hold "
                                + "NULL there; the version of the application still running reads the column and may not expect it.",
                        "Release code that copes with NULL first, then drop the constraint; acknowledge this finding when it does.");
            }
        }
    }

    /** A default PostgreSQL must evaluate for every existing row: the table is rewritten. */
    static final class VolatileDefault extends Rule {

        VolatileDefault() {
            super("volatile-default", Severity.WARNING, "a column added with a volatile default, which rewrites the table");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.AddColumn add && context.tableExisted(add.schema(), add.table())
                    && add.column().defaultValue() != null && VOLATILE.matcher(add.column().defaultValue()).find()) {
                context.report("Adding " + column(context, add.schema(), add.table(), add.column().name()) + " with the volatile default "
                                + add.column().defaultValue() + " computes it for every existing row: the table is rewritten under "
                                + "ACCESS EXCLUSIVE (a constant default would not be).",
                        "Add the column without a default, set the default afterwards (it then applies to new rows only), and fill "
                                + "existing rows with " + BackfillRules.BACKFILL.formatted(add.table()) + ".");
            }
        }
    }

    /** An identity or serial column added to a table with rows: every row gets a value, by rewriting the table. */
    static final class AddSerialColumn extends Rule {

        AddSerialColumn() {
            super("add-serial-column", Severity.WARNING, "an identity or serial column added to an existing table, which rewrites it");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.AddColumn add && context.tableExisted(add.schema(), add.table())
                    && (add.column().identityGeneration() != null || add.column().type() instanceof DataType.Raw raw
                    && SERIAL.matcher(raw.sql().toLowerCase(Locale.ROOT)).matches())) {
                context.report("Adding " + column(context, add.schema(), add.table(), add.column().name()) + " as an identity (or serial) "
                                + "fills every existing row from its sequence: the table is rewritten under ACCESS EXCLUSIVE.",
                        "Add a plain nullable column, attach the identity (op.addIdentity after filling it) or sequence default, fill "
                                + "existing rows in batches, then set NOT NULL through a validated check.");
            }
        }
    }

    /** An identity added to a column with values starts at 1, below them. */
    static final class SequenceBehindValues extends Rule {

        SequenceBehindValues() {
            super("sequence-behind-values", Severity.ERROR, "an identity added to a column with values, without moving it past them");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.AddIdentity add && context.tableExisted(add.schema(), add.table())
                    && context.following().stream().noneMatch(op -> op instanceof Operation.SyncSequence sync && sync.sequence() == null
                    && sync.table().equals(add.table()) && sync.column().equals(add.column()))) {
                String where = column(context, add.schema(), add.table(), add.column());
                context.report("The identity added to " + where + " starts at " + (add.identity().start() == null ? 1 : add.identity().start())
                                + " while the column holds values: the next inserts collide with existing rows (duplicate key).",
                        "Follow it with op.syncIdentity(\"" + add.table() + "\", \"" + add.column() + "\"), which moves it past the "
                                + "largest value.");
            }
        }
    }
}
