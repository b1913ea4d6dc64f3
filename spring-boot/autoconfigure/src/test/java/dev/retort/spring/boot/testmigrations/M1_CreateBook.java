package dev.retort.spring.boot.testmigrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "b0070b000001", message = "create book")
public final class M1_CreateBook implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("book", column("id", bigint()).identity(), column("title", varchar(200)).notNull(), primaryKey("book_pkey", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("book");
    }
}
