package dev.retort.internal.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.Index;
import dev.retort.platform.SchemaRules;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;
import dev.retort.schema.TablePair;

/**
 * Which tables and columns of the two models are the same object: by name, or renamed. A table dropped and one of
 * exactly the same columns added (in the same schema), or a column dropped and one of the same type and nullability
 * added (in the same table), count as renamed when the pairing is unambiguous. Every comparator works from this one
 * pairing, and from the current tables rewritten to the names they have once the renames ran.
 */
final class Matching {

    private static final Pattern IDENTIFIER = Pattern.compile("\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_$]*");

    private final SchemaRules rules;
    private final List<TablePair> pairs = new ArrayList<>();
    private final List<Table> added = new ArrayList<>();
    private final List<Table> removed = new ArrayList<>();
    /** Current qualified name to target name, for renamed tables. */
    private final Map<String, String> tableRenames = new HashMap<>();
    /** Target qualified name to the pair. */
    private final Map<String, TablePair> byTarget = new LinkedHashMap<>();

    Matching(SchemaRules rules, SchemaModel target, SchemaModel current) {
        this.rules = rules;
        Map<String, Table> now = SchemaDiffer.index(current.tables(), Table::qualifiedName);
        Map<String, Table> wanted = SchemaDiffer.index(target.tables(), Table::qualifiedName);
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
        Map<Table, Table> renamed = renamedTables();
        renamed.forEach((from, to) -> {
            tableRenames.put(from.qualifiedName(), to.name());
            added.remove(to);
            removed.remove(from);
        });
        for (Table table : target.tables()) {
            Table existing = now.get(table.qualifiedName());
            if (existing == null) {
                existing = renamed.entrySet().stream().filter(e -> e.getValue() == table).map(Map.Entry::getKey).findFirst().orElse(null);
            }
            if (existing != null) {
                TablePair pair = new TablePair(table, existing, renamedColumns(table, existing));
                pairs.add(pair);
                byTarget.put(table.qualifiedName(), pair);
            }
        }
    }

    List<TablePair> pairs() {
        return pairs;
    }

    List<Table> added() {
        return added;
    }

    List<Table> removed() {
        return removed;
    }

    Optional<TablePair> pair(String schema, String name) {
        return Optional.ofNullable(byTarget.get(schema + "." + name));
    }

    /** Pairs each dropped table with the one added table of exactly the same columns, where the pairing is unambiguous. */
    private Map<Table, Table> renamedTables() {
        Map<Table, Table> found = new LinkedHashMap<>();
        for (Table gone : removed) {
            List<Table> candidates = added.stream().filter(t -> t.schema().equals(gone.schema()) && sameShape(t, gone)).toList();
            if (candidates.size() == 1 && removed.stream().filter(r -> sameShape(candidates.get(0), r)).count() == 1) {
                found.put(gone, candidates.get(0));
            }
        }
        return found;
    }

    private boolean sameShape(Table a, Table b) {
        if (a.columns().size() != b.columns().size()) {
            return false;
        }
        for (Column x : a.columns()) {
            Optional<Column> y = b.column(x.name());
            if (y.isEmpty() || !rules.sameType(x.type(), y.get().type())) {
                return false;
            }
        }
        return true;
    }

    /** Columns of a table pair dropped and added with the same type and nullability, where the pairing is unambiguous. */
    private Map<String, String> renamedColumns(Table wanted, Table existing) {
        List<Column> gained = wanted.columns().stream().filter(c -> existing.column(c.name()).isEmpty()).toList();
        List<Column> lost = existing.columns().stream().filter(c -> wanted.column(c.name()).isEmpty()).toList();
        Map<String, String> renames = new LinkedHashMap<>();
        for (Column gone : lost) {
            List<Column> candidates = gained.stream().filter(c -> sameColumnShape(c, gone)).toList();
            if (candidates.size() == 1 && lost.stream().filter(r -> sameColumnShape(candidates.get(0), r)).count() == 1) {
                renames.put(gone.name(), candidates.get(0).name());
            }
        }
        return renames;
    }

    private boolean sameColumnShape(Column a, Column b) {
        return rules.sameType(a.type(), b.type()) && a.acceptsNull() == b.acceptsNull();
    }

    // ---- current tables under their new names -------------------------------------------------------

