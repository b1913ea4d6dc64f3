package dev.retort.internal.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.DataType;
import dev.retort.operation.Index;
import dev.retort.operation.Operation;
import dev.retort.operation.Prior;
import dev.retort.operation.Sequence;
import dev.retort.operation.SequenceOptions;
import dev.retort.platform.Platform;
import dev.retort.platform.SchemaRules;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;
import dev.retort.schema.EnumType;
import dev.retort.schema.Review;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/**
 * Compares a target schema model (from the entities) with the current one (from the database) into
 * the changes that turn current into target, ordered so each runs after what it depends on:
 * schemas, enum types and sequences first; foreign keys and other constraints dropped before what
 * they stand on; new tables in foreign-key order; columns; constraints and indexes; then drops.
 */
public final class SchemaDiffer {

    /** Changes collected per phase; the phases run in declaration order. */
    private enum Phase {
        // Renames come first: every later change of a renamed table names it by its new name.
        CREATE_SCHEMAS, CREATE_TYPES, RENAME_TABLES, DROP_FOREIGN_KEYS, DROP_CONSTRAINTS, CREATE_TABLES, COLUMNS, ADD_CONSTRAINTS,
        ADD_FOREIGN_KEYS, DROP_TABLES, DROP_TYPES
    }

    private final Map<Phase, List<Change>> phases = new LinkedHashMap<>();
    private final Platform platform;
    private final SchemaRules rules;

    private SchemaDiffer(Platform platform) {
        this.platform = platform;
        this.rules = platform.rules();
        for (Phase phase : Phase.values()) {
            phases.put(phase, new ArrayList<>());
        }
    }

    /** The changes that turn {@code current} into {@code target}, by the platform's rules for types and expressions. */
    public static Comparison compare(Platform platform, SchemaModel target, SchemaModel current) {
        SchemaDiffer differ = new SchemaDiffer(platform);
        differ.schemas(target, current);
        differ.enums(target, current);
        differ.sequences(target, current);
        differ.tables(target, current);
        List<Change> ordered = new ArrayList<>();
        differ.phases.values().forEach(ordered::addAll);
        return new Comparison(ordered);
    }

    private void add(Phase phase, String summary, Operation upgrade, Review review) {
        Operation downgrade = upgrade.reverse().orElseThrow(() -> new IllegalStateException("no reverse for " + upgrade));
        phases.get(phase).add(new Change(summary, List.of(upgrade), List.of(downgrade), review));
    }

    private String schemaOf(String schema) {
        return schema == null ? platform.defaultSchema() : schema;
    }

    // ---- schemas, enums, sequences ----------------------------------------------------------------

    private void schemas(SchemaModel target, SchemaModel current) {
        for (String schema : target.schemas()) {
            if (!current.schemas().contains(schema)) {
                add(Phase.CREATE_SCHEMAS, "create schema " + schema, new Operation.CreateSchema(schema, true), null);
            }
        }
    }

    private void enums(SchemaModel target, SchemaModel current) {
        Map<String, EnumType> now = index(current.enums(), e -> e.schema() + "." + e.name());
        Map<String, EnumType> wanted = index(target.enums(), e -> e.schema() + "." + e.name());
        wanted.forEach((key, type) -> {
            EnumType existing = now.get(key);
            if (existing == null) {
                add(Phase.CREATE_TYPES, "create enum type " + key, new Operation.CreateEnum(type.schema(), type.name(), type.values()), null);
            } else if (!existing.values().equals(type.values())) {
                enumValues(existing, type);
            }
        });
        now.forEach((key, type) -> {
            if (!wanted.containsKey(key)) {
                add(Phase.DROP_TYPES, "drop enum type " + key, new Operation.DropEnum(type.schema(), type.name(), type.values()), null);
            }
        });
    }

