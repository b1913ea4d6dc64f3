package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "b00700000001", message = "create customer")
public final class M1_CreateCustomer implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("customer", column("id", bigint()).identity(), column("name", varchar(100)).notNull(), primaryKey("customer_pkey", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("customer");
    }
}
