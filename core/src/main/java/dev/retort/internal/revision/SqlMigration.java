package dev.retort.internal.revision;

import java.util.List;

import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.command.Direction;
import dev.retort.operation.Operations;

/**
 * The migration of a SQL revision file: one {@code execute} per statement, so the runtime, offline scripts,
 * checksums and the linter treat it as any other migration.
 */
final class SqlMigration implements Migration, SqlSourced {

    private final SqlRevisionFile file;

    SqlMigration(SqlRevisionFile file) {
        this.file = file;
    }

    SqlRevisionFile file() {
        return file;
    }

    @Override
    public String path() {
        return file.path();
    }

    @Override
    public List<String> statements(Direction direction, String platform) {
        if (direction == Direction.UP) {
            return SqlRevisionFile.on(file.upgrade(), platform);
        }
        if (!file.hasDowngrade()) {
            throw new RetortException("Revision " + file.id() + " (" + file.path() + ") cannot be downgraded: the file has no "
                    + "-- retort:downgrade section. Add one with the statements that undo it, or downgrade no further than "
                    + file.id() + ".");
        }
        return SqlRevisionFile.on(file.downgrade(), platform);
    }

    @Override
    public void upgrade(Operations op) {
        statements(Direction.UP, op.platform()).forEach(op::execute);
    }

    /**
     * @throws RetortException when the file has no downgrade section; runs plan and render every step before the
     *                         first write, so nothing has run when this is thrown
     */
    @Override
    public void downgrade(Operations op) {
        statements(Direction.DOWN, op.platform()).forEach(op::execute);
    }
}
