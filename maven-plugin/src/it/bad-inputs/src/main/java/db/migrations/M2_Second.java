package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "aab222222222", parents = "aaa111111111", message = "second")
public final class M2_Second implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("b", column("id", integer()));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("b");
    }
}
