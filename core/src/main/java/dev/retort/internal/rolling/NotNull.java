package dev.retort.internal.rolling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.internal.lint.SafeRewriter;
import dev.retort.lint.SafeForm;
import dev.retort.operation.Backfill;
import dev.retort.operation.Column;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/**
 * A column made NOT NULL. The version still running may write NULL, so nothing changes in the expand; where the column has
 * a default (or gets one in the same comparison), the rows holding NULL are backfilled with it, and filled once more
 * before the constraint (the old code may have written NULL since). NOT NULL itself is set after the contract, in a
 * revision of its own outside a transaction, through the safe form the platform's lint rules know (a check added NOT
 * VALID, validated without blocking writes, then SET NOT NULL, which uses it instead of scanning, and the check dropped;
 * or a rebuild of the table that lets writes go on), so no statement holds the table's strongest lock over a scan of it.
 */
final class NotNull {

    private NotNull() {
    }

    static void split(Platform platform, Operation.SetNullable set, Change change, Table table, Comparison comparison, SchemaModel current,
                      Halves halves) {
        Optional<Column> column = table.column(set.column());
        String fill = defaultOf(comparison, set, column.orElse(null));
        String key = Halves.key(table);
        String where = table.name() + "." + set.column();
        Backfill first = null;
        if (fill != null && key != null) {
            String name = platform.dialect().identifier(set.column());
            first = Halves.backfill(platform, set.schema(), set.table(), key, name + " = " + fill, name + " IS NULL");
            halves.backfill.add(Halves.backfillChange("backfill " + where + " with its default", first));
        }
        if (!finish(platform, set, change, current, first, halves)) {
            halves.contract.add(change);
        }
        if (first == null) {
            halves.notes.add(where + " becomes NOT NULL in the contract: fill the rows that hold NULL before the contract's release (a "
                    + "backfill), or it fails on them.");
        }
    }

    /**
     * Adds NOT NULL on a column to the revision after the contract, preceded by a second run of the backfill given (null:
     * none): in the platform's safe form where its lint rules know one, else as it is; false, leaving it to the caller,
     * when there is neither a safe form nor a backfill to run again.
     */
    static boolean finish(Platform platform, Operation.SetNullable set, Change change, SchemaModel current, Backfill fill, Halves halves) {
        Optional<SafeForm> safe = SafeRewriter.safeForm(platform, set, current).filter(form -> form.upgrade().isEmpty());
        if (safe.isEmpty() && fill == null) {
            return false;
        }
        List<Operation> up = new ArrayList<>();
        List<Operation> down = new ArrayList<>(safe.map(SafeForm::laterDowngrade)
                .orElse(List.of(new Operation.SetNullable(set.schema(), set.table(), set.column(), true))));
        if (fill != null) {
            Backfill again = fill.name(fill.name() + " (again, before NOT NULL)");
            up.add(new Operation.RunJdbc(again.describe(), again));
            down.add(new Operation.RunJdbc("forget the progress of " + again.describe(), again.forget()));
        }
        up.addAll(safe.map(SafeForm::laterUpgrade).orElse(List.of(set)));
        halves.finish.add(new Change(change.summary() + (safe.isPresent() ? " (in its safe form, after the contract)" : " (after the contract)"),
                up, down, change.review()));
        return true;
    }

    /** The value NULLs are filled with: the default the comparison gives the column, else the one it has; null if none. */
    private static String defaultOf(Comparison comparison, Operation.SetNullable set, Column column) {
        String value = column == null ? null : column.defaultValue();
        for (Change change : comparison.changes()) {
            for (Operation operation : change.upgrade()) {
                if (operation instanceof Operation.SetDefault d && d.table().equals(set.table()) && d.column().equals(set.column())) {
                    value = d.defaultValue();
                }
            }
        }
        return value;
    }
}
