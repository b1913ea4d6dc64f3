package dev.retort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.retort.runtime.MigrationListener;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

@PostgresTest
class DatabaseUrlTest {

    private final TestDatabase db;

    DatabaseUrlTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void postgresqlFormCarriesCredentialsAndConnects() {
        String jdbc = db.jdbcUrl();
        String hostAndDb = jdbc.substring("jdbc:postgresql://".length());
        String url = "postgresql://" + db.user() + ":s%40cret@" + hostAndDb;
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        assertEquals(jdbc, parsed.jdbcUrl());
        assertEquals(db.user(), parsed.user());
        assertEquals("s@cret", parsed.password());
        assertFalse(parsed.toString().contains("s@cret"));
        if (db.password().isEmpty()) {
            // The server trusts this user, so the URL's password is not checked: the connection proves the parse.
            try (Retort retort = Retort.configure().url(url).revisions(Revs.graph().rev("url001").scripts())
                    .listener(MigrationListener.none()).load()) {
                retort.upgrade();
                assertEquals(Set.of("url001"), retort.currentHeads());
            }
        }
        assertEquals("url001", db.value("select version_num from retort_version"));
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
        RetortException mysql = assertThrows(RetortException.class, () -> DatabaseUrl.parse("mysql://root:hunter2@h/db"));
        assertTrue(mysql.getMessage().startsWith("The database URL mysql://root:***@h/db is not a PostgreSQL URL"), mysql.getMessage());
        assertFalse(mysql.getMessage().contains("hunter2"));
        assertThrows(RetortException.class, () -> DatabaseUrl.parse(" "));
    }

    @Test
    void anUnreachableServerIsAOneLineErrorWithoutThePassword() {
        try (Retort retort = Retort.configure().url("postgresql://app:hunter2@127.0.0.1:1/nowhere").revisions(Revs.graph().rev("x00001").scripts())
                .listener(MigrationListener.none()).load()) {
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().startsWith("The migration run could not talk to the database: "), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertEquals(null, db.value("select to_regclass('retort_version')::text"));
    }
}
