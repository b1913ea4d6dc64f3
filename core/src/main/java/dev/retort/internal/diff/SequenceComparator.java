package dev.retort.internal.diff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.retort.operation.Column;
import dev.retort.operation.Operation;
import dev.retort.operation.Sequence;
import dev.retort.operation.SequenceOptions;
import dev.retort.platform.SchemaRules;
import dev.retort.schema.Change;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.ObjectComparator;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.Table;

/**
 * Sequences: created, altered (only the options the target sets), dropped when no column owns them, renamed after a
 * renamed table or column they were named after ({@code writer_id_seq} becomes {@code author_id_seq}, as a fresh
 * create names it), and moved past a table's values when they take over from an identity or an identity from them.
 */
final class SequenceComparator implements ObjectComparator {

    @Override
    public void compare(SchemaDiff diff) {
        Map<String, Sequence> now = SchemaDiffer.index(diff.current().sequences(), s -> s.schema() + "." + s.name());
        Map<String, Sequence> wanted = SchemaDiffer.index(diff.target().sequences(), s -> s.schema() + "." + s.name());
        wanted.forEach((key, sequence) -> {
            Sequence existing = now.get(key);
            if (existing == null) {
                create(diff, key, sequence);
            } else {
                alter(diff, key, sequence, existing);
            }
        });
        now.forEach((key, sequence) -> {
            if (!wanted.containsKey(key) && sequence.ownedBy() == null) {
                drop(diff, key, sequence);
            } else if (!wanted.containsKey(key)) {
                followOwner(diff, sequence);
            }
        });
    }

    private static void create(SchemaDiff diff, String key, Sequence sequence) {
        Operation create = new Operation.CreateSequence(sequence);
        Optional<IdentitySwitches.Switch> takesOver = IdentitySwitches.of(diff, sequence);
        if (takesOver.isEmpty()) {
            diff.add(DiffPhase.CREATE_TYPES, "create sequence " + key, create, null);
            return;
        }
        // Runs before any table rename: the table and column still have their current names.
        IdentitySwitches.Switch s = takesOver.get();
        String column = s.pair().renamedColumns().entrySet().stream().filter(e -> e.getValue().equals(s.column()))
                .map(Map.Entry::getKey).findFirst().orElse(s.column());
        String table = s.pair().existing().name();
        diff.add(DiffPhase.CREATE_TYPES, new Change("create sequence " + key + ", continuing after the largest "
                + s.pair().existing().qualifiedName() + "." + column, List.of(create, new Operation.SyncSequence(sequence.schema(),
                sequence.name(), table, column)), List.of(create.reverse().orElseThrow()), null));
    }

    private static void drop(SchemaDiff diff, String key, Sequence sequence) {
        Operation drop = new Operation.DropSequence(sequence.schema(), sequence.name(), sequence);
        Optional<IdentitySwitches.Switch> replacedBy = IdentitySwitches.of(diff, sequence);
        if (replacedBy.isEmpty()) {
            diff.add(DiffPhase.DROP_TYPES, "drop sequence " + key, drop, null);
            return;
        }
        // The downgrade re-creates it while the identity still holds the table's values: it must continue after them.
        IdentitySwitches.Switch s = replacedBy.get();
        diff.add(DiffPhase.DROP_TYPES, new Change("drop sequence " + key, List.of(drop), List.of(drop.reverse().orElseThrow(),
                new Operation.SyncSequence(sequence.schema(), sequence.name(), s.pair().wanted().name(), s.column())), null));
    }

    private static void alter(SchemaDiff diff, String key, Sequence sequence, Sequence existing) {
        SequenceOptions w = sequence.options();
        SequenceOptions e = existing.options();
        SequenceOptions[] changes = {SequenceOptions.NONE, SequenceOptions.NONE};
        option(changes, w.start(), e.start(), SequenceOptions::start);
        option(changes, w.increment(), e.increment(), SequenceOptions::increment);
        option(changes, w.minValue(), e.minValue(), SequenceOptions::minValue);
        option(changes, w.maxValue(), e.maxValue(), SequenceOptions::maxValue);
        option(changes, w.cache(), e.cache(), SequenceOptions::cache);
        option(changes, w.cycle(), e.cycle(), SequenceOptions::cycle);
        if (!changes[0].isEmpty()) {
            diff.add(DiffPhase.CREATE_TYPES, "alter sequence " + key, new Operation.AlterSequence(sequence.schema(), sequence.name(),
                    changes[0], changes[1]), null);
        }
    }

    /** Records in {@code changes} = {new values, previous values} an option the target sets to something else than the database has. */
    private static <T> void option(SequenceOptions[] changes, T wanted, T existing, BiFunction<SequenceOptions, T, SequenceOptions> with) {
        if (wanted != null && !wanted.equals(existing)) {
            changes[0] = with.apply(changes[0], wanted);
            if (existing != null) {
                changes[1] = with.apply(changes[1], existing);
            }
        }
    }

    /** An owned sequence still named after its table and column as they were takes the name a fresh create gives it. */
    private static void followOwner(SchemaDiff diff, Sequence sequence) {
        int dot = sequence.ownedBy().lastIndexOf('.');
        String table = sequence.ownedBy().substring(0, dot);
        String column = sequence.ownedBy().substring(dot + 1);
        SchemaRules rules = diff.platform().rules();
        if (!sequence.name().equals(rules.objectName(table, column, "seq"))) {
            return;
        }
        diff.current().table(sequence.schema(), table).ifPresent(owner -> {
            // Renames keep the columns in place, so the owner's column is at the same position after them.
            int position = owner.columns().stream().map(Column::name).toList().indexOf(column);
            Table renamed = diff.afterRenames(owner);
            String name = rules.objectName(renamed.name(), position < 0 ? column : renamed.columns().get(position).name(), "seq");
            if (!name.equals(sequence.name())) {
                diff.add(DiffPhase.RENAME_OBJECTS, "rename sequence " + sequence.schema() + "." + sequence.name() + " to " + name,
                        new Operation.RenameSequence(sequence.schema(), sequence.name(), name), null);
            }
        });
    }
}
