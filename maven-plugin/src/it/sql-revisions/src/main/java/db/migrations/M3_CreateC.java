package db.migrations;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

/** A Java revision after a SQL one. */
@Revision(id = "c30000000003", parents = "b20000000002", message = "create c")
public final class M3_CreateC implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("create table c (id int)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("drop table c");
    }
}
