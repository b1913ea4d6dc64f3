package dev.retort.postgresql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.retort.operation.Operation;
import dev.retort.platform.SqlStatement;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** Quoting and literals, checked by PostgreSQL itself reading them back. */
@PostgresTest
class PostgresDialectTest {

    private final PostgresDialect dialect = new PostgresDialect();
    private final TestDatabase db;

    PostgresDialectTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void identifiersAreQuotedOnlyWhenPostgresNeedsIt() {
        assertEquals("author", dialect.identifier("author"));
        assertEquals("\"Author\"", dialect.identifier("Author"));
        assertEquals("\"user\"", dialect.identifier("user"));
        assertEquals("\"order\"", dialect.identifier("order"));
        assertEquals("\"two words\"", dialect.identifier("two words"));
        assertEquals("\"a\"\"b\"", dialect.identifier("a\"b"));
        assertEquals("public.\"Order\"", dialect.qualified("public", "Order"));
        assertThrows(IllegalArgumentException.class, () -> dialect.identifier(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"author", "Author", "user", "select", "two words", "a\"b", "x'); drop table t; --", "ünïcode"})
    void everyQuotedIdentifierNamesExactlyThatTable(String name) {
        db.execute("create table " + dialect.identifier(name) + " (id int)");
        assertEquals(name, db.value("select relname from pg_class where oid = '" + dialect.identifier(name).replace("'", "''") + "'::regclass"));
        db.execute("drop table " + dialect.identifier(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "O'Brien", "''; drop table x; --", "back\\slash", "$$dollar$$", "line\nbreak", "?"})
    void textLiteralsReadBackUnchanged(String text) {
        assertEquals(text, db.value("select " + dialect.literal(text)));
    }

    @Test
    void otherLiteralsReadBackUnchanged() {
        UUID id = UUID.randomUUID();
        assertEquals(id.toString(), db.value("select " + dialect.literal(id) + "::uuid"));
        assertEquals("42", db.value("select " + dialect.literal(42L)));
        assertEquals("1.5", db.value("select " + dialect.literal(new java.math.BigDecimal("1.5"))));
        assertEquals("true", db.value("select " + dialect.literal(true) + "::text"));
        assertEquals(null, db.value("select " + dialect.literal(null)));
        assertEquals("\\x00ff", db.value("select " + dialect.literal(new byte[] {0, (byte) 0xff})));
        assertEquals("NaN", db.value("select " + dialect.literal(Double.NaN) + "::float8"));
    }

    @Test
    void parametersAreInlinedOutsideQuotesAndCommentsOnly() {
        SqlStatement statement = dialect.render(new Operation.ExecuteSql(
                "insert into t (a, b) values (?, '?') -- why?\n;", List.of("it's"))).get(0);
        assertEquals("insert into t (a, b) values ('it''s', '?') -- why?", dialect.inline(statement));
        assertEquals("select '{\"a\":1}'::jsonb ? 'a'", dialect.inline(new SqlStatement("select '{\"a\":1}'::jsonb ?? ?", List.of("a"))));
        assertEquals("t", db.value("select ('{\"a\":1}'::jsonb ? 'a')::text::char"));
        assertThrows(IllegalArgumentException.class, () -> dialect.inline(new SqlStatement("select ?, ?", List.of(1))));
        assertThrows(IllegalArgumentException.class, () -> dialect.inline(new SqlStatement("select ?", List.of(1, 2))));
    }
}
