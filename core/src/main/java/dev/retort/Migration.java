package dev.retort;

import dev.retort.operation.Operations;

/**
 * One revision of the schema. Implementations are annotated with {@link Revision} and describe their
 * changes through the {@link Operations} they are handed; the runtime renders and runs them.
 */
public interface Migration {

    /** Records the operations that move the schema from the parent revision(s) to this one. */
    void upgrade(Operations op);

    /** Records the operations that undo {@link #upgrade}. */
    void downgrade(Operations op);
}
