package dev.retort.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.retort.operation.Operation;

/**
 * What it takes to move a database from one schema model to another.
 *
 * @param changes the changes, in the order their upgrades must run
 */
public record Comparison(List<Change> changes) {

    public Comparison {
        changes = List.copyOf(changes);
    }

    /** Whether the models already agree. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Every upgrade operation, in order. */
    public List<Operation> upgrade() {
        List<Operation> ops = new ArrayList<>();
        changes.forEach(c -> ops.addAll(c.upgrade()));
        return ops;
    }

    /** Every downgrade operation: the changes undone in reverse order. */
    public List<Operation> downgrade() {
        List<Operation> ops = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            ops.addAll(changes.get(i).downgrade());
        }
        return ops;
    }

    /** The review notes, in change order. */
    public List<Review> reviews() {
        return changes.stream().map(Change::review).filter(Objects::nonNull).toList();
    }
}