    private void enumValues(EnumType existing, EnumType wanted) {
        List<String> added = new ArrayList<>(wanted.values());
        added.removeAll(existing.values());
        List<String> kept = new ArrayList<>(wanted.values());
        kept.retainAll(existing.values());
        if (!kept.equals(existing.values())) {
            phases.get(Phase.CREATE_TYPES).add(new Change("enum type " + existing.name() + " lost or reordered values", List.of(), List.of(),
                    new Review(Review.Kind.IRREVERSIBLE, "enum type " + existing.schema() + "." + existing.name() + " changes from "
                            + existing.values() + " to " + wanted.values() + "; " + platform.name() + " cannot remove or reorder enum values, "
                            + "so write this change by hand (create a new type and convert the columns).")));
            return;
        }
        // Each new value goes after the nearest earlier value that exists by then, else before the nearest later one.
        List<String> present = new ArrayList<>(existing.values());
        for (String value : added) {
            int position = wanted.values().indexOf(value);
            String after = null;
            for (int i = position - 1; i >= 0 && after == null; i--) {
                after = present.contains(wanted.values().get(i)) ? wanted.values().get(i) : null;
            }
            String before = null;
            for (int i = position + 1; after == null && i < wanted.values().size() && before == null; i++) {
                before = present.contains(wanted.values().get(i)) ? wanted.values().get(i) : null;
            }
            present.add(value);
            Operation upgrade = new Operation.AddEnumValue(existing.schema(), existing.name(), value, before, after, false);
            phases.get(Phase.CREATE_TYPES).add(new Change("add value '" + value + "' to enum type " + existing.name(), List.of(upgrade),
                    List.of(), new Review(Review.Kind.IRREVERSIBLE, platform.name() + " cannot remove value '" + value + "' from enum type "
                            + existing.name() + "; the downgrade leaves it in place.")));
        }
    }

    private void sequences(SchemaModel target, SchemaModel current) {
        Map<String, Sequence> now = index(current.sequences(), s -> s.schema() + "." + s.name());
        Map<String, Sequence> wanted = index(target.sequences(), s -> s.schema() + "." + s.name());
        wanted.forEach((key, sequence) -> {
            Sequence existing = now.get(key);
            if (existing == null) {
                add(Phase.CREATE_TYPES, "create sequence " + key, new Operation.CreateSequence(sequence), null);
                return;
            }
            // Only the options the entities set are compared; the rest keep whatever the database has.
            SequenceOptions w = sequence.options();
            SequenceOptions e = existing.options();
            SequenceOptions[] diff = {SequenceOptions.NONE, SequenceOptions.NONE};
            option(diff, w.start(), e.start(), SequenceOptions::start);
            option(diff, w.increment(), e.increment(), SequenceOptions::increment);
            option(diff, w.minValue(), e.minValue(), SequenceOptions::minValue);
            option(diff, w.maxValue(), e.maxValue(), SequenceOptions::maxValue);
            option(diff, w.cache(), e.cache(), SequenceOptions::cache);
            option(diff, w.cycle(), e.cycle(), SequenceOptions::cycle);
            SequenceOptions changes = diff[0];
            SequenceOptions previous = diff[1];
            if (!changes.isEmpty()) {
                add(Phase.CREATE_TYPES, "alter sequence " + key, new Operation.AlterSequence(sequence.schema(), sequence.name(), changes, previous), null);
            }
        });
        now.forEach((key, sequence) -> {
            if (!wanted.containsKey(key) && sequence.ownedBy() == null) {
                add(Phase.DROP_TYPES, "drop sequence " + key, new Operation.DropSequence(sequence.schema(), sequence.name(), sequence),
                        new Review(Review.Kind.DATA_LOSS, "dropping sequence " + key + " loses its current value."));
            }
        });
    }

    /** Records in {@code diff} = {changes, previous} an option the target sets to something else than the database has. */
    private static <T> void option(SequenceOptions[] diff, T wanted, T existing, java.util.function.BiFunction<SequenceOptions, T, SequenceOptions> with) {
        if (wanted != null && !wanted.equals(existing)) {
            diff[0] = with.apply(diff[0], wanted);
            if (existing != null) {
                diff[1] = with.apply(diff[1], existing);
            }
        }
    }

    // ---- tables -------------------------------------------------------------------------------

