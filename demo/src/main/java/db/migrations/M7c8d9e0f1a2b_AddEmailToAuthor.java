package db.migrations;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.operation.Operations;

@Revision(id = "7c8d9e0f1a2b", parents = "1a2b3c4d5e6f", message = "add email to author", created = "2026-11-21T09:00:00Z")
public final class M7c8d9e0f1a2b_AddEmailToAuthor implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("alter table author add column email varchar(320)");
        op.execute("insert into author (name, email) values (?, ?)", "Ursula K. Le Guin", "ursula@example.org");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("alter table author drop column email");
    }
}
