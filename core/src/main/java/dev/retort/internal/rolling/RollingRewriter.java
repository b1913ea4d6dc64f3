package dev.retort.internal.rolling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.retort.operation.Backfill;
import dev.retort.operation.Column;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;
import dev.retort.platform.SqlDialect;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;
import dev.retort.schema.Review;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/**
 * {@code generate} for an application deployed rolling: the changes the version still running cannot survive become an
 * expand the old code survives and a contract that finishes them once no old code runs. A column renamed becomes a new
 * column kept equal to the old one by a trigger and backfilled in batches (its own, non-transactional revision), the
 * contract dropping the trigger and the old column; a column whose type changes (narrowed, retyped, or widened with a
 * rewrite) becomes a shadow column of the new type kept in step the same way, which the contract renames to the old
 * name ({@link TypeChange}); a table renamed keeps its old name for the old code through a view until the contract
 * ({@link TableRename}); a column dropped whose NOT NULL without default the new code's inserts would break is made
 * nullable first and dropped in the contract; any other drop of a column or table waits for the contract; a column made
 * NOT NULL is backfilled with its default where it has one, and made NOT NULL after the contract without a long lock
 * ({@link NotNull}). The other changes stay in the expand as they are.
 */
public final class RollingRewriter {

    /** Rows per backfill batch in what {@code generate} writes. */
    static final int BATCH = 1000;

    /**
     * The changes in four parts.
     *
     * @param expand   what the expand revision runs
     * @param backfill what the backfill revision runs (outside a transaction); empty when nothing is backfilled
     * @param contract what the contract revision runs; empty when nothing breaks the running version, or all of it is in
     *                 {@code finish}
     * @param finish   what a revision after the contract runs outside a transaction, each statement committing on its own
     *                 (NOT NULL set through a validated check); empty when nothing needs it
     * @param notes    what the expand's source says to a person
     */
    public record Split(Comparison expand, Comparison backfill, Comparison contract, Comparison finish, List<String> notes) {
    }

    private RollingRewriter() {
    }

    /** Splits the changes found against the current schema. */
    public static Split rewrite(Platform platform, Comparison comparison, SchemaModel current) {
        Halves halves = new Halves();
        List<Change> expand = halves.expand;
        List<Change> contract = halves.contract;
        List<String> notes = halves.notes;
        SqlDialect dialect = platform.dialect();
        Map<Operation.AlterColumnType, TypeChange.Plan> shadowed = new LinkedHashMap<>();
        for (Change change : comparison.changes()) {
            if (change.upgrade().size() == 1 && change.upgrade().get(0) instanceof Operation.AlterColumnType alter) {
                table(platform, current, alter.schema(), alter.table())
                        .flatMap(t -> TypeChange.plan(platform, alter, change, t, comparison, current, notes))
                        .ifPresent(plan -> shadowed.put(alter, plan));
            }
        }
        for (Change change : comparison.changes()) {
            Operation only = change.upgrade().size() == 1 ? change.upgrade().get(0) : null;
            if (only instanceof Operation.RenameColumn rename) {
                Optional<Table> table = table(platform, current, rename.schema(), rename.table());
                Optional<Column> column = table.flatMap(t -> t.column(rename.from()));
                List<Operation> keep = platform.keepColumnsInStep(rename.schema(), rename.table(), rename.from(), rename.to());
                String key = table.map(Halves::key).orElse(null);
                if (column.isPresent() && !keep.isEmpty() && key != null) {
                    renameColumn(platform, dialect, rename, column.get(), key, keep, change, current, halves);
                    continue;
                }
                notes.add("the rename of " + rename.table() + "." + rename.from() + " is written in place: " + (keep.isEmpty()
                        ? platform.name() + " has no trigger form to keep two columns in step" : key == null
                        ? "its table has no single-column primary key to backfill by" : "the column is not in the database") + ".");
            } else if (only instanceof Operation.RenameTable rename && table(platform, current, rename.schema(), rename.from()).isPresent()) {
                if (TableRename.split(platform, rename, change, halves)) {
                    continue;
                }
            } else if (only instanceof Operation.AlterColumnType alter && shadowed.containsKey(alter)) {
                TypeChange.split(platform, alter, change, shadowed.get(alter), current, halves);
                continue;
            } else if (only instanceof Operation.SetDefault set && shadowed.keySet().stream().anyMatch(a -> TypeChange.same(set.table(), set.column(), a))
                    || only instanceof Operation.SetNullable set2 && shadowed.keySet().stream().anyMatch(a -> TypeChange.same(set2.table(), set2.column(), a))) {
                // The shadow column takes the default and NOT NULL the comparison wants in the contract (TypeChange).
                continue;
            } else if (only instanceof Operation.DropColumn drop && table(platform, current, drop.schema(), drop.table()).isPresent()) {
                Column definition = drop.definition();
                if (definition != null && !definition.acceptsNull() && definition.defaultValue() == null
                        && definition.identityGeneration() == null) {
                    expand.add(new Change("make " + drop.table() + "." + drop.name() + " nullable: the new code's inserts leave it out",
                            List.of(new Operation.SetNullable(drop.schema(), drop.table(), drop.name(), true)),
                            List.of(new Operation.SetNullable(drop.schema(), drop.table(), drop.name(), false)), null));
                    contract.add(new Change(change.summary(), change.upgrade(),
                            List.of(new Operation.AddColumn(drop.schema(), drop.table(), definition.nullable())), change.review()));
                } else {
                    contract.add(change);
                }
                continue;
            } else if (only instanceof Operation.SetNullable set && !set.nullable()) {
                Optional<Table> table = table(platform, current, set.schema(), set.table());
                if (table.isPresent()) {
                    // The old code may still write NULL: the column becomes NOT NULL once it is gone.
                    NotNull.split(platform, set, change, table.get(), comparison, current, halves);
                    continue;
                }
            } else if (only instanceof Operation.DropTable drop && table(platform, current, drop.schema(), drop.name()).isPresent()) {
                contract.add(change);
                continue;
            }
            expand.add(change);
        }
        return new Split(new Comparison(expand), new Comparison(halves.backfill), new Comparison(contract), new Comparison(halves.finish),
                notes);
    }

