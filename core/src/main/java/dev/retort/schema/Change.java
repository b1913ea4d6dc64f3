package dev.retort.schema;

import java.util.List;

/**
 * One logical change found by the comparison: the operations that make it, those that undo it, and
 * an optional note for review (what autogenerate could not settle; dangers are lint findings).
 *
 * @param summary   one line for the console, e.g. {@code add column author.email}
 * @param upgrade   operations that make the change
 * @param downgrade operations that undo it, in the order to run them
 * @param review    what a person should confirm or finish, or null
 */
public record Change(String summary, List<dev.retort.operation.Operation> upgrade, List<dev.retort.operation.Operation> downgrade,
                     Review review) {

    public Change {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }
}
