package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "b0070a000001", message = "create note")
public final class M1_CreateNote implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("note", column("id", bigint()).identity(), column("text", varchar(500)).notNull(), primaryKey("note_pkey", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("note");
    }
}
