package dev.retort.internal.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.retort.platform.Platforms;
import dev.retort.platform.ScriptPiece;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.revision.RevisionGraphException;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** The SQL revision file format: its header, and statements split as psql splits them (run on PostgreSQL to prove it). */
@PostgresTest
class SqlRevisionFileTest {

    private final TestDatabase db;

    SqlRevisionFileTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    /** SQL revision files are split by the lexer of the database they run on; these run on PostgreSQL. */
    private static final ScriptSplitter POSTGRESQL = ScriptSplitter.of(Platforms.named("postgresql").dialect());

    private static List<String> split(String sql) {
        return Platforms.named("postgresql").dialect().splitScript(sql).stream().map(p -> ((ScriptPiece.Statement) p).sql()).toList();
    }

    private static SqlRevisionFile parse(String path, String text) {
        return SqlRevisionFile.parse(path, text, POSTGRESQL);
    }

    @Test
    void semicolonsInsideQuotesDollarQuotesAndCommentsDoNotEndAStatement() {
        String sql = """
                -- leading comment; dropped
                create table t (a text, "odd;name" text);
                insert into t values ('semi; -- not a comment', 'x''y;');
                insert into t values (E'back\\'slash; -- still a string', $$dollar; 'quoted' -- text$$);
                /* outer /* nested; */ still; comment */
                insert into t values ($tag$ $$ inner; $$ $tag$, U&'d\\0061ta;');
                create function f() returns int language plpgsql as $fn$
                begin
                    -- a comment; inside
                    return 1;
                end;
                $fn$;
                select 1 -- trailing comment; then the semicolon on the next line
                ;
                """;
        List<String> statements = split(sql);
        assertEquals(List.of(
                "create table t (a text, \"odd;name\" text)",
                "insert into t values ('semi; -- not a comment', 'x''y;')",
                "insert into t values (E'back\\'slash; -- still a string', $$dollar; 'quoted' -- text$$)",
                "insert into t values ($tag$ $$ inner; $$ $tag$, U&'d\\0061ta;')",
                "create function f() returns int language plpgsql as $fn$\nbegin\n    -- a comment; inside\n    return 1;\nend;\n$fn$",
                "select 1"), statements);
        for (String statement : statements) {
            db.execute(statement);
        }
        assertEquals(List.of(" $$ inner; $$ |data;", "back'slash; -- still a string|dollar; 'quoted' -- text",
                "semi; -- not a comment|x'y;"), db.column("select a || '|' || \"odd;name\" from t order by a collate \"C\""));
        assertEquals("1", db.value("select f()::text"));
    }

    @Test
    void aSqlStandardFunctionBodyHoldsItsSemicolonsAsPsqlDoes() {
        List<String> statements = split("""
                create table n (v int);
                create or replace function total() returns int language sql
                begin atomic
                    select case when true then 1 end;
                end;
                create procedure p() language sql begin atomic insert into n values (1); insert into n values (2); end;
                call p();
                """);
        assertEquals(4, statements.size(), statements.toString());
        assertTrue(statements.get(1).endsWith("end"), statements.get(1));
        statements.forEach(db::execute);
        assertEquals("2", db.value("select count(*)::text from n"));
    }

    @Test
    void aLastStatementWithoutSemicolonIsAStatementAndBlankPiecesAreNone() {
        assertEquals(List.of("select 1", "select 2"), split(";;\n  select 1;\n;\nselect 2\n-- the end\n"));
        assertEquals(List.of(), split("-- only a comment\n/* and another */\n"));
    }