    private void tables(SchemaModel target, SchemaModel current) {
        Map<String, Table> now = index(current.tables(), Table::qualifiedName);
        Map<String, Table> wanted = index(target.tables(), Table::qualifiedName);
        List<Table> added = new ArrayList<>();
        List<Table> removed = new ArrayList<>();
        wanted.forEach((key, table) -> {
            if (!now.containsKey(key)) {
                added.add(table);
            }
        });
        now.forEach((key, table) -> {
            if (!wanted.containsKey(key)) {
                removed.add(table);
            }
        });
        renamedTables(added, removed).forEach((from, to) -> {
            add(Phase.RENAME_TABLES, "rename table " + from.qualifiedName() + " to " + to.name(),
                    new Operation.RenameTable(from.schema(), from.name(), to.name()),
                    new Review(Review.Kind.POSSIBLE_RENAME, "table " + from.qualifiedName() + " was dropped and " + to.qualifiedName()
                            + " added with the same columns; this is written as a rename. If they are unrelated, replace it with a drop and a create."));
            compareTable(to, renamed(from, to.name()));
            added.remove(to);
            removed.remove(from);
        });
        createTables(added, current);
        for (Table table : removed) {
            dropTable(table);
        }
        wanted.forEach((key, table) -> {
            Table existing = now.get(key);
            if (existing != null) {
                compareTable(table, existing);
            }
        });
    }

    /** Pairs each dropped table with the one added table of exactly the same columns, where the pairing is unambiguous. */
    private Map<Table, Table> renamedTables(List<Table> added, List<Table> removed) {
        Map<Table, Table> pairs = new LinkedHashMap<>();
        for (Table gone : removed) {
            List<Table> candidates = added.stream().filter(t -> t.schema().equals(gone.schema()) && sameShape(t, gone)).toList();
            if (candidates.size() == 1 && removed.stream().filter(r -> sameShape(candidates.get(0), r)).count() == 1) {
                pairs.put(gone, candidates.get(0));
            }
        }
        return pairs;
    }

    private boolean sameShape(Table a, Table b) {
        if (a.columns().size() != b.columns().size()) {
            return false;
        }
        for (int i = 0; i < a.columns().size(); i++) {
            Column x = a.columns().get(i);
            Optional<Column> y = b.column(x.name());
            if (y.isEmpty() || !rules.sameType(x.type(), y.get().type())) {
                return false;
            }
        }
        return true;
    }

    private Table renamed(Table table, String newName) {
        return new Table(table.schema(), newName, table.columns(), table.primaryKey(), table.foreignKeys(), table.uniques(), table.checks(),
                table.indexes(), table.comment());
    }

    private void createTables(List<Table> added, SchemaModel current) {
        // Tables a new table's foreign key can name inline: those created before it in this run, and
        // existing ones whose referenced key already stands (a key added by this run comes later).
        Set<String> available = new HashSet<>();
        List<Table> pending = new ArrayList<>(added);
        pending.sort(Comparator.comparing(Table::qualifiedName));
        while (!pending.isEmpty()) {
            // The first table whose foreign keys all point at tables that exist by now; on a cycle, the first table.
            Table next = pending.stream().filter(t -> t.foreignKeys().stream().allMatch(fk -> available.contains(referenced(fk))
                    || referenced(fk).equals(t.qualifiedName()) || current.table(schemaOf(fk.referencedSchema()), fk.referencedTable()).isPresent()))
                    .findFirst().orElse(pending.get(0));
            pending.remove(next);
            List<Constraint> inline = new ArrayList<>();
            if (next.primaryKey() != null) {
                inline.add(next.primaryKey());
            }
            inline.addAll(next.uniques());
            inline.addAll(next.checks());
            for (Constraint.ForeignKey fk : next.foreignKeys()) {
                if (available.contains(referenced(fk)) || referenced(fk).equals(next.qualifiedName()) || keyStands(fk, current)) {
                    inline.add(fk);
                } else {
                    add(Phase.ADD_FOREIGN_KEYS, "add foreign key " + fk.name() + " on " + next.qualifiedName(),
                            new Operation.AddConstraint(next.schema(), next.name(), fk), null);
                }
            }
            add(Phase.CREATE_TABLES, "create table " + next.qualifiedName(),
                    new Operation.CreateTable(next.schema(), next.name(), next.columns(), inline, next.comment()), null);
            for (Index index : next.indexes()) {
                add(Phase.ADD_CONSTRAINTS, "create index " + index.name() + " on " + next.qualifiedName(), new Operation.CreateIndex(index, false), null);
            }
            available.add(next.qualifiedName());
        }
    }

