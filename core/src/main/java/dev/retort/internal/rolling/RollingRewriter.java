package dev.retort.internal.rolling;

import java.util.ArrayList;
import java.util.List;
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
 * contract dropping the trigger and the old column; a column dropped whose NOT NULL without default the new code's
 * inserts would break is made nullable first and dropped in the contract; any other drop of a column or table, and a
 * column made NOT NULL (the old code may still write NULL), wait for the contract. The other changes stay in the expand
 * as they are.
 */
public final class RollingRewriter {

    /** Rows per backfill batch in what {@code generate} writes. */
    static final int BATCH = 1000;

    /**
     * The changes in three parts.
     *
     * @param expand   what the expand revision runs
     * @param backfill what the backfill revision runs (outside a transaction); empty when nothing is backfilled
     * @param contract what the contract revision runs; empty when nothing breaks the running version
     * @param notes    what the expand's source says to a person
     */
    public record Split(Comparison expand, Comparison backfill, Comparison contract, List<String> notes) {
    }

    private RollingRewriter() {
    }

    /** Splits the changes found against the current schema. */
    public static Split rewrite(Platform platform, Comparison comparison, SchemaModel current) {
        List<Change> expand = new ArrayList<>();
        List<Change> backfill = new ArrayList<>();
        List<Change> contract = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        SqlDialect dialect = platform.dialect();
        for (Change change : comparison.changes()) {
            Operation only = change.upgrade().size() == 1 ? change.upgrade().get(0) : null;
            if (only instanceof Operation.RenameColumn rename) {
                Optional<Table> table = table(platform, current, rename.schema(), rename.table());
                Optional<Column> column = table.flatMap(t -> t.column(rename.from()));
                List<Operation> keep = platform.keepColumnsInStep(rename.schema(), rename.table(), rename.from(), rename.to());
                String key = table.map(Table::primaryKey).filter(pk -> pk != null && pk.columns().size() == 1).map(pk -> pk.columns().get(0))
                        .orElse(null);
                if (column.isPresent() && !keep.isEmpty() && key != null) {
                    renameColumn(platform, dialect, rename, column.get(), key, keep, change, expand, backfill, contract);
                    continue;
                }
                notes.add("the rename of " + rename.table() + "." + rename.from() + " is written in place: " + (keep.isEmpty()
                        ? platform.name() + " has no trigger form to keep two columns in step" : key == null
                        ? "its table has no single-column primary key to backfill by" : "the column is not in the database") + ".");
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
            } else if (only instanceof Operation.SetNullable set && !set.nullable()
                    && table(platform, current, set.schema(), set.table()).isPresent()) {
                // The old code may still write NULL: the column becomes NOT NULL once it is gone.
                contract.add(change);
                notes.add(set.table() + "." + set.column() + " becomes NOT NULL in the contract: fill the rows that hold NULL before the "
                        + "contract's release (a backfill), or it fails on them.");
                continue;
            } else if (only instanceof Operation.DropTable drop && table(platform, current, drop.schema(), drop.name()).isPresent()) {
                contract.add(change);
                continue;
            }
            expand.add(change);
        }
        return new Split(new Comparison(expand), new Comparison(backfill), new Comparison(contract), notes);
    }

    private static void renameColumn(Platform platform, SqlDialect dialect, Operation.RenameColumn rename, Column old, String key,
                                     List<Operation> keep, Change change, List<Change> expand, List<Change> backfill, List<Change> contract) {
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
        expand.add(new Change("expand: " + what + " (new column, kept in step with the old one)", up, down, change.review() == null ? null
                : new Review(change.review().kind(), change.review().message())));

        String to = dialect.identifier(rename.to());
        String from = dialect.identifier(rename.from());
        String bare = schema == null || schema.equals(platform.defaultSchema()) ? null : schema;
        Backfill fill = Backfill.of(dialect.qualified(bare, table)).key(dialect.identifier(key)).set(to + " = " + from)
                .where(to + " IS NULL AND " + from + " IS NOT NULL").batchSize(BATCH);
        backfill.add(new Change("backfill " + table + "." + rename.to() + " from " + rename.from(),
                List.of(new Operation.RunJdbc(fill.describe(), fill)),
                List.of(new Operation.RunJdbc("forget the progress of " + fill.describe(), fill.forget())), null));

        List<Operation> finish = new ArrayList<>(stop);
        finish.add(new Operation.DropColumn(schema, table, rename.from(), old));
        List<Operation> undo = new ArrayList<>();
        if (!old.acceptsNull()) {
            finish.add(new Operation.SetNullable(schema, table, rename.to(), false));
            undo.add(new Operation.SetNullable(schema, table, rename.to(), true));
        }
        undo.add(new Operation.AddColumn(schema, table, new Column(rename.from(), old.type(), true, old.defaultValue(), null, old.comment())));
        undo.add(new Operation.ExecuteSql("UPDATE " + dialect.qualified(schema, table) + " SET " + from + " = " + to, List.of()));
        if (!old.acceptsNull()) {
            undo.add(new Operation.SetNullable(schema, table, rename.from(), false));
        }
        undo.addAll(keep);
        contract.add(new Change("contract: " + what + " (the old column and its trigger dropped)", finish, undo, null));
    }

    private static Optional<Table> table(Platform platform, SchemaModel current, String schema, String name) {
        Optional<Table> found = current.table(schema == null ? platform.defaultSchema() : schema, name);
        return found.isPresent() ? found : current.tables().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
