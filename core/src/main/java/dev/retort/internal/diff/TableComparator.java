package dev.retort.internal.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.retort.operation.Constraint;
import dev.retort.operation.Index;
import dev.retort.operation.Operation;
import dev.retort.schema.Change;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.ObjectComparator;
import dev.retort.schema.Review;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.Table;
import dev.retort.schema.TablePair;

/**
 * Tables: renamed (a guess a person confirms), created in foreign-key order (a foreign key goes inside its table's
 * {@code CREATE TABLE} when what it references stands by then, else is added afterwards), dropped with the
 * definition that re-creates them. A new table's indexes are not dropped one by one in the downgrade: dropping the table
 * takes them; a foreign key added after its table is, because the table it references may be dropped first.
 */
final class TableComparator implements ObjectComparator {

    @Override
    public void compare(SchemaDiff diff) {
        for (TablePair pair : diff.pairs()) {
            if (pair.renamed()) {
                Table from = pair.existing();
                Table to = pair.wanted();
                diff.add(DiffPhase.RENAME_TABLES, "rename table " + from.qualifiedName() + " to " + to.name(),
                        new Operation.RenameTable(from.schema(), from.name(), to.name()),
                        new Review(Review.Kind.POSSIBLE_RENAME, "table " + from.qualifiedName() + " was dropped and " + to.qualifiedName()
                                + " added with the same columns; this is written as a rename. If they are unrelated, replace it with a drop and a create."));
            }
        }
        create(diff);
        for (Table table : diff.removedTables()) {
            drop(diff, table);
        }
    }

    private static void create(SchemaDiff diff) {
        // Tables a new table's foreign key can name inline: those created before it in this run, and
        // existing ones whose referenced key already stands (a key added by this run comes later).
        Set<String> available = new HashSet<>();
        List<Table> pending = new ArrayList<>(diff.addedTables());
        pending.sort(Comparator.comparing(Table::qualifiedName));
        while (!pending.isEmpty()) {
            // The first table whose foreign keys all point at tables that exist by now; on a cycle, the first table.
            Table next = pending.stream().filter(t -> t.foreignKeys().stream().allMatch(fk -> available.contains(referenced(diff, fk))
                    || referenced(diff, fk).equals(t.qualifiedName()) || diff.existing(diff.schemaOf(fk.referencedSchema()), fk.referencedTable()).isPresent()))
                    .findFirst().orElse(pending.get(0));
            pending.remove(next);
            List<Constraint> inline = new ArrayList<>();
            if (next.primaryKey() != null) {
                inline.add(next.primaryKey());
            }
            inline.addAll(next.uniques());
            inline.addAll(next.checks());
            for (Constraint.ForeignKey fk : next.foreignKeys()) {
                if (available.contains(referenced(diff, fk)) || referenced(diff, fk).equals(next.qualifiedName()) || keyStands(diff, fk)) {
                    inline.add(fk);
                } else {
                    diff.add(DiffPhase.ADD_FOREIGN_KEYS, "add foreign key " + fk.name() + " on " + next.qualifiedName(),
                            new Operation.AddConstraint(next.schema(), next.name(), fk), null);
                }
            }
            diff.add(DiffPhase.CREATE_TABLES, "create table " + next.qualifiedName(),
                    new Operation.CreateTable(next.schema(), next.name(), next.columns(), inline, next.comment()), null);
            for (Index index : next.indexes()) {
                // Nothing to undo on its own: the downgrade drops the table, and the index goes with it.
                diff.add(DiffPhase.ADD_CONSTRAINTS, new Change("create index " + index.name() + " on " + next.qualifiedName(),
                        List.of(new Operation.CreateIndex(index, false)), List.of(), null));
            }
            available.add(next.qualifiedName());
        }
    }

    /** Whether the key a foreign key references exists in the current database already. */
    private static boolean keyStands(SchemaDiff diff, Constraint.ForeignKey fk) {
        return diff.existing(diff.schemaOf(fk.referencedSchema()), fk.referencedTable()).map(diff::afterRenames)
                .map(t -> t.primaryKey() != null && t.primaryKey().columns().equals(fk.referencedColumns())
                        || t.uniques().stream().anyMatch(u -> u.columns().equals(fk.referencedColumns())))
                .orElse(false);
    }

    private static String referenced(SchemaDiff diff, Constraint.ForeignKey fk) {
        return diff.schemaOf(fk.referencedSchema()) + "." + fk.referencedTable();
    }

    private static void drop(SchemaDiff diff, Table removed) {
        Table table = diff.afterTableRenames(removed);
        for (Constraint.ForeignKey fk : table.foreignKeys()) {
            diff.add(DiffPhase.DROP_FOREIGN_KEYS, "drop foreign key " + fk.name() + " on " + table.qualifiedName(),
                    new Operation.DropConstraint(table.schema(), table.name(), fk.name(), fk), null);
        }
        List<Constraint> constraints = new ArrayList<>();
        if (table.primaryKey() != null) {
            constraints.add(table.primaryKey());
        }
        constraints.addAll(table.uniques());
        constraints.addAll(table.checks());
        Operation.CreateTable definition = new Operation.CreateTable(table.schema(), table.name(), table.columns(), constraints, table.comment());
        List<Operation> recreate = new ArrayList<>();
        recreate.add(definition);
        table.indexes().forEach(index -> recreate.add(new Operation.CreateIndex(index, false)));
        diff.add(DiffPhase.DROP_TABLES, new Change("drop table " + table.qualifiedName(),
                List.of(new Operation.DropTable(table.schema(), table.name(), definition)), recreate, null));
    }
}