    /** Whether the key a foreign key references exists in the current database already. */
    private boolean keyStands(Constraint.ForeignKey fk, SchemaModel current) {
        return current.table(schemaOf(fk.referencedSchema()), fk.referencedTable())
                .map(t -> t.primaryKey() != null && t.primaryKey().columns().equals(fk.referencedColumns())
                        || t.uniques().stream().anyMatch(u -> u.columns().equals(fk.referencedColumns())))
                .orElse(false);
    }

    private String referenced(Constraint.ForeignKey fk) {
        return schemaOf(fk.referencedSchema()) + "." + fk.referencedTable();
    }

    private void dropTable(Table table) {
        for (Constraint.ForeignKey fk : table.foreignKeys()) {
            add(Phase.DROP_FOREIGN_KEYS, "drop foreign key " + fk.name() + " on " + table.qualifiedName(),
                    new Operation.DropConstraint(table.schema(), table.name(), fk.name(), fk), null);
        }
        List<Constraint> constraints = new ArrayList<>();
        if (table.primaryKey() != null) {
            constraints.add(table.primaryKey());
        }
        constraints.addAll(table.uniques());
        constraints.addAll(table.checks());
        Operation.CreateTable definition = new Operation.CreateTable(table.schema(), table.name(), table.columns(), constraints, table.comment());
        phases.get(Phase.DROP_TABLES).add(new Change("drop table " + table.qualifiedName(), List.of(new Operation.DropTable(table.schema(),
                table.name(), definition)), recreate(table, definition), new Review(Review.Kind.DATA_LOSS, "dropping table "
                + table.qualifiedName() + " deletes its rows; the downgrade re-creates it empty.")));
    }

    private List<Operation> recreate(Table table, Operation.CreateTable definition) {
        List<Operation> ops = new ArrayList<>();
        ops.add(definition);
        table.indexes().forEach(index -> ops.add(new Operation.CreateIndex(index, false)));
        return ops;
    }

    private void compareTable(Table wanted, Table existing) {
        String name = wanted.qualifiedName();
        String schema = wanted.schema();
        String table = wanted.name();
        if (!Objects.equals(wanted.comment(), existing.comment())) {
            add(Phase.COLUMNS, "comment on table " + name, new Operation.SetTableComment(schema, table, wanted.comment(),
                    Prior.of(existing.comment())), null);
        }
        columns(wanted, existing);

        // Primary key: compared by columns; a changed key is dropped and re-added.
        Constraint.PrimaryKey pk = wanted.primaryKey();
        Constraint.PrimaryKey oldPk = existing.primaryKey();
        if (pk != null && oldPk != null && pk.columns().equals(oldPk.columns())) {
            pk = null;
            oldPk = null;
        }
        if (oldPk != null) {
            add(Phase.DROP_CONSTRAINTS, "drop primary key " + oldPk.name() + " on " + name,
                    new Operation.DropConstraint(schema, table, oldPk.name(), oldPk), null);
        }
        if (pk != null) {
            add(Phase.ADD_CONSTRAINTS, "add primary key " + pk.name() + " on " + name, new Operation.AddConstraint(schema, table, pk), null);
        }
        constraints(wanted, existing.foreignKeys(), wanted.foreignKeys(), this::sameForeignKey, Phase.DROP_FOREIGN_KEYS,
                Phase.ADD_FOREIGN_KEYS, "foreign key");
        constraints(wanted, existing.uniques(), wanted.uniques(), (a, b) -> a.columns().equals(b.columns()), Phase.DROP_CONSTRAINTS,
                Phase.ADD_CONSTRAINTS, "unique constraint");
        constraints(wanted, existing.checks(), wanted.checks(), (a, b) -> rules.sameExpression(a.expression(), b.expression()),
                Phase.DROP_CONSTRAINTS, Phase.ADD_CONSTRAINTS, "check constraint");

        Map<String, Index> oldIndexes = index(existing.indexes(), Index::name);
        Map<String, Index> newIndexes = index(wanted.indexes(), Index::name);
        newIndexes.forEach((indexName, index) -> {
            Index old = oldIndexes.get(indexName);
            if (old != null && !sameIndex(index, old)) {
                add(Phase.DROP_CONSTRAINTS, "drop changed index " + indexName + " on " + name,
                        new Operation.DropIndex(schema, indexName, false, false, old), null);
            }
            if (old == null || !sameIndex(index, old)) {
                add(Phase.ADD_CONSTRAINTS, "create index " + indexName + " on " + name, new Operation.CreateIndex(index, false), null);
            }
        });
        oldIndexes.forEach((indexName, old) -> {
            if (!newIndexes.containsKey(indexName)) {
                add(Phase.DROP_CONSTRAINTS, "drop index " + indexName + " on " + name, new Operation.DropIndex(schema, indexName, false, false, old),
                        new Review(Review.Kind.DATA_LOSS, "index " + indexName + " on " + name + " is not declared by the entities and is "
                                + "dropped; if it was created by hand on purpose, declare it with @Index or remove this operation."));
            }
        });
    }

