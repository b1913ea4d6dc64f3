package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "l00000000002", parents = "r00000000001", message = "left")
public final class M2_Left implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("left_side", column("id", integer()));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("left_side");
    }
}
