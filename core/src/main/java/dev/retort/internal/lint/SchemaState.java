package dev.retort.internal.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.retort.operation.Constraint;
import dev.retort.operation.Index;
import dev.retort.schema.EnumType;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/**
 * What lint knows of the schema at one point of a run: which tables and types the run created so far (they hold no
 * rows and serve no running code yet), the check constraints (whether validated), which table each index belongs to,
 * the enum types' labels, and what this revision added. Built from a live schema model, or by replaying the
 * operations of the revisions before; objects made by raw SQL stay unknown.
 */
final class SchemaState {

    /** A check constraint: its expression and whether existing rows were checked. */
    record Check(String expression, boolean valid) {
    }

    final String defaultSchema;
    /** Whether the run builds the database from base: nothing in it existed before the run, whatever raw SQL made. */
    boolean fromBase;
    final Set<String> tablesCreatedThisRun = new HashSet<>();
    final Set<String> typesCreatedThisRun = new HashSet<>();
    final Set<String> addedThisRevision = new HashSet<>();
    final Map<String, Map<String, Check>> checks = new HashMap<>();
    final Map<String, String> indexTables = new HashMap<>();
    final Map<String, List<String>> enums = new HashMap<>();
    final Map<String, List<String>> droppedEnums = new HashMap<>();

    SchemaState(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    /** The state of a live schema. */
    static SchemaState of(SchemaModel model, String defaultSchema) {
        SchemaState state = new SchemaState(defaultSchema);
        for (Table table : model.tables()) {
            String key = table.qualifiedName();
            for (Constraint.Check check : table.checks()) {
                state.checksOf(key).put(check.name(), new Check(check.expression(), !check.unvalidated()));
            }
            for (Index index : table.indexes()) {
                state.indexTables.put(table.schema() + "." + index.name(), key);
            }
        }
        for (EnumType type : model.enums()) {
            state.enums.put(type.schema() + "." + type.name(), new ArrayList<>(type.values()));
        }
        return state;
    }

    SchemaState copy() {
        SchemaState copy = new SchemaState(defaultSchema);
        copy.fromBase = fromBase;
        copy.tablesCreatedThisRun.addAll(tablesCreatedThisRun);
        copy.typesCreatedThisRun.addAll(typesCreatedThisRun);
        copy.addedThisRevision.addAll(addedThisRevision);
        checks.forEach((table, byName) -> copy.checks.put(table, new HashMap<>(byName)));
        copy.indexTables.putAll(indexTables);
        enums.forEach((name, values) -> copy.enums.put(name, new ArrayList<>(values)));
        copy.droppedEnums.putAll(droppedEnums);
        return copy;
    }

    /**
     * A run starts on a database that has everything known so far: from here, what the run creates is new. A
     * downgrade starts a run of its own, on tables its upgrade created and rows have been written to since.
     */
    void beginRun() {
        fromBase = false;
        tablesCreatedThisRun.clear();
        typesCreatedThisRun.clear();
    }

    /** A new revision (or its downgrade) starts: nothing is added by it yet. */
    void beginRevision() {
        addedThisRevision.clear();
        droppedEnums.clear();
    }

    String key(String schema, String name) {
        return (schema == null ? defaultSchema : schema) + "." + name;
    }

    Map<String, Check> checksOf(String table) {
        return checks.computeIfAbsent(table, t -> new HashMap<>());
    }

    /** Whether the table was there before the run began (and so may hold rows and serve the running version). */
    boolean existedBeforeRun(String schema, String table) {
        return !fromBase && !tablesCreatedThisRun.contains(key(schema, table));
    }

    /** Whether the type was there before the run began. */
    boolean typeExistedBeforeRun(String schema, String type) {
        return !fromBase && !typesCreatedThisRun.contains(key(schema, type));
    }

    Optional<String> tableOfIndex(String schema, String index) {
        return Optional.ofNullable(indexTables.get(key(schema, index)));
    }
}
