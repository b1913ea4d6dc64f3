package dev.retort.internal.diff;

import java.util.Objects;

import dev.retort.operation.Index;
import dev.retort.operation.Operation;
import dev.retort.platform.SchemaRules;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.ObjectComparator;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.Table;
import dev.retort.schema.TablePair;

/**
 * Indexes (those backing no constraint) of the tables both models hold, compared by name and definition: a changed one
 * is dropped and built again, one of the same definition under another name is renamed, one the target does not
 * declare is dropped.
 */
final class IndexComparator implements ObjectComparator {

    @Override
    public void compare(SchemaDiff diff) {
        SchemaRules rules = diff.platform().rules();
        for (TablePair pair : diff.pairs()) {
            Table wanted = pair.wanted();
            Table dropForm = diff.afterTableRenames(pair.existing());
            String on = " on " + wanted.qualifiedName();
            Renamable.Outcome<Index> outcome = Renamable.pair(diff.afterRenames(pair.existing()).indexes(), wanted.indexes(), Index::name,
                    (a, b) -> same(rules, a, b));
            for (Renamable.Changed<Index> changed : outcome.changed()) {
                String name = changed.after().name();
                diff.add(DiffPhase.DROP_CONSTRAINTS, "drop changed index " + name + on, drop(asDropped(dropForm, changed.before())), null);
                diff.add(DiffPhase.ADD_CONSTRAINTS, "create index " + name + on, new Operation.CreateIndex(changed.after(), false), null);
            }
            outcome.renamed().forEach((from, to) -> diff.add(DiffPhase.RENAME_OBJECTS, "rename index " + from.name() + on + " to " + to.name(),
                    new Operation.RenameIndex(wanted.schema(), from.name(), to.name()), null));
            for (Index gone : outcome.dropped()) {
                diff.add(DiffPhase.DROP_CONSTRAINTS, "drop index " + gone.name() + on, drop(asDropped(dropForm, gone)), null);
            }
            for (Index added : outcome.added()) {
                diff.add(DiffPhase.ADD_CONSTRAINTS, "create index " + added.name() + on, new Operation.CreateIndex(added, false), null);
            }
        }
    }

    private static Index asDropped(Table dropForm, Index index) {
        return dropForm.indexes().stream().filter(i -> i.name().equals(index.name())).findFirst().orElse(index);
    }

    private static Operation drop(Index index) {
        return new Operation.DropIndex(index.schema(), index.name(), false, false, index);
    }

    private static boolean same(SchemaRules rules, Index a, Index b) {
        if (a.unique() != b.unique() || !Objects.equals(method(a), method(b)) || !rules.sameExpression(a.where(), b.where())
                || a.elements().size() != b.elements().size()) {
            return false;
        }
        for (int i = 0; i < a.elements().size(); i++) {
            Index.Element x = a.elements().get(i);
            Index.Element y = b.elements().get(i);
            if (x.expression() != y.expression() || x.descending() != y.descending()
                    || (x.expression() ? !rules.sameExpression(x.text(), y.text()) : !x.text().equals(y.text()))) {
                return false;
            }
        }
        return true;
    }

    private static String method(Index index) {
        return index.method() == null ? "btree" : index.method();
    }
}
