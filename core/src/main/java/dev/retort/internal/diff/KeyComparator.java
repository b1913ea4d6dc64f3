package dev.retort.internal.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

import dev.retort.operation.Constraint;
import dev.retort.operation.Operation;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.ObjectComparator;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.Table;
import dev.retort.schema.TablePair;

/**
 * Primary keys, foreign keys, unique and check constraints of the tables both models hold, compared by name and
 * definition: a changed one is dropped and added again, one of the same definition under another name is renamed.
 * Foreign keys are dropped first and added last, around everything they stand on.
 */
final class KeyComparator implements ObjectComparator {

    @Override
    public void compare(SchemaDiff diff) {
        for (TablePair pair : diff.pairs()) {
            Table wanted = pair.wanted();
            Table existing = diff.afterRenames(pair.existing());
            Table dropForm = diff.afterTableRenames(pair.existing());
            compare(diff, wanted, list(existing.primaryKey()), list(dropForm.primaryKey()), list(wanted.primaryKey()),
                    (a, b) -> a.columns().equals(b.columns()), DiffPhase.DROP_CONSTRAINTS, DiffPhase.ADD_CONSTRAINTS, "primary key");
            compare(diff, wanted, existing.foreignKeys(), dropForm.foreignKeys(), wanted.foreignKeys(), (a, b) -> sameForeignKey(diff, a, b),
                    DiffPhase.DROP_FOREIGN_KEYS, DiffPhase.ADD_FOREIGN_KEYS, "foreign key");
            compare(diff, wanted, existing.uniques(), dropForm.uniques(), wanted.uniques(), (a, b) -> a.columns().equals(b.columns()),
                    DiffPhase.DROP_CONSTRAINTS, DiffPhase.ADD_CONSTRAINTS, "unique constraint");
            compare(diff, wanted, existing.checks(), dropForm.checks(), wanted.checks(),
                    (a, b) -> diff.platform().rules().sameExpression(a.expression(), b.expression()),
                    DiffPhase.DROP_CONSTRAINTS, DiffPhase.ADD_CONSTRAINTS, "check constraint");
        }
    }

    private static <T extends Constraint> void compare(SchemaDiff diff, Table wanted, List<T> existing, List<T> dropForms, List<T> target,
                                                       BiPredicate<T, T> same, DiffPhase dropPhase, DiffPhase addPhase, String what) {
        String on = " on " + wanted.qualifiedName();
        Function<T, T> asDropped = constraint -> dropForms.stream().filter(d -> d.name().equals(constraint.name())).findFirst().orElse(constraint);
        Renamable.Outcome<T> outcome = Renamable.pair(existing, target, Constraint::name, same);
        for (Renamable.Changed<T> changed : outcome.changed()) {
            String name = changed.after().name();
            diff.add(dropPhase, "drop changed " + what + " " + name + on, drop(wanted, asDropped.apply(changed.before())), null);
            diff.add(addPhase, "add " + what + " " + name + on, new Operation.AddConstraint(wanted.schema(), wanted.name(), changed.after()), null);
        }
        outcome.renamed().forEach((from, to) -> diff.add(DiffPhase.RENAME_OBJECTS, "rename " + what + " " + from.name() + on + " to " + to.name(),
                new Operation.RenameConstraint(wanted.schema(), wanted.name(), from.name(), to.name()), null));
        for (T gone : outcome.dropped()) {
            diff.add(dropPhase, "drop " + what + " " + gone.name() + on, drop(wanted, asDropped.apply(gone)), null);
        }
        for (T added : outcome.added()) {
            diff.add(addPhase, "add " + what + " " + added.name() + on, new Operation.AddConstraint(wanted.schema(), wanted.name(), added), null);
        }
    }

    private static Operation drop(Table table, Constraint definition) {
        return new Operation.DropConstraint(table.schema(), table.name(), definition.name(), definition);
    }

    private static boolean sameForeignKey(SchemaDiff diff, Constraint.ForeignKey a, Constraint.ForeignKey b) {
        return a.columns().equals(b.columns()) && diff.schemaOf(a.referencedSchema()).equals(diff.schemaOf(b.referencedSchema()))
                && a.referencedTable().equals(b.referencedTable()) && a.referencedColumns().equals(b.referencedColumns())
                && a.onDelete() == b.onDelete() && a.onUpdate() == b.onUpdate() && a.deferrable() == b.deferrable()
                && a.initiallyDeferred() == b.initiallyDeferred();
    }

    private static <T> List<T> list(T item) {
        List<T> list = new ArrayList<>();
        if (item != null) {
            list.add(item);
        }
        return list;
    }
}