    private interface Same<T> {
        boolean test(T a, T b);
    }

    private <T extends Constraint> void constraints(Table wanted, List<T> existing, List<T> target, Same<T> same, Phase dropPhase,
                                                     Phase addPhase, String what) {
        Map<String, T> old = index(existing, Constraint::name);
        Map<String, T> now = index(target, Constraint::name);
        now.forEach((name, constraint) -> {
            T before = old.get(name);
            if (before != null && !same.test(constraint, before)) {
                add(dropPhase, "drop changed " + what + " " + name + " on " + wanted.qualifiedName(),
                        new Operation.DropConstraint(wanted.schema(), wanted.name(), name, before), null);
            }
            if (before == null || !same.test(constraint, before)) {
                add(addPhase, "add " + what + " " + name + " on " + wanted.qualifiedName(),
                        new Operation.AddConstraint(wanted.schema(), wanted.name(), constraint), null);
            }
        });
        old.forEach((name, constraint) -> {
            if (!now.containsKey(name)) {
                add(dropPhase, "drop " + what + " " + name + " on " + wanted.qualifiedName(),
                        new Operation.DropConstraint(wanted.schema(), wanted.name(), name, constraint), null);
            }
        });
    }

    private boolean sameForeignKey(Constraint.ForeignKey a, Constraint.ForeignKey b) {
        return a.columns().equals(b.columns()) && schemaOf(a.referencedSchema()).equals(schemaOf(b.referencedSchema()))
                && a.referencedTable().equals(b.referencedTable()) && a.referencedColumns().equals(b.referencedColumns())
                && a.onDelete() == b.onDelete() && a.onUpdate() == b.onUpdate() && a.deferrable() == b.deferrable()
                && a.initiallyDeferred() == b.initiallyDeferred();
    }

