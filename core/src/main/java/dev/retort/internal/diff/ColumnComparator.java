package dev.retort.internal.diff;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.retort.operation.Column;
import dev.retort.operation.Identity;
import dev.retort.operation.Operation;
import dev.retort.operation.Prior;
import dev.retort.platform.Conversion;
import dev.retort.platform.SchemaRules;
import dev.retort.schema.Change;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.ObjectComparator;
import dev.retort.schema.Review;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.Table;
import dev.retort.schema.TablePair;

/**
 * Columns of the tables both models hold: renamed (a guess a person confirms), added, dropped, and altered: type (with
 * the conversion expression the database needs, both ways), identity, nullability, default.
 */
final class ColumnComparator implements ObjectComparator {

    @Override
    public void compare(SchemaDiff diff) {
        for (TablePair pair : diff.pairs()) {
            Table wanted = pair.wanted();
            Table existing = diff.afterRenames(pair.existing());
            String schema = wanted.schema();
            String table = wanted.name();
            for (Map.Entry<String, String> rename : pair.renamedColumns().entrySet()) {
                diff.add(DiffPhase.COLUMNS, "rename column " + wanted.qualifiedName() + "." + rename.getKey() + " to " + rename.getValue(),
                        new Operation.RenameColumn(schema, table, rename.getKey(), rename.getValue()),
                        new Review(Review.Kind.POSSIBLE_RENAME, "column " + wanted.qualifiedName() + "." + rename.getKey() + " was dropped and "
                                + rename.getValue() + " added with the same type; this is written as a rename, which keeps the data. If they are "
                                + "unrelated, replace it with a drop and an add."));
            }
            for (Column column : wanted.columns()) {
                if (existing.column(column.name()).isEmpty()) {
                    diff.add(DiffPhase.COLUMNS, "add column " + wanted.qualifiedName() + "." + column.name(),
                            new Operation.AddColumn(schema, table, column), null);
                }
            }
            for (Column column : pair.existing().columns()) {
                if (!pair.renamedColumns().containsKey(column.name()) && wanted.column(column.name()).isEmpty()) {
                    diff.add(DiffPhase.COLUMNS, "drop column " + wanted.qualifiedName() + "." + column.name(),
                            new Operation.DropColumn(schema, table, column.name(), column), null);
                }
            }
            for (Column column : wanted.columns()) {
                existing.column(column.name()).ifPresent(old -> alter(diff, pair, column, old));
            }
        }
    }

