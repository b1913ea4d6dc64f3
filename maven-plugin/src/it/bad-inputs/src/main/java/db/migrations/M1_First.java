package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "aaa111111111", message = "first")
public final class M1_First implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("a", column("id", integer()));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("a");
    }
}
