package dev.retort.lint;

import java.util.List;

import dev.retort.operation.Operation;

/**
 * How to make one operation safely: what runs in its own revision instead, and what moves to a following revision
 * that runs outside a transaction (statements that must commit one by one: an index built {@code CONCURRENTLY}, a
 * constraint validated after it was added unvalidated).
 *
 * @param upgrade         what the revision runs instead of the operation
 * @param downgrade       what undoes {@code upgrade}, in order
 * @param laterUpgrade    what the following revision runs
 * @param laterDowngrade  what undoes {@code laterUpgrade}, in order
 * @param note            what a person must add to the following revision (a backfill), or null
 */
public record SafeForm(List<Operation> upgrade, List<Operation> downgrade, List<Operation> laterUpgrade, List<Operation> laterDowngrade,
                       String note) {

    public SafeForm {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        laterUpgrade = List.copyOf(laterUpgrade);
        laterDowngrade = List.copyOf(laterDowngrade);
    }
}
