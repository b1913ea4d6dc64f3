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
 * @param schemas    the schemas the model covers
 * @param tables     tables, sorted by schema and name
 * @param sequences  sequences; one a column owns (an identity's, a serial's) names it in {@link Sequence#ownedBy()}
 * @param enums      enum types
 * @param composites composite (structured) types, sorted by schema and name; none on a database without them
 * @param remarks    what the source describes and the model cannot hold, for generate to say (a database never has any)
 */
public record SchemaModel(Set<String> schemas, List<Table> tables, List<Sequence> sequences, List<EnumType> enums,
                          List<CompositeType> composites, List<Remark> remarks) {

    public SchemaModel {
        schemas = Set.copyOf(new TreeSet<>(schemas));
        tables = tables.stream().sorted(Comparator.comparing(Table::schema).thenComparing(Table::name)).toList();
        sequences = sequences.stream().sorted(Comparator.comparing(Sequence::schema).thenComparing(Sequence::name)).toList();
        enums = enums.stream().sorted(Comparator.comparing(EnumType::schema).thenComparing(EnumType::name)).toList();
        composites = composites.stream().sorted(Comparator.comparing(CompositeType::schema).thenComparing(CompositeType::name)).toList();
        remarks = List.copyOf(remarks);
    }

    /** A model without composite types or remarks, as most databases and sources describe one. */
    public SchemaModel(Set<String> schemas, List<Table> tables, List<Sequence> sequences, List<EnumType> enums) {
        this(schemas, tables, sequences, enums, List.of(), List.of());
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
