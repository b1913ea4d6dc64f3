package dev.retort.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.Catalog;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * A connection that can only read (a hot standby, or a role with {@code default_transaction_read_only}) is told to
 * migrate the primary, and nothing is applied.
 */
@PostgresTest
class ReadOnlyConnectionTest {

    private final TestDatabase db;

    ReadOnlyConnectionTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void aReadOnlyRoleIsToldToMigrateThePrimaryAndNothingIsApplied() {
        String role = "retort_readonly_" + Long.toHexString(System.nanoTime());
        db.execute("create role " + role + " login");
        try {
            // Privileges are not what stops it: the role could create everything, were its transactions not read-only.
            db.execute("grant all on schema public to " + role);
            db.execute("alter role " + role + " set default_transaction_read_only = on");
            List<String> before = Catalog.snapshot(db);
            RetortException e = assertThrows(RetortException.class, () -> {
                try (Retort retort = Retort.configure().url(db.jdbcUrl()).user(role).migrationsPackage("dev.retort.fixtures.linear")
                        .listener(MigrationListener.none()).load()) {
                    retort.upgrade();
                }
            });
            assertTrue(e.getMessage().contains("read-only transaction"), e.getMessage());
            assertTrue(e.getMessage().endsWith("The connection is read-only (a hot standby, or default_transaction_read_only): "
                    + "migrate the primary."), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertNull(db.value("select to_regclass('retort_version')::text"), "nothing was applied, not even Retort's tables");
            assertEquals(before, Catalog.snapshot(db));
        } finally {
            db.execute("drop owned by " + role);
            db.execute("drop role " + role);
        }
    }
}
