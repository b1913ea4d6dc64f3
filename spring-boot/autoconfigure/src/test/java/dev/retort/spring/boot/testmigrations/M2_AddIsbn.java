package dev.retort.spring.boot.testmigrations;

import static dev.retort.operation.Types.*;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "b0070b000002", parents = "b0070b000001", message = "add isbn to book")
public final class M2_AddIsbn implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("book", column("isbn", varchar(20)));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("book", "isbn");
    }
}
