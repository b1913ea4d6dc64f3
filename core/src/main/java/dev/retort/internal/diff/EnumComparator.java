package dev.retort.internal.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.retort.operation.Operation;
import dev.retort.schema.Change;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.EnumType;
import dev.retort.schema.ObjectComparator;
import dev.retort.schema.Review;
import dev.retort.schema.SchemaDiff;

/** Enum types: created, dropped, values added in place; values removed or reordered are left to a person. */
final class EnumComparator implements ObjectComparator {

    @Override
    public void compare(SchemaDiff diff) {
        Map<String, EnumType> now = SchemaDiffer.index(diff.current().enums(), e -> e.schema() + "." + e.name());
        Map<String, EnumType> wanted = SchemaDiffer.index(diff.target().enums(), e -> e.schema() + "." + e.name());
        wanted.forEach((key, type) -> {
            EnumType existing = now.get(key);
            if (existing == null) {
                diff.add(DiffPhase.CREATE_TYPES, "create enum type " + key, new Operation.CreateEnum(type.schema(), type.name(), type.values()), null);
            } else if (!existing.values().equals(type.values())) {
                values(diff, key, existing, type);
            }
        });
        now.forEach((key, type) -> {
            if (!wanted.containsKey(key)) {
                diff.add(DiffPhase.DROP_TYPES, "drop enum type " + key, new Operation.DropEnum(type.schema(), type.name(), type.values()), null);
            }
        });
    }

    private static void values(SchemaDiff diff, String key, EnumType existing, EnumType wanted) {
        List<String> added = new ArrayList<>(wanted.values());
        added.removeAll(existing.values());
        List<String> kept = new ArrayList<>(wanted.values());
        kept.retainAll(existing.values());
        if (!kept.equals(existing.values())) {
            diff.add(DiffPhase.CREATE_TYPES, new Change("enum type " + key + " lost or reordered values", List.of(), List.of(),
                    new Review(Review.Kind.NOT_WRITTEN, "enum type " + key + " changes from " + existing.values() + " to " + wanted.values()
                            + "; " + diff.platform().name() + " cannot remove or reorder enum values, so write this change by hand "
                            + "(create a new type and convert the columns).")));
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
            diff.add(DiffPhase.CREATE_TYPES, new Change("add value '" + value + "' to enum type " + key, List.of(upgrade), List.of(),
                    new Review(Review.Kind.IRREVERSIBLE, diff.platform().name() + " cannot remove value '" + value + "' from enum type "
                            + key + "; the downgrade leaves it in place.")));
        }
    }
}
