package db.migrations;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "d00000000001", message = "deployer step 1")
public final class D1 implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("create table applied_log (revision text not null, runner text not null)");
        op.execute("insert into applied_log values ('d00000000001', current_setting('application_name'))");
        op.execute("select pg_sleep(0.2)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("delete from applied_log where revision = 'd00000000001'");
    }
}
