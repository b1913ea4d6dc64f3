package dev.retort.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.testing.TestDatabase;

/**
 * What the old and the new version of {@code Person} write between the expand and the contract of {@code name} renamed
 * to {@code full_name}: each inserts and updates through its own column, and the other column follows.
 */
final class RenameWrites {

    private RenameWrites() {
    }

    /** Writes as both versions would, on rows 1 and 2 and two new ones, and asserts each write reached the other column. */
    static void bothVersionsWrite(TestDatabase db) {
        db.execute("insert into person (id, name, nickname, email) values (100001, 'written by v1', 'old', 'v1@example.com')");
        db.execute("insert into person (id, full_name, email) values (100002, 'written by v2', 'v2@example.com')");
        db.execute("update person set name = 'renamed by v1' where id = 1");
        db.execute("update person set full_name = 'renamed by v2' where id = 2");
        assertEquals("written by v1", db.value("select full_name from person where id = 100001"));
        assertEquals("written by v2", db.value("select name from person where id = 100002"));
        assertEquals("renamed by v1", db.value("select full_name from person where id = 1"));
        assertEquals("renamed by v2", db.value("select name from person where id = 2"));
    }
}
