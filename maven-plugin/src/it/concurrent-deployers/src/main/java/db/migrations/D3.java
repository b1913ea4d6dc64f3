package db.migrations;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "d00000000003", parents = "d00000000002", message = "deployer step 3")
public final class D3 implements Migration {

    @Override
    public void upgrade(Operations op) {

        op.execute("insert into applied_log values ('d00000000003', current_setting('application_name'))");
        op.execute("select pg_sleep(0.2)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("delete from applied_log where revision = 'd00000000003'");
    }
}
