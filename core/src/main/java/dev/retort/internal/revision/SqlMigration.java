package dev.retort.internal.revision;

import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.operation.Operations;

/**
 * The migration of a SQL revision file: one {@code execute} per statement, so the runtime, offline scripts,
 * checksums and the linter treat it as any other migration.
 */
final class SqlMigration implements Migration {

    private final SqlRevisionFile file;

    SqlMigration(SqlRevisionFile file) {
        this.file = file;
    }

    SqlRevisionFile file() {
        return file;
    }

    @Override
    public void upgrade(Operations op) {
        file.upgrade().forEach(op::execute);
    }

    /**
     * @throws RetortException when the file has no downgrade section; runs plan and render every step before the
     *                         first write, so nothing has run when this is thrown
     */
    @Override
    public void downgrade(Operations op) {
        if (!file.hasDowngrade()) {
            throw new RetortException("Revision " + file.id() + " (" + file.path() + ") cannot be downgraded: the file has no "
                    + "-- retort:downgrade section. Add one with the statements that undo it, or downgrade no further than "
                    + file.id() + ".");
        }
        file.downgrade().forEach(op::execute);
    }
}
