package dev.retort.internal.diff;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.retort.schema.Change;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.Remark;
import dev.retort.schema.Review;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.Table;

/**
 * The source's remarks, each as a note to finish by hand beside the change that creates its object: what the model
 * cannot hold is said where the object is written, once; an object that exists already brings no note.
 */
final class RemarkNotes {

    private RemarkNotes() {
    }

    static void add(SchemaDiff diff) {
        for (Remark remark : diff.target().remarks()) {
            Remark.On on = remark.object();
            DiffPhase phase = switch (on.kind()) {
                case TABLE -> newTable(diff, on) ? DiffPhase.CREATE_TABLES : null;
                case COLUMN -> newTable(diff, on) ? DiffPhase.CREATE_TABLES : newPart(diff, on) ? DiffPhase.COLUMNS : null;
                case INDEX, CONSTRAINT -> newTable(diff, on) ? DiffPhase.CREATE_TABLES : newPart(diff, on) ? DiffPhase.ADD_CONSTRAINTS : null;
                case SEQUENCE -> diff.current().sequences().stream().noneMatch(s -> s.schema().equals(on.schema()) && s.name().equals(on.name()))
                        ? DiffPhase.CREATE_TYPES : null;
            };
            if (phase != null) {
                String object = on.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + on.schema() + "." + on.name()
                        + (on.part() == null ? "" : "." + on.part());
                diff.add(phase, new Change("write by hand for " + object, List.of(), List.of(), new Review(Review.Kind.NOT_WRITTEN,
                        remark.message())));
            }
        }
    }

    private static boolean newTable(SchemaDiff diff, Remark.On on) {
        return diff.existing(on.schema(), on.name()).isEmpty();
    }

    /** Whether the table's column, index or constraint of that name is new (the table exists). */
    private static boolean newPart(SchemaDiff diff, Remark.On on) {
        Optional<Table> existing = diff.existing(on.schema(), on.name());
        if (existing.isEmpty()) {
            return false;
        }
        Table table = diff.afterRenames(existing.get());
        String part = on.part();
        return switch (on.kind()) {
            case COLUMN -> table.column(part).isEmpty();
            case INDEX -> table.indexes().stream().noneMatch(i -> i.name().equals(part)) && !constraint(table, part);
            default -> !constraint(table, part);
        };
    }

    private static boolean constraint(Table table, String name) {
        return table.primaryKey() != null && table.primaryKey().name().equals(name) || Stream.<List<? extends dev.retort.operation.Constraint>>of(table.foreignKeys(), table.uniques(), table.checks())
                .flatMap(List::stream).anyMatch(c -> name.equals(c.name()));
    }
}
