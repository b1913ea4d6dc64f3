package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "a10000000001", message = "create a")
public final class M1_CreateA implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("a", column("id", integer()).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("a");
    }
}
