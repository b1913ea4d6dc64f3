package dev.retort.postgresql.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.retort.operation.DataType;
import dev.retort.operation.Operation;
import dev.retort.platform.SqlDialect;
import dev.retort.postgresql.PostgreSQL;
import dev.retort.schema.Change;
import dev.retort.schema.CompositeType;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.ObjectComparator;
import dev.retort.schema.Review;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.Table;

/**
 * Composite types ({@code create type … as (…)}, what Hibernate declares for {@code @Struct} embeddables): created
 * before the tables and types that use them, dropped after, their attributes added, dropped and retyped in place.
 * What PostgreSQL cannot do in place is left to a person: an attribute retyped while a column uses the type, and
 * attributes that would end up in another order than the entities declare (Hibernate reads a value's attributes by
 * position).
 */
final class CompositeTypeComparator implements ObjectComparator {

    @Override
    public void compare(SchemaDiff diff) {
        Map<String, CompositeType> now = index(diff.current().composites());
        Map<String, CompositeType> wanted = index(diff.target().composites());
        for (CompositeType type : dependencyOrder(wanted)) {
            CompositeType existing = now.get(type.qualifiedName());
            if (existing == null) {
                Operation create = new PostgreSQL.CreateCompositeType(schema(diff, type), type.name(), attributes(diff, type.attributes()));
                diff.add(DiffPhase.CREATE_TYPES, "create composite type " + type.qualifiedName(), create, null);
            } else {
                alter(diff, type, existing);
            }
        }
        List<CompositeType> dropped = new ArrayList<>(dependencyOrder(now));
        java.util.Collections.reverse(dropped);
        for (CompositeType type : dropped) {
            if (!wanted.containsKey(type.qualifiedName())) {
                Operation drop = new PostgreSQL.DropCompositeType(schema(diff, type), type.name(), attributes(diff, type.attributes()));
                diff.add(DiffPhase.DROP_TYPES, "drop composite type " + type.qualifiedName(), drop, null);
            }
        }
    }

    private static void alter(SchemaDiff diff, CompositeType wanted, CompositeType existing) {
        String schema = schema(diff, wanted);
        String key = wanted.qualifiedName();
        SqlDialect dialect = diff.platform().dialect();
        List<String> order = new ArrayList<>();
        for (CompositeType.Attribute attribute : existing.attributes()) {
            Optional<CompositeType.Attribute> kept = attribute(wanted, attribute.name());
            if (kept.isEmpty()) {
                diff.add(DiffPhase.CREATE_TYPES, "drop attribute " + attribute.name() + " of composite type " + key,
                        new PostgreSQL.DropAttribute(schema, wanted.name(), attribute.name(), definition(dialect, attribute)), null);
                continue;
            }
            order.add(attribute.name());
            if (!diff.platform().rules().sameType(kept.get().type(), attribute.type())) {
                List<String> users = usedBy(diff, existing);
                Review note = users.isEmpty() ? null : new Review(Review.Kind.NOT_WRITTEN, "attribute " + attribute.name() + " of composite type "
                        + key + " changes from " + dialect.typeName(attribute.type()) + " to " + dialect.typeName(kept.get().type())
                        + ", which PostgreSQL refuses while a column uses the type (" + String.join(", ", users) + "): create a new type, "
                        + "convert those columns to it, and drop this one.");
                diff.add(DiffPhase.CREATE_TYPES, new Change("alter type of attribute " + attribute.name() + " of composite type " + key,
                        List.of(new PostgreSQL.AlterAttributeType(schema, wanted.name(), attribute.name(), dialect.typeName(kept.get().type()),
                                dialect.typeName(attribute.type()))),
                        List.of(new PostgreSQL.AlterAttributeType(schema, wanted.name(), attribute.name(), dialect.typeName(attribute.type()),
                                dialect.typeName(kept.get().type()))), note));
            }
        }
        for (CompositeType.Attribute attribute : wanted.attributes()) {
            if (attribute(existing, attribute.name()).isEmpty()) {
                order.add(attribute.name());
                diff.add(DiffPhase.CREATE_TYPES, "add attribute " + attribute.name() + " to composite type " + key,
                        new PostgreSQL.AddAttribute(schema, wanted.name(), definition(dialect, attribute)), null);
            }
        }
        List<String> declared = wanted.attributes().stream().map(CompositeType.Attribute::name).toList();
        if (!order.equals(declared)) {
            diff.add(DiffPhase.CREATE_TYPES, new Change("attributes of composite type " + key + " out of order", List.of(), List.of(),
                    new Review(Review.Kind.NOT_WRITTEN, "composite type " + key + " will hold its attributes in the order " + order
                            + " but the entities declare " + declared + ", and values are read by position; PostgreSQL cannot reorder "
                            + "attributes: create a new type in the declared order, convert the columns that use this one, and drop it.")));
        }
    }

    /** The tables' columns that hold values of the type, {@code table.column}. */
    private static List<String> usedBy(SchemaDiff diff, CompositeType type) {
        List<String> users = new ArrayList<>();
        for (Table table : diff.current().tables()) {
            table.columns().stream().filter(c -> refersTo(c.type(), type)).forEach(c -> users.add(table.name() + "." + c.name()));
        }
        return users;
    }

    private static boolean refersTo(DataType type, CompositeType composite) {
        if (type instanceof DataType.ArrayOf array) {
            return refersTo(array.element(), composite);
        }
        return type instanceof DataType.UserDefined user && composite.name().equals(user.name())
                && (user.schema() == null || composite.schema().equals(user.schema()));
    }

    /** Types before the types whose attributes use them. */
    private static List<CompositeType> dependencyOrder(Map<String, CompositeType> types) {
        List<CompositeType> ordered = new ArrayList<>();
        types.values().forEach(type -> visit(type, types, ordered, new ArrayList<>()));
        return ordered;
    }

    private static void visit(CompositeType type, Map<String, CompositeType> types, List<CompositeType> ordered, List<CompositeType> path) {
        if (ordered.contains(type) || path.contains(type)) {
            return;
        }
        path.add(type);
        for (CompositeType.Attribute attribute : type.attributes()) {
            types.values().stream().filter(other -> refersTo(attribute.type(), other)).forEach(other -> visit(other, types, ordered, path));
        }
        ordered.add(type);
    }

    private static Optional<CompositeType.Attribute> attribute(CompositeType type, String name) {
        return type.attributes().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    private static List<String> attributes(SchemaDiff diff, List<CompositeType.Attribute> attributes) {
        return attributes.stream().map(a -> definition(diff.platform().dialect(), a)).toList();
    }

    private static String definition(SqlDialect dialect, CompositeType.Attribute attribute) {
        return dialect.identifier(attribute.name()) + " " + dialect.typeName(attribute.type());
    }

    /** The schema as operations name it: none for the default schema, as for every other object. */
    private static String schema(SchemaDiff diff, CompositeType type) {
        return type.schema().equals(diff.platform().defaultSchema()) ? null : type.schema();
    }

    private static Map<String, CompositeType> index(List<CompositeType> types) {
        Map<String, CompositeType> map = new LinkedHashMap<>();
        types.forEach(type -> map.put(type.qualifiedName(), type));
        return map;
    }
}
