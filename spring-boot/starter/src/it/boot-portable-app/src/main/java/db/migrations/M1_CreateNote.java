package db.migrations;

import static dev.retort.operation.Types.bigint;
import static dev.retort.operation.Types.column;
import static dev.retort.operation.Types.primaryKey;
import static dev.retort.operation.Types.timestampWithZone;
import static dev.retort.operation.Types.varchar;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

/** Portable types only: each database renders them in its own words. */
@Revision(id = "b0070a000001", message = "create note")
public final class M1_CreateNote implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("note", column("id", bigint()).identity(), column("text", varchar(500)).notNull(),
                column("created_at", timestampWithZone(6)).notNull(), primaryKey("note_pkey", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("note");
    }
}
