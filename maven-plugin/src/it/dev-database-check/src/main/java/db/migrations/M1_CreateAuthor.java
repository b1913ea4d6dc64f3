package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "c10000000001", message = "create author")
public final class M1_CreateAuthor implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("author",
                column("id", bigint()).identity(),
                column("name", varchar(200)).notNull(),
                primaryKey("author_pkey", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("author");
    }
}
