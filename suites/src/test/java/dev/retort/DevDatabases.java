package dev.retort;

import java.util.ArrayList;
import java.util.List;

import dev.retort.testing.TestDatabase;

/**
 * A listener that remembers the scratch databases a dev database created, so a test can check its own were dropped
 * while other test classes create theirs on the same server.
 */
public final class DevDatabases implements MigrationListener {

    private final List<String> created = new ArrayList<>();

    /** The test server as a dev database: its URL with the credentials in it. */
    public static String scratchServer(TestDatabase db) {
        return db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user()
                + (db.password() == null || db.password().isEmpty() ? "" : "&password=" + db.password());
    }

    @Override
    public synchronized void note(String message) {
        if (message.startsWith("Created dev database ")) {
            created.add(message.split(" ")[3]);
        }
    }

    /** The scratch databases created through this listener that still exist; fails when none was created. */
    public synchronized List<String> left(TestDatabase db) {
        if (created.isEmpty()) {
            throw new AssertionError("no dev database was created");
        }
        return db.column("select datname from pg_database").stream().filter(created::contains).toList();
    }
}
