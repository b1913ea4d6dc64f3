package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "b0070a000002", parents = "b0070a000001", message = "add author to note")
public final class M2_AddAuthor implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("note", column("author", varchar(100)));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("note", "author");
    }
}
