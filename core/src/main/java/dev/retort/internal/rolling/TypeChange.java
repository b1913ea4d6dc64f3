package dev.retort.internal.rolling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.operation.Backfill;
import dev.retort.operation.Column;
import dev.retort.operation.Operation;
import dev.retort.operation.Prior;
import dev.retort.platform.Conversion;
import dev.retort.platform.Platform;
import dev.retort.platform.SqlDialect;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/**
 * A column whose type changes in a way the database cannot do cheaply in place, or that a value may not survive (narrowed,
 * retyped, widened with a rewrite): the expand adds a shadow column of the new type, kept in step with the old one by a
 * trigger converting each way, and a backfill fills it in batches; the contract, in one transaction (or, where DDL commits
 * statement by statement, with the table's writers held: {@link Platform#withWritesHeld}), drops the old column
 * and gives the shadow its name and default; NOT NULL follows as for a column made NOT NULL. This is pgroll's
 * {@code alter_column} in Retort's revisions. A change the database makes cheaply and without risk (PostgreSQL: a varchar
 * made longer) stays in the expand as it is.
 */
final class TypeChange {

    private static final String PREFIX = "retort_new_";

    /** A type change written as a shadow column: the column as it is, and what the comparison wants of it besides its type. */
    record Plan(Table table, Column old, String key, String toNew, String toOld, String shadow, String wantedDefault, boolean wantedNotNull) {
    }

    private TypeChange() {
    }

    /** Whether the change is made in place cheaply and without risk to the values. */
    static boolean cheap(Platform platform, Operation.AlterColumnType alter) {
        if (alter.previousType() == null) {
            return false;
        }
        Conversion conversion = platform.rules().conversion(alter.column(), alter.previousType(), alter.type());
        return conversion.implicit() && !conversion.rewrites() && conversion.risk() == Conversion.Risk.NONE;
    }

    /**
     * How the change is written as a shadow column; empty (with a note saying why, unless the change is cheap) when it stays
     * in place.
     */
    static Optional<Plan> plan(Platform platform, Operation.AlterColumnType alter, Change change, Table table, Comparison comparison,
                               SchemaModel current, List<String> notes) {
        if (cheap(platform, alter)) {
            return Optional.empty();
        }
        String where = table.name() + "." + alter.column();
        Optional<Column> old = table.column(alter.column());
        String key = Halves.key(table);
        String why = null;
        if (old.isEmpty() || alter.previousType() == null) {
            why = "the column is not in the database";
        } else if (key == null || key.equals(alter.column())) {
            why = key == null ? "its table has no single-column primary key to backfill by" : "it is the primary key";
        } else if (used(table, current, alter.column())) {
            why = "an index, a constraint or a foreign key uses it, which dropping the old column would drop";
        }
        SqlDialect dialect = platform.dialect();
        String shadow = shadowName(platform, alter.column());
        Conversion up = platform.rules().conversion(alter.column(), alter.previousType(), alter.type());
        Conversion down = platform.rules().conversion(shadow, alter.type(), alter.previousType());
        String toNew = alter.using() != null ? alter.using() : up.using() != null ? up.using() : up.implicit() ? dialect.identifier(alter.column()) : null;
        String toOld = down.using() != null ? down.using() : down.implicit() ? dialect.identifier(shadow) : null;
        if (why == null && (toNew == null || toOld == null)) {
            why = "no conversion " + (toNew == null ? "to" : "back from") + " the new type is known";
        }
        if (why == null && platform.keepColumnsInStep(alter.schema(), alter.table(), alter.column(), shadow, toNew, toOld).isEmpty()) {
            why = platform.name() + " has no trigger form to keep two columns of different types in step";
        }
        if (why != null) {
            notes.add("the type change of " + where + " is written in place: " + why + "; the running version may not survive it (see "
                    + "docs/rolling-deploys.md).");
            return Optional.empty();
        }
        String wantedDefault = old.get().defaultValue();
        boolean wantedNotNull = !old.get().acceptsNull();
        for (Change other : comparison.changes()) {
            for (Operation operation : other.upgrade()) {
                if (operation instanceof Operation.SetDefault d && same(d.table(), d.column(), alter)) {
                    wantedDefault = d.defaultValue();
                } else if (operation instanceof Operation.SetNullable n && same(n.table(), n.column(), alter)) {
                    wantedNotNull = !n.nullable();
                }
            }
        }
        return Optional.of(new Plan(table, old.get(), key, toNew, toOld, shadow, wantedDefault, wantedNotNull));
    }

    /** Whether an operation of the comparison is about the column this type change concerns (its default, its NOT NULL). */
    static boolean same(String table, String column, Operation.AlterColumnType alter) {
        return table.equals(alter.table()) && column.equals(alter.column());
    }