    @Test
    void theHeaderDeclaresTheRevisionAndTheDowngradeSectionFollowsItsMarker() {
        SqlRevisionFile file = parse("db/migrations/merge.sql", "\uFEFF-- retort:revision id=abc123 parents=p1,p2\r\n"
                + "-- retort:message Merge two branches\r\n-- retort:created 2026-11-30T09:00:00Z\r\n-- retort:transactional false\r\n"
                + "create index concurrently ix on t (a);\r\n-- retort:downgrade\r\ndrop index concurrently ix;\r\n");
        assertEquals("abc123", file.id());
        assertEquals(List.of("p1", "p2"), file.parents());
        assertEquals("Merge two branches", file.message());
        assertEquals("2026-11-30T09:00:00Z", file.created());
        assertFalse(file.transactional());
        assertEquals(List.of("create index concurrently ix on t (a)"), SqlRevisionFile.on(file.upgrade(), "postgresql"), "CRLF reads as LF");
        assertEquals(List.of("drop index concurrently ix"), SqlRevisionFile.on(file.downgrade(), "postgresql"));

        SqlRevisionFile root = parse("r.sql", "--retort:revision id=r1\nselect 1;\n");
        assertEquals(List.of(), root.parents());
        assertTrue(root.transactional(), "transactional by default");
        assertNull(root.downgrade(), "no downgrade section");
        assertEquals(List.of(), parse("e.sql", "-- retort:revision id=e1\n-- retort:downgrade\n").downgrade(),
                "an empty downgrade section is a downgrade that does nothing");
    }

    @Test
    void aMalformedFileIsAOneLineErrorNamingTheFileTheLineAndTheProblem() {
        assertProblem("-- retort:message x\nselect 1;", "The SQL revision f.sql is not valid: it has no revision id");
        assertProblem("-- retort:revision id=a1\n-- retort:mesage x\n", "line 2: unknown header key 'mesage'; the keys are revision");
        assertProblem("-- retort:revision id=a-1\n", "line 1: id 'a-1' may contain only letters, digits and underscores");
        assertProblem("-- retort:revision id=a1 parents=b1, c1\n", "line 1: -- retort:revision has 'c1'");
        assertProblem("-- retort:revision id=head\n", "line 1: id 'head' is a reserved target name");
        assertProblem("-- retort:revision id=a1 id=a2\n", "line 1: -- retort:revision gives id twice");
        assertProblem("-- retort:revision id=a1\n-- retort:message tab\there\n", "line 2: the message has a control character");
        assertProblem("-- retort:revision id=a1\n-- retort:message x\u0085y\n", "line 2: the message has a control character");
        assertProblem("-- retort:revision id=a1\n-- retort:transactional maybe\n", "line 2: transactional is 'maybe'; give true or false");
        assertProblem("-- retort:revision id=a1\n-- retort:created yesterday\n", "line 2: created is 'yesterday'");
        assertProblem("-- retort:revision id=a1\nselect 1;\n-- retort:message late\n", "line 3: -- retort:message comes after the first statement");
        assertProblem("-- retort:revision id=a1\n-- retort:downgrade\n-- retort:downgrade\n", "line 3: a second -- retort:downgrade line");
        assertProblem("-- retort:revision id=a1\nselect 'open;\n", "line 2: a quoted string (') is not closed");
        assertProblem("-- retort:revision id=a1\nselect $x$ open;\n", "line 2: the dollar-quoted string $x$ is not closed");
        assertProblem("-- retort:revision id=a1\n/* open /* nested */\n", "line 2: a /* comment is not closed");
        assertProblem("-- retort:revision id=a1\n-- retort:platform\nselect 1;\n", "line 2: -- retort:platform names no database");
        assertProblem("-- retort:revision id=a1\n-- retort:platform not\n", "line 2: -- retort:platform names no database");
        assertProblem("-- retort:revision id=a1\n-- retort:platform mariadb mysql\n", "line 2: -- retort:platform has 'mariadb mysql', not a platform id");
        assertProblem("-- retort:revision id=a1\n\\i other.sql\n", "line 2: backslash commands (\\i) belong to a command-line client and are not supported");
    }

    private static void assertProblem(String text, String expected) {
        RevisionGraphException e = assertThrows(RevisionGraphException.class, () -> parse("f.sql", text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("The SQL revision f.sql is not valid: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
