package db.migrations;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

/** Builds the index without locking writes, which PostgreSQL allows only outside a transaction. */
@Revision(id = "3e4f5a6b7c8d", parents = "7c8d9e0f1a2b", message = "index book title", created = "2026-11-22T09:00:00Z",
        transactional = false)
public final class M3e4f5a6b7c8d_IndexBookTitle implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("create index concurrently if not exists ix_book_title on book (title)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("drop index concurrently if exists ix_book_title");
    }
}
