package dev.retort.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The last source of test databases: an embedded PostgreSQL, which needs nothing but a JDK. */
class EmbeddedSourceTest {

    @Test
    void anEmbeddedServerGivesFreshDatabasesLikeAnyOtherSource() {
        PostgresServer server = PostgresServer.locate(Map.of("RETORT_TEST_DB", "embedded"));
        assertEquals(ServerSource.EMBEDDED, server.source());
        TestDatabase db = server.createDatabase("EmbeddedSourceTest");
        try {
            assertEquals(ServerSource.EMBEDDED, db.source());
            assertTrue(db.jdbcUrl().startsWith("jdbc:postgresql://localhost:"), db.jdbcUrl());
            assertTrue(db.value("show server_version").startsWith("17."), "the binaries BOM pins PostgreSQL 17");
            db.execute("create table t (id int)");
            assertTrue(db.tableExists("t"));
        } finally {
            server.dropDatabase(db);
        }
        TestDatabase other = server.createDatabase("other");
        assertEquals("0", other.value("select count(*) from pg_database where datname = '" + db.name() + "'"), "dropped");
        server.dropDatabase(other);
    }

    @Test
    void anUnknownForcedSourceNamesTheChoices() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PostgresServer.locate(Map.of("RETORT_TEST_DB", "docker")));
        assertEquals("RETORT_TEST_DB is 'docker'; use url, local, container or embedded.", e.getMessage());
    }
}
