package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(
        id = "1a7095dc2ff3",
        message = "create author and book",
        created = "2026-12-01T20:53:12Z"
)
public final class M1a7095dc2ff3_CreateAuthorAndBook implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("author",
                column("id", bigint()).identity(),
                column("name", varchar(200)).notNull(),
                primaryKey("author_pkey", "id"));
        op.createTable("book",
                column("author_id", bigint()).notNull(),
                column("id", bigint()).identity(),
                column("title", varchar(300)).notNull(),
                primaryKey("book_pkey", "id"),
                foreignKey("fk_book_author", "author_id").references("author", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("book");
        op.dropTable("author");
    }
}
