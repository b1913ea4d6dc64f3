package dev.retort.internal.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.operation.Column;
import dev.retort.operation.Sequence;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.TablePair;

/**
 * Columns whose values change generator: an identity replaced by a sequence (Hibernate's {@code IDENTITY} to
 * {@code SEQUENCE} strategy) or the other way round. The new generator starts at its first value while the table
 * holds rows, so the comparison moves it past them; for that it pairs the column with the sequence created or dropped
 * alongside, named after the table ({@code author_seq} for {@code author}), when the pairing is unambiguous.
 */
final class IdentitySwitches {

    /** A column of a table pair that gains or loses its identity, under its target name. */
    record Switch(TablePair pair, String column, boolean toIdentity) {
    }

    private IdentitySwitches() {
    }

    static List<Switch> all(SchemaDiff diff) {
        List<Switch> switches = new ArrayList<>();
        for (TablePair pair : diff.pairs()) {
            for (Column wanted : pair.wanted().columns()) {
                diff.afterRenames(pair.existing()).column(wanted.name()).ifPresent(old -> {
                    if ((old.identityGeneration() == null) != (wanted.identityGeneration() == null)) {
                        switches.add(new Switch(pair, wanted.name(), wanted.identityGeneration() != null));
                    }
                });
            }
        }
        return switches;
    }

    /** The sequence this comparison creates to take over from an identity, or the one it drops for an identity. */
    static Optional<Sequence> sequenceOf(SchemaDiff diff, Switch change) {
        SchemaModel from = change.toIdentity() ? diff.current() : diff.target();
        SchemaModel other = change.toIdentity() ? diff.target() : diff.current();
        String schema = change.pair().wanted().schema();
        long switching = all(diff).stream().filter(s -> s.pair() == change.pair() && s.toIdentity() == change.toIdentity()).count();
        List<Sequence> candidates = from.sequences().stream()
                .filter(s -> s.ownedBy() == null && s.schema().equals(schema) && belongsTo(s, change.pair())
                        && other.sequences().stream().noneMatch(o -> o.schema().equals(s.schema()) && o.name().equals(s.name())))
                .toList();
        return switching == 1 && candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** The switch a sequence created or dropped by this comparison takes part in, if any. */
    static Optional<Switch> of(SchemaDiff diff, Sequence sequence) {
        return all(diff).stream().filter(s -> sequenceOf(diff, s).filter(sequence::equals).isPresent()).findFirst();
    }

    private static boolean belongsTo(Sequence sequence, TablePair pair) {
        return sequence.name().startsWith(pair.wanted().name() + "_") || sequence.name().startsWith(pair.existing().name() + "_");
    }
}
