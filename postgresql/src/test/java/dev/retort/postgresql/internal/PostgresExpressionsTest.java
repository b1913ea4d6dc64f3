package dev.retort.postgresql.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * Expressions as an entity writes them and as PostgreSQL stores them compare equal, each checked against the form the
 * server itself stores; expressions that mean something else do not.
 */
@PostgresTest
class PostgresExpressionsTest {

    private static final String TABLE = "create table sample (a integer, b integer, code integer, amount numeric(10, 2), name varchar(40), "
            + "status varchar(20), kind char(1), starts date, flag boolean)";

    private final TestDatabase db;

    PostgresExpressionsTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aCheckAsWrittenEqualsTheFormPostgresqlStores() {
        db.reset();
        db.execute(TABLE);
        List<String> written = List.of("code > 0", "a>=-3", "b in (-1622886005,8,8)", "status in ('A','B')", "status not in ('X')",
                "a between -1 and 5", "a not between 0 and 2", "amount >= 0.00", "name like 'a%'", "name is not null",
                "(a >= 0) and (b <= 10) and (code <> 3)", "a + b * 2 > code", "char_length(name) > 0", "kind = 'Y'",
                "starts > date '2020-01-01'", "flag = true or a is null", "lower(name) <> 'x' and -a < 4",
                "case when a > 0 then b else code end > 1");
        for (int i = 0; i < written.size(); i++) {
            db.execute("alter table sample add constraint c" + i + " check (" + written.get(i) + ")");
            String stored = db.value("select pg_get_expr(conbin, conrelid) from pg_constraint where conname = 'c" + i + "'");
            String readable = PostgresExpressions.readable(stored);
            assertTrue(PostgresExpressions.same(written.get(i), stored), written.get(i) + " must equal PostgreSQL's " + stored);
            assertTrue(PostgresExpressions.same(readable, written.get(i)), written.get(i) + " must equal its readable form " + readable);
        }
    }

    @Test
    void aDefaultAsWrittenEqualsTheFormPostgresqlStores() {
        db.reset();
        db.execute(TABLE);
        List<String[]> defaults = List.of(new String[] {"a", "-1"}, new String[] {"amount", "0"}, new String[] {"name", "'n/a'"},
                new String[] {"starts", "current_date"}, new String[] {"flag", "false"}, new String[] {"b", "null"}, new String[] {"name", "null"});
        for (String[] column : defaults) {
            db.execute("alter table sample alter column " + column[0] + " set default " + column[1]);
            String stored = db.value("select coalesce(pg_get_expr(d.adbin, d.adrelid), '(none)') from pg_attribute a left join pg_attrdef d "
                    + "on d.adrelid = a.attrelid and d.adnum = a.attnum where a.attrelid = 'sample'::regclass and a.attname = '" + column[0] + "'");
            assertTrue(PostgresExpressions.same(column[1], "(none)".equals(stored) ? null : stored), column[1] + " must equal PostgreSQL's " + stored);
        }
    }

    @Test
    void expressionsThatMeanSomethingElseDiffer() {
        List<String[]> different = List.of(new String[] {"code > 0", "(code < 0)"}, new String[] {"a >= -3", "(a >= 3)"},
                new String[] {"a - b > 0", "((b - a) > 0)"}, new String[] {"status in ('A','B')", "status IN ('A', 'C')"},
                new String[] {"a > 0 and b > 0", "((a > 0) OR (b > 0))"}, new String[] {"name like 'a%'", "(name ~~* 'a%'::text)"},
                new String[] {"a is null", "(a IS NOT NULL)"}, new String[] {"-1", "1"}, new String[] {"0", null});
        for (String[] pair : different) {
            assertFalse(PostgresExpressions.same(pair[0], pair[1]), pair[0] + " must differ from " + pair[1]);
        }
        assertTrue(PostgresExpressions.same("(a > 0) AND (b > 0)", "(b > 0) AND (a > 0)"));
        assertTrue(PostgresExpressions.same("-3", "'-3'::integer"));
    }
}
