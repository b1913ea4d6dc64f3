package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "r00000000001", message = "root")
public final class M1_Root implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("root", column("id", integer()));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("root");
    }
}
