package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "g00000000003", parents = "r00000000001", message = "right")
public final class M3_Right implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("right_side", column("id", integer()));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("right_side");
    }
}