    private static void renameColumn(Platform platform, SqlDialect dialect, Operation.RenameColumn rename, Column old, String key,
                                     List<Operation> keep, Change change, SchemaModel current, Halves halves) {
        String schema = rename.schema();
        String table = rename.table();
        Column added = new Column(rename.to(), old.type(), true, old.defaultValue(), null, old.comment());
        List<Operation> stop = platform.stopKeepingColumnsInStep(schema, table, rename.from(), rename.to());
        String what = table + "." + rename.from() + " renamed to " + rename.to();
        List<Operation> up = new ArrayList<>();
        up.add(new Operation.AddColumn(schema, table, added));
        up.addAll(keep);
        List<Operation> down = new ArrayList<>(stop);
        down.add(new Operation.DropColumn(schema, table, rename.to(), added));
        halves.expand.add(new Change("expand: " + what + " (new column, kept in step with the old one)", up, down, change.review() == null ? null
                : new Review(change.review().kind(), change.review().message())));

        String to = dialect.identifier(rename.to());
        String from = dialect.identifier(rename.from());
        Backfill fill = Halves.backfill(platform, schema, table, key, to + " = " + from, to + " IS NULL AND " + from + " IS NOT NULL");
        halves.backfill.add(Halves.backfillChange("backfill " + table + "." + rename.to() + " from " + rename.from(), fill));

        List<Operation> finish = new ArrayList<>(stop);
        finish.add(new Operation.DropColumn(schema, table, rename.from(), old));
        List<Operation> undo = new ArrayList<>();
        undo.add(new Operation.AddColumn(schema, table, new Column(rename.from(), old.type(), true, old.defaultValue(), null, old.comment())));
        undo.add(new Operation.ExecuteSql("UPDATE " + dialect.qualified(schema, table) + " SET " + from + " = " + to, List.of()));
        if (!old.acceptsNull()) {
            undo.add(new Operation.SetNullable(schema, table, rename.from(), false));
        }
        undo.addAll(keep);
        halves.contract.add(new Change("contract: " + what + " (the old column and its trigger dropped)",
                platform.withWritesHeld(schema, table, finish), undo, null));
        if (!old.acceptsNull()) {
            Operation.SetNullable set = new Operation.SetNullable(schema, table, rename.to(), false);
            Change notNull = new Change("set NOT NULL on " + table + "." + rename.to(), List.of(set),
                    List.of(new Operation.SetNullable(schema, table, rename.to(), true)), null);
            if (!NotNull.finish(platform, set, notNull, current, null, halves)) {
                halves.contract.add(notNull);
            }
        }
    }

    private static Optional<Table> table(Platform platform, SchemaModel current, String schema, String name) {
        Optional<Table> found = current.table(schema == null ? platform.defaultSchema() : schema, name);
        return found.isPresent() ? found : current.tables().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
