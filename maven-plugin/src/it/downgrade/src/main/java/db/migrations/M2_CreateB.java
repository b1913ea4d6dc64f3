package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "b20000000002", parents = "a10000000001", message = "create b")
public final class M2_CreateB implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("b", column("id", integer()).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("b");
    }
}
