package db.migrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "b00700000002", parents = "b00700000001", message = "add email to customer")
public final class M2_AddEmail implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("customer", column("email", varchar(320)));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("customer", "email");
    }
}