    private boolean sameIndex(Index a, Index b) {
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

    private String method(Index index) {
        return index.method() == null ? "btree" : index.method();
    }

    // ---- columns ------------------------------------------------------------------------------

    private void columns(Table wanted, Table existing) {
        String schema = wanted.schema();
        String table = wanted.name();
        List<Column> added = wanted.columns().stream().filter(c -> existing.column(c.name()).isEmpty()).toList();
        List<Column> removed = existing.columns().stream().filter(c -> wanted.column(c.name()).isEmpty()).toList();
        List<Column> addedLeft = new ArrayList<>(added);
        List<Column> removedLeft = new ArrayList<>(removed);
        for (Column gone : removed) {
            List<Column> candidates = added.stream().filter(c -> sameColumnShape(c, gone)).toList();
            if (candidates.size() == 1 && removed.stream().filter(r -> sameColumnShape(candidates.get(0), r)).count() == 1) {
                Column to = candidates.get(0);
                add(Phase.COLUMNS, "rename column " + wanted.qualifiedName() + "." + gone.name() + " to " + to.name(),
                        new Operation.RenameColumn(schema, table, gone.name(), to.name()),
                        new Review(Review.Kind.POSSIBLE_RENAME, "column " + table + "." + gone.name() + " was dropped and " + to.name()
                                + " added with the same type; this is written as a rename, which keeps the data. If they are unrelated, "
                                + "replace it with a drop and an add."));
                alterColumn(schema, table, to, gone.named(to.name()));
                addedLeft.remove(to);
                removedLeft.remove(gone);
            }
        }
        for (Column column : addedLeft) {
            Review review = !column.acceptsNull() && column.defaultValue() == null && column.identityGeneration() == null
                    ? new Review(Review.Kind.DATA_LOSS, "column " + table + "." + column.name() + " is NOT NULL without a default; "
                    + "adding it fails if the table has rows. Add a default or fill it in a data step first.")
                    : null;
            add(Phase.COLUMNS, "add column " + wanted.qualifiedName() + "." + column.name(), new Operation.AddColumn(schema, table, column), review);
        }
        for (Column column : removedLeft) {
            add(Phase.COLUMNS, "drop column " + wanted.qualifiedName() + "." + column.name(),
                    new Operation.DropColumn(schema, table, column.name(), column),
                    new Review(Review.Kind.DATA_LOSS, "dropping column " + table + "." + column.name() + " deletes its data; the "
                            + "downgrade re-adds it empty."));
        }
        for (Column column : wanted.columns()) {
            existing.column(column.name()).ifPresent(old -> alterColumn(schema, table, column, old));
        }
    }

    private boolean sameColumnShape(Column a, Column b) {
        return rules.sameType(a.type(), b.type()) && a.acceptsNull() == b.acceptsNull();
    }

    private void alterColumn(String schema, String table, Column wanted, Column existing) {
        String where = table + "." + wanted.name();
        boolean typeChanges = !rules.sameType(wanted.type(), existing.type());
        String currentDefault = existing.defaultValue();
        if (typeChanges && currentDefault != null) {
            // PostgreSQL converts a default with the column and refuses one it cannot cast: drop it first.
            add(Phase.COLUMNS, "drop default of " + where + " for its type change",
                    new Operation.SetDefault(schema, table, wanted.name(), null, Prior.of(currentDefault)), null);
            currentDefault = null;
        }
        if (typeChanges) {
            Review review = rules.mayLoseData(existing.type(), wanted.type())
                    ? new Review(Review.Kind.DATA_LOSS, "column " + where + " changes type from " + describe(existing.type()) + " to "
                    + describe(wanted.type()) + ", which may not hold every existing value.")
                    : null;
            add(Phase.COLUMNS, "alter type of " + where, new Operation.AlterColumnType(schema, table, wanted.name(), wanted.type(), null,
                    existing.type()), review);
        }
        boolean identityChanged = !Objects.equals(wanted.identityGeneration() == null ? null : wanted.identityGeneration().always(),
                existing.identityGeneration() == null ? null : existing.identityGeneration().always());
        if (identityChanged && existing.identityGeneration() != null) {
            add(Phase.COLUMNS, "drop identity of " + where, new Operation.DropIdentity(schema, table, wanted.name(), existing.identityGeneration()), null);
        }
        if (wanted.acceptsNull() != existing.acceptsNull()) {
            Review review = wanted.acceptsNull() ? null : new Review(Review.Kind.DATA_LOSS, "column " + where
                    + " becomes NOT NULL; this fails if a row holds NULL, and scans the table under an exclusive lock.");
            add(Phase.COLUMNS, (wanted.acceptsNull() ? "drop NOT NULL on " : "set NOT NULL on ") + where,
                    new Operation.SetNullable(schema, table, wanted.name(), wanted.acceptsNull()), review);
        }
        if (wanted.identityGeneration() == null && existing.identityGeneration() == null
                && !sameDefault(wanted.defaultValue(), currentDefault)) {
            add(Phase.COLUMNS, "change default of " + where, new Operation.SetDefault(schema, table, wanted.name(), wanted.defaultValue(),
                    Prior.of(currentDefault)), null);
        }
        if (identityChanged && wanted.identityGeneration() != null) {
            add(Phase.COLUMNS, "add identity to " + where, new Operation.AddIdentity(schema, table, wanted.name(), wanted.identityGeneration()), null);
        }
        if (!Objects.equals(wanted.comment(), existing.comment())) {
            add(Phase.COLUMNS, "comment on column " + where, new Operation.SetColumnComment(schema, table, wanted.name(), wanted.comment(),
                    Prior.of(existing.comment())), null);
        }
    }

    private boolean sameDefault(String a, String b) {
        return rules.sameExpression(a, b);
    }

    private String describe(DataType type) {
        return platform.dialect().typeName(type);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return map;
    }
}
