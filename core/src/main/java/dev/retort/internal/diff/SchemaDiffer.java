package dev.retort.internal.diff;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.retort.platform.Platform;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.ObjectComparator;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;
import dev.retort.schema.TablePair;

/**
 * Compares a target schema model (from the entities) with the current one (from the database) into the changes that
 * turn current into target: tables and columns are paired first (renames included), then each of the platform's
 * comparators adds the changes for its kind of object, and the changes are ordered by {@link DiffPhase}.
 */
public final class SchemaDiffer implements SchemaDiff {

    private final Platform platform;
    private final SchemaModel target;
    private final SchemaModel current;
    private final Matching matching;
    private final Map<DiffPhase, List<Change>> phases = new EnumMap<>(DiffPhase.class);

    private SchemaDiffer(Platform platform, SchemaModel target, SchemaModel current) {
        this.platform = platform;
        this.target = target;
        this.current = current;
        this.matching = new Matching(platform.rules(), target, current);
        for (DiffPhase phase : DiffPhase.values()) {
            phases.put(phase, new ArrayList<>());
        }
    }

    /** The changes that turn {@code current} into {@code target}, found by the platform's comparators. */
    public static Comparison compare(Platform platform, SchemaModel target, SchemaModel current) {
        SchemaDiffer diff = new SchemaDiffer(platform, target, current);
        for (ObjectComparator comparator : platform.comparators()) {
            comparator.compare(diff);
        }
        RemarkNotes.add(diff);
        List<Change> ordered = new ArrayList<>();
        diff.phases.values().forEach(ordered::addAll);
        return new Comparison(ordered);
    }

    @Override
    public SchemaModel target() {
        return target;
    }

    @Override
    public SchemaModel current() {
        return current;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public List<TablePair> pairs() {
        return matching.pairs();
    }

    @Override
    public List<Table> addedTables() {
        return matching.added();
    }

    @Override
    public List<Table> removedTables() {
        return matching.removed();
    }

    @Override
    public Optional<Table> existing(String schema, String name) {
        return matching.pair(schema, name).map(TablePair::existing);
    }

    @Override
    public Table afterTableRenames(Table existing) {
        return matching.afterTableRenames(existing, platform.defaultSchema());
    }

    @Override
    public Table afterRenames(Table existing) {
        return matching.afterRenames(existing, platform.defaultSchema());
    }

    @Override
    public void add(DiffPhase phase, Change change) {
        phases.get(phase).add(change);
    }

    static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return map;
    }
}
