package dev.retort;

import dev.retort.testing.Revs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.platform.DatabaseUrl;
import dev.retort.platform.Platforms;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

@PostgresTest
class DatabaseUrlTest {

    private final TestDatabase db;

    DatabaseUrlTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void postgresqlFormIsReadIntoJdbcUrlUserAndDecodedPassword() {
        DatabaseUrl parsed = Platforms.parseUrl("postgresql://app:s%40cret@db.example.com:6432/shop?sslmode=require");
        assertEquals("jdbc:postgresql://db.example.com:6432/shop?sslmode=require", parsed.jdbcUrl());
        assertEquals("app", parsed.user());
        assertEquals("s@cret", parsed.password());
        assertFalse(parsed.toString().contains("s@cret"));
        assertEquals("jdbc:postgresql://h/db", Platforms.parseUrl("postgres://h/db").jdbcUrl());
    }

    @Test
    void postgresqlFormConnectsWithItsCredentials() {
        String hostAndDb = db.jdbcUrl().substring("jdbc:postgresql://".length());
        String credentials = db.user() + (db.password().isEmpty() ? "" : ":" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        try (Retort retort = Retort.configure().url("postgresql://" + credentials + "@" + hostAndDb)
                .revisions(Revs.graph().rev("url001").scripts()).listener(MigrationListener.none()).load()) {
            retort.upgrade();
            assertEquals(Set.of("url001"), retort.currentHeads());
        }
        assertEquals("url001", db.value("select version_num from retort_version"));
    }

    @Test
    void aPlusInAPasswordStaysAPlusAndOddPasswordsStayMasked() {
        assertEquals("a+b", Platforms.parseUrl("postgresql://app:a+b@h/db").password());
        assertEquals("postgresql://app:***@h/db", DatabaseUrl.mask("postgresql://app:p@ss/w?rd@h/db"));
        assertFalse(DatabaseUrl.mask("postgresql://app:se/cret@h/db").contains("cret"));
    }

    @Test
    void anotherDatabaseOnTheSameServerKeepsHostAndSettings() {
        assertEquals("jdbc:postgresql://h:5433/other?ssl=true", Platforms.parseUrl("jdbc:postgresql://h:5433/shop?ssl=true").withDatabase("other").jdbcUrl());
        assertEquals("jdbc:postgresql://h/other", Platforms.parseUrl("postgresql://app:pw@h").withDatabase("other").jdbcUrl());
        assertEquals("jdbc:postgresql://h:5432/other?ssl=true", Platforms.parseUrl("jdbc:postgresql://h:5432?ssl=true").withDatabase("other").jdbcUrl());
        String own = db.jdbcUrl().replaceAll("/[^/?]*(\\?.*)?$", "/postgres$1");
        assertEquals(db.jdbcUrl(), Platforms.parseUrl(own).withDatabase(db.name()).jdbcUrl());
    }

    @Test
    void passwordsAreMaskedInBothForms() {
        assertEquals("postgresql://app:***@db.example.com:5432/shop", DatabaseUrl.mask("postgresql://app:hunter2@db.example.com:5432/shop"));
        assertEquals("jdbc:postgresql://h/db?user=app&password=***&ssl=true",
                DatabaseUrl.mask("jdbc:postgresql://h/db?user=app&password=hunter2&ssl=true"));
        assertEquals("jdbc:postgresql://h/db", DatabaseUrl.mask("jdbc:postgresql://h/db"));
    }

    @Test
    void badUrlsAreRefusedWithoutShowingThePassword() {
        RetortException unknown = assertThrows(RetortException.class, () -> Platforms.parseUrl("sqlserver://root:hunter2@h/db"));
        assertTrue(unknown.getMessage().startsWith("The database URL sqlserver://root:***@h/db is not a PostgreSQL, MariaDB, MySQL or H2 URL"),
                unknown.getMessage());
        assertFalse(unknown.getMessage().contains("hunter2"));
        assertThrows(RetortException.class, () -> Platforms.parseUrl(" "));
        RetortException userInfo = assertThrows(RetortException.class, () -> Platforms.parseUrl("jdbc:postgresql://app:hunter2@127.0.0.1/shop"));
        assertEquals("The database URL jdbc:postgresql://app:***@127.0.0.1/shop puts the user and password before the host, which a JDBC URL "
                + "does not take: write jdbc:postgresql://host:port/database?user=…&password=…, or drop the jdbc: prefix for the "
                + "postgresql://user:password@host:port/database form (DATABASE_URL's).", userInfo.getMessage());
    }

    @Test
    void anUnreachableServerIsAOneLineErrorWithoutThePassword() {
        try (Retort retort = Retort.configure().url("postgresql://app:hunter2@127.0.0.1:1/nowhere").revisions(Revs.graph().rev("x00001").scripts())
                .listener(MigrationListener.none()).load()) {
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().startsWith("Cannot connect to the database: "), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertEquals(null, db.value("select to_regclass('retort_version')::text"));
    }
}