    static void split(Platform platform, Operation.AlterColumnType alter, Change change, Plan plan, SchemaModel current, Halves halves) {
        SqlDialect dialect = platform.dialect();
        String schema = alter.schema();
        String table = alter.table();
        String column = alter.column();
        String shadow = plan.shadow();
        Column added = new Column(shadow, alter.type(), true, null, null, plan.old().comment());
        List<Operation> keep = platform.keepColumnsInStep(schema, table, column, shadow, plan.toNew(), plan.toOld());
        List<Operation> stop = platform.stopKeepingColumnsInStep(schema, table, column, shadow);
        String what = table + "." + column + " " + change.summary().replaceFirst("^alter type of \\S+ ", "");

        List<Operation> up = new ArrayList<>();
        up.add(new Operation.AddColumn(schema, table, added));
        up.addAll(keep);
        List<Operation> down = new ArrayList<>(stop);
        down.add(new Operation.DropColumn(schema, table, shadow, added));
        halves.expand.add(new Change("expand: " + what + " (a column of the new type, kept in step with the old one)", up, down,
                change.review()));

        String s = dialect.identifier(shadow);
        String c = dialect.identifier(column);
        Backfill fill = Halves.backfill(platform, schema, table, plan.key(), s + " = " + plan.toNew(), s + " IS NULL AND " + c + " IS NOT NULL");
        halves.backfill.add(Halves.backfillChange("backfill " + table + "." + shadow + " from " + column, fill));

        List<Operation> finish = new ArrayList<>(stop);
        finish.add(new Operation.DropColumn(schema, table, column, plan.old()));
        finish.add(new Operation.RenameColumn(schema, table, shadow, column));
        List<Operation> undo = new ArrayList<>();
        if (plan.wantedDefault() != null) {
            finish.add(new Operation.SetDefault(schema, table, column, plan.wantedDefault(), Prior.of(null)));
            undo.add(new Operation.SetDefault(schema, table, column, null, Prior.of(plan.wantedDefault())));
        }
        undo.add(new Operation.RenameColumn(schema, table, column, shadow));
        undo.add(new Operation.AddColumn(schema, table, plan.old().nullable()));
        undo.add(new Operation.ExecuteSql("UPDATE " + dialect.qualified(schema, table) + " SET " + c + " = " + plan.toOld(), List.of()));
        if (!plan.old().acceptsNull()) {
            undo.add(new Operation.SetNullable(schema, table, column, false));
        }
        undo.addAll(keep);
        halves.contract.add(new Change("contract: " + what + " (the old column dropped, the new one renamed to its name)",
                platform.withWritesHeld(schema, table, finish), undo, null));
        // The new code reads the column under its name before the contract and after: the type it reads changes while it runs.
        halves.notes.add(table + "." + column + " changes type under the running new version at the contract: a statement its "
                + "connections prepared on the server before is refused once afterwards; connect it so its driver retries such a "
                + "statement, or restart it right after the contract (see docs/rolling-deploys.md).");
        if (plan.wantedNotNull()) {
            Operation.SetNullable set = new Operation.SetNullable(schema, table, column, false);
            Change notNull = new Change("set NOT NULL on " + table + "." + column, List.of(set), List.of(
                    new Operation.SetNullable(schema, table, column, true)), null);
            if (!NotNull.finish(platform, set, notNull, current, null, halves)) {
                halves.contract.add(notNull);
            }
        }
    }

    /** The shadow column's name: {@code retort_new_<column>}, shortened to fit the platform's identifiers. */
    private static String shadowName(Platform platform, String column) {
        String name = PREFIX + column;
        int max = platform.rules().maxIdentifierBytes();
        return max <= 0 || name.length() <= max ? name : PREFIX + Integer.toHexString(column.hashCode());
    }

    /** Whether an index, a key, a check or a foreign key (of this table or another) names the column. */
    private static boolean used(Table table, SchemaModel current, String column) {
        boolean own = table.indexes().stream().anyMatch(i -> i.elements().toString().contains(column))
                || table.uniques().stream().anyMatch(u -> u.columns().contains(column))
                || table.checks().stream().anyMatch(c -> c.expression().contains(column))
                || table.foreignKeys().stream().anyMatch(f -> f.columns().contains(column))
                || table.primaryKey() != null && table.primaryKey().columns().contains(column);
        boolean referenced = current.tables().stream().flatMap(t -> t.foreignKeys().stream())
                .anyMatch(f -> f.referencedTable().equals(table.name()) && f.referencedColumns().contains(column));
        return own || referenced;
    }
}