    private static void alter(SchemaDiff diff, TablePair pair, Column wanted, Column existing) {
        SchemaRules rules = diff.platform().rules();
        String schema = pair.wanted().schema();
        String table = pair.wanted().name();
        String column = wanted.name();
        String where = pair.wanted().qualifiedName() + "." + column;
        boolean typeChanges = !rules.sameType(wanted.type(), existing.type());
        String currentDefault = existing.defaultValue();
        if (typeChanges && currentDefault != null) {
            // A database converts a default with the column and may refuse one it cannot cast: drop it first.
            diff.add(DiffPhase.COLUMNS, "drop default of " + where + " for its type change",
                    new Operation.SetDefault(schema, table, column, null, Prior.of(currentDefault)), null);
            currentDefault = null;
        }
        if (typeChanges) {
            type(diff, new Place(schema, table, column, where), wanted, existing);
        }
        Identity had = existing.identityGeneration();
        Identity has = wanted.identityGeneration();
        boolean identityChanged = !Objects.equals(has == null ? null : has.always(), had == null ? null : had.always());
        if (identityChanged && had != null) {
            // Without its identity, the downgrade's re-added one would start at 1 under the rows the table holds.
            Review note = has != null || sequenceTakingOver(diff, pair, column) ? null : new Review(Review.Kind.NOT_WRITTEN, "column " + where + " loses its identity; if a sequence fills it from now on, move "
                    + "that sequence past the values the table holds (op.syncSequence(\"<sequence>\", \"" + table + "\", \"" + column
                    + "\")), or new rows will collide with the existing ones.");
            diff.add(DiffPhase.COLUMNS, new Change("drop identity of " + where, List.of(new Operation.DropIdentity(schema, table, column, had)),
                    List.of(new Operation.AddIdentity(schema, table, column, had), new Operation.SyncSequence(schema, null, table, column)), note));
        }
        if (wanted.acceptsNull() != existing.acceptsNull()) {
            diff.add(DiffPhase.COLUMNS, (wanted.acceptsNull() ? "drop NOT NULL on " : "set NOT NULL on ") + where,
                    new Operation.SetNullable(schema, table, column, wanted.acceptsNull()), null);
        }
        if (has == null && had == null && !rules.sameExpression(wanted.defaultValue(), currentDefault)) {
            diff.add(DiffPhase.COLUMNS, "change default of " + where, new Operation.SetDefault(schema, table, column, wanted.defaultValue(),
                    Prior.of(currentDefault)), null);
        }
        if (identityChanged && has != null) {
            // A new identity starts at its first value: move it past the values the column already holds.
            diff.add(DiffPhase.COLUMNS, new Change("add identity to " + where + ", continuing after the largest value",
                    List.of(new Operation.AddIdentity(schema, table, column, has), new Operation.SyncSequence(schema, null, table, column)),
                    List.of(new Operation.DropIdentity(schema, table, column, has)), null));
        }
    }

    /** Where a column change happens: {@code where} is the qualified column, for messages. */
    private record Place(String schema, String table, String column, String where) {
    }

    /** A type change with the conversion the database needs each way; a direction without a known conversion is left to a person. */
    private static void type(SchemaDiff diff, Place at, Column wanted, Column existing) {
        SchemaRules rules = diff.platform().rules();
        String column = at.column();
        String where = at.where();
        Conversion up = rules.conversion(column, existing.type(), wanted.type());
        Conversion down = rules.conversion(column, wanted.type(), existing.type());
        String from = diff.platform().dialect().typeName(existing.type());
        String to = diff.platform().dialect().typeName(wanted.type());
        Review note = null;
        boolean downUnknown = down.needsUsing() && down.using() == null;
        if (up.needsUsing() && up.using() == null) {
            // Both directions in one note: the downgrade fails as surely as the upgrade, and a person writes both at once.
            note = new Review(Review.Kind.NOT_WRITTEN, "column " + where + " changes from " + from + " to " + to + ", which "
                    + diff.platform().name() + " cannot convert on its own and Retort knows no expression for: add .using(\"…\") to "
                    + "the upgrade's alterColumnType with the conversion of " + column
                    + (downUnknown ? ", and to the downgrade's alterColumnType (from " + to + " back to " + from + ")" : "") + ".");
        } else if (downUnknown) {
            note = new Review(Review.Kind.NOT_WRITTEN, "column " + where + " changes back from " + to + " to " + from + " in the downgrade, "
                    + "which " + diff.platform().name() + " cannot convert on its own and Retort knows no expression for: add .using(\"…\") "
                    + "to the downgrade's alterColumnType.");
        }
        diff.add(DiffPhase.COLUMNS, new Change("alter type of " + where + " from " + from + " to " + to,
                List.of(new Operation.AlterColumnType(at.schema(), at.table(), column, wanted.type(), up.using(), existing.type())),
                List.of(new Operation.AlterColumnType(at.schema(), at.table(), column, existing.type(), down.using(), wanted.type())), note));
    }

    private static boolean sequenceTakingOver(SchemaDiff diff, TablePair pair, String column) {
        return IdentitySwitches.all(diff).stream().filter(s -> s.pair() == pair && s.column().equals(column) && !s.toIdentity())
                .anyMatch(s -> IdentitySwitches.sequenceOf(diff, s).isPresent());
    }
}
