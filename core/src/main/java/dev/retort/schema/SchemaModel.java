package dev.retort.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.operation.Sequence;

/**
 * A database-neutral picture of a schema: what the entities describe, or what a live database holds.
 * Names are as the database stores them; every object carries its schema.
 *
 * @param schemas   the schemas the model covers
 * @param tables    tables, sorted by schema and name
 * @param sequences sequences; one a column owns (an identity's, a serial's) names it in {@link Sequence#ownedBy()}
 * @param enums     enum types
 */
public record SchemaModel(Set<String> schemas, List<Table> tables, List<Sequence> sequences, List<EnumType> enums) {

    public SchemaModel {
        schemas = Set.copyOf(new TreeSet<>(schemas));
        tables = tables.stream().sorted(Comparator.comparing(Table::schema).thenComparing(Table::name)).toList();
        sequences = sequences.stream().sorted(Comparator.comparing(Sequence::schema).thenComparing(Sequence::name)).toList();
        enums = enums.stream().sorted(Comparator.comparing(EnumType::schema).thenComparing(EnumType::name)).toList();
    }

    /** The table with that schema and name, if any. */
    public Optional<Table> table(String schema, String name) {
        return tables.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
    }

    /** An empty model over the given schemas. */
    public static SchemaModel empty(Set<String> schemas) {
        return new SchemaModel(schemas, List.of(), List.of(), List.of());
    }
}