    String tableName(String schema, String name) {
        return tableRenames.getOrDefault(schema + "." + name, name);
    }

    /** A column of a current table (by its current name) under its target name. */
    String columnName(String schema, String currentTable, String column) {
        TablePair pair = byTarget.get(schema + "." + tableName(schema, currentTable));
        return pair == null ? column : pair.renamedColumns().getOrDefault(column, column);
    }

    Table afterTableRenames(Table t, String defaultSchema) {
        String name = tableName(t.schema(), t.name());
        List<Constraint.ForeignKey> fks = t.foreignKeys().stream().map(fk -> referencing(fk, defaultSchema, false)).toList();
        List<Index> indexes = t.indexes().stream().map(i -> new Index(i.schema(), i.name(), name, i.elements(), i.unique(), i.method(),
                i.where(), i.concurrently())).toList();
        return new Table(t.schema(), name, t.columns(), t.primaryKey(), fks, t.uniques(), t.checks(), indexes, t.comment());
    }

    Table afterRenames(Table t, String defaultSchema) {
        String schema = t.schema();
        Table renamedTable = afterTableRenames(t, defaultSchema);
        Map<String, String> columns = new HashMap<>();
        t.columns().forEach(c -> columns.put(c.name(), columnName(schema, t.name(), c.name())));
        List<Column> cols = t.columns().stream().map(c -> c.named(columns.get(c.name()))).toList();
        Constraint.PrimaryKey pk = t.primaryKey() == null ? null : new Constraint.PrimaryKey(t.primaryKey().name(), names(t.primaryKey().columns(), columns));
        List<Constraint.ForeignKey> fks = t.foreignKeys().stream().map(fk -> referencing(fk, defaultSchema, true))
                .map(fk -> new Constraint.ForeignKey(fk.name(), names(fk.columns(), columns), fk.referencedSchema(), fk.referencedTable(),
                        fk.referencedColumns(), fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred(), fk.unvalidated())).toList();
        List<Constraint.Unique> uniques = t.uniques().stream().map(u -> new Constraint.Unique(u.name(), names(u.columns(), columns), u.index())).toList();
        List<Constraint.Check> checks = t.checks().stream().map(c -> new Constraint.Check(c.name(), renamedIn(c.expression(), columns),
                c.unvalidated())).toList();
        List<Index> indexes = renamedTable.indexes().stream().map(i -> new Index(i.schema(), i.name(), i.table(), i.elements().stream()
                .map(e -> new Index.Element(e.expression() ? renamedIn(e.text(), columns) : columns.getOrDefault(e.text(), e.text()),
                        e.expression(), e.descending())).toList(), i.unique(), i.method(), renamedIn(i.where(), columns), i.concurrently())).toList();
        return new Table(schema, renamedTable.name(), cols, pk, fks, uniques, checks, indexes, t.comment());
    }

    /** A foreign key pointing at its referenced table by that table's new name, and with {@code columnsToo} its new column names. */
    private Constraint.ForeignKey referencing(Constraint.ForeignKey fk, String defaultSchema, boolean columnsToo) {
        String schema = fk.referencedSchema() == null ? defaultSchema : fk.referencedSchema();
        String table = tableName(schema, fk.referencedTable());
        List<String> referenced = columnsToo ? fk.referencedColumns().stream().map(c -> columnName(schema, fk.referencedTable(), c)).toList()
                : fk.referencedColumns();
        return new Constraint.ForeignKey(fk.name(), fk.columns(), fk.referencedSchema(), table, referenced, fk.onDelete(), fk.onUpdate(),
                fk.deferrable(), fk.initiallyDeferred(), fk.unvalidated());
    }

    private static List<String> names(List<String> columns, Map<String, String> renames) {
        return columns.stream().map(c -> renames.getOrDefault(c, c)).toList();
    }

    /** An expression with the renamed columns it mentions under their new names (literals and other words kept). */
    private static String renamedIn(String expression, Map<String, String> renames) {
        if (expression == null || renames.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
            return expression;
        }
        Matcher m = IDENTIFIER.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            String bare = token.startsWith("\"") ? token.substring(1, token.length() - 1).replace("\"\"", "\"") : token;
            String replacement = token.startsWith("'") || !renames.containsKey(bare) ? token : renames.get(bare);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
