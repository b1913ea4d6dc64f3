package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.lint.Finding;
import dev.retort.lint.Severity;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * Generated changes applied to tables that hold rows, as in production: type changes PostgreSQL cannot convert on its
 * own (each way, with the USING expression generate writes), and a NOT NULL field added to an entity.
 */
@PostgresTest
class ChangesWithRowsTest {

    private static final String IMPORTS = "import jakarta.persistence.*;\nimport java.util.*;\nimport org.hibernate.annotations.JdbcTypeCode;\n"
            + "import org.hibernate.type.SqlTypes;\n";
    private static final String DOC = "@Entity public class Doc { @Id Long id; %s }";

    private final TestDatabase db;

    ChangesWithRowsTest(TestDatabase db) {
        this.db = db;
    }

    private static SchemaModel entities(Path dir, String version, String... classes) {
        java.util.Map<String, String> sources = new java.util.LinkedHashMap<>();
        String pkg = "rows." + version;
        for (String body : classes) {
            sources.put(pkg + "." + body.replaceAll("(?s).*?\\bclass\\s+(\\w+).*", "$1"), "package " + pkg + ";\n" + IMPORTS + body);
        }
        return HibernateSchemaReader.read(JavaSources.compile(dir, sources), Map.of());
    }

    static Stream<Arguments> conversions() {
        return Stream.of(
                Arguments.of("varchar to integer", "@Column(length = 20) String v;", "Integer v;", "'42'", "42", "42"),
                Arguments.of("smallint to varchar (an ORDINAL enum's downgrade)", "Short v;", "@Column(length = 10) String v;", "3", "3", "3"),
                Arguments.of("text to jsonb", "@Column(columnDefinition = \"text\") String v;",
                        "@JdbcTypeCode(SqlTypes.JSON) Map<String, Object> v;", "'{\"a\": 1}'", "{\"a\": 1}", "{\"a\": 1}"),
                Arguments.of("text to a large object (@Lob)", "@Column(columnDefinition = \"text\") String v;", "@Lob String v;", "'hello'",
                        "hello", "hello"),
                Arguments.of("boolean to integer", "Boolean v;", "Integer v;", "true", "1", "true"),
                Arguments.of("boolean to smallint", "Boolean v;", "Short v;", "false", "0", "false"),
                Arguments.of("integer to boolean", "Integer v;", "Boolean v;", "2", "true", "1"),
                Arguments.of("numeric to boolean", "@Column(precision = 10, scale = 2) java.math.BigDecimal v;", "Boolean v;", "0.5", "true",
                        "1.00"),
                Arguments.of("text to bytea", "@Column(columnDefinition = \"text\") String v;", "byte[] v;", "'h\u00e9llo'", "h\u00e9llo",
                        "h\u00e9llo"),
                Arguments.of("bytea to a large object (@Lob)", "byte[] v;", "@Lob byte[] v;", "convert_to('h\u00e9llo', 'UTF8')", "h\u00e9llo",
                        "h\u00e9llo"),
                Arguments.of("a large object (@Lob) to bytea", "@Lob byte[] v;", "byte[] v;", "lo_from_bytea(0, convert_to('hello', 'UTF8'))",
                        "hello", "hello"),
                Arguments.of("one enum type to another", "public enum Status { ACTIVE, RETIRED } "
                                + "@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Status v;",
                        "public enum Mood { ACTIVE, CALM } @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood v;", "'ACTIVE'",
                        "ACTIVE", "ACTIVE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversions")
    void aTypeChangeConvertsTheRowsBothWays(String name, String before, String after, String value, String upgraded, String restored,
                                            @TempDir Path work) {
        db.reset();
        Convergence c = new Convergence(db, work);
        c.generate(entities(work.resolve("v1"), "v1", DOC.formatted(before)), "version one");
        c.upgrade();
        // A NULL must stay NULL both ways, whatever the conversion expression.
        db.execute("insert into doc (id, v) values (1, " + value + "), (2, null)");
        SchemaModel v2 = entities(work.resolve("v2"), "v2", DOC.formatted(after));
        Generated generated = c.generate(v2, name);
        assertTrue(generated.source().contains(".from("), "the call says the type before, for lint and the reverse: " + generated.source());
        c.upgrade();
        try (Retort retort = c.retort()) {
            // Lint judges the compiled migration, run from its parent as a deploy would, as it judged the generated operations.
            List<String> rules = retort.lint(java.util.Set.copyOf(generated.parents()), "heads").findings().stream()
                    .filter(f -> f.revision().equals(generated.revision()))
                    .map(Finding::rule).toList();
            assertEquals(generated.findings().stream().map(Finding::rule).toList(), rules);
        }
        c.assertNoChanges(v2);
        assertEquals(upgraded, value(), generated.source());
        assertEquals("1", db.value("select count(*) from doc where v is null"), generated.source());
        try (Retort retort = c.retort()) {
            retort.downgrade("-1");
        }
        assertEquals(restored, value(), generated.source());
        assertEquals("1", db.value("select count(*) from doc where v is null"), generated.source());
    }

    /** The value of row 1 as text: bytes and large objects are read as the UTF-8 text they hold. */
    private String value() {
        String type = db.value("select data_type from information_schema.columns where table_name = 'doc' and column_name = 'v'");
        String read = switch (type) {
            case "oid" -> "convert_from(lo_get(v), 'UTF8')";
            case "bytea" -> "convert_from(v, 'UTF8')";
            default -> "v::text";
        };
        return db.value("select " + read + " from doc where id = 1");
    }

    @Test
    void aTypeChangeWithNoKnownConversionIsLeftToAPersonWithANoteAndAnErrorAndRunsOnceTheExpressionIsWritten(@TempDir Path work)
            throws IOException {
        db.reset();
        Convergence c = new Convergence(db, work);
        c.generate(entities(work.resolve("v1"), "v1", DOC.formatted("java.time.LocalDate v;")), "version one");
        c.upgrade();
        db.execute("insert into doc (id, v) values (1, date '2026-12-01'), (2, null)");
        SchemaModel v2 = entities(work.resolve("v2"), "v2", DOC.formatted("java.time.LocalTime v;"));

        Generated generated = c.generate(v2, "date becomes time");
        String source = generated.source();
        assertTrue(source.contains("// REVIEW (write by hand): column public.doc.v changes from date to time(0), which PostgreSQL cannot "
                + "convert on its own and Retort knows no expression for: add .using(\"\u2026\") to the upgrade's alterColumnType with the "
                + "conversion of v"), source);
        assertTrue(source.contains("and to the downgrade's alterColumnType (from time(0) back to date)"), source);
        assertTrue(source.contains("op.alterColumnType(\"doc\", \"v\", time(0)).from(date());"), source);
        assertTrue(source.contains("op.alterColumnType(\"doc\", \"v\", date()).from(time(0));"), source);
        List<Finding> missing = generated.findings().stream().filter(f -> f.rule().equals("missing-using")).toList();
        assertEquals(List.of("up", "down"), missing.stream().map(f -> f.direction().label()).toList(), source);
        missing.forEach(f -> assertEquals(Severity.ERROR, f.severity()));
        assertTrue(missing.get(0).problem().startsWith("PostgreSQL cannot convert public.doc.v from date to time(0) on its own"),
                missing.get(0).problem());
        assertEquals("Add .using(\"\u2026\") with an expression that converts v to the new type.", missing.get(0).safeAlternative());
        assertTrue(source.contains("// LINT missing-using (error): PostgreSQL cannot convert public.doc.v from date to time"), source);

        // As generated, the revision fails as lint says, and leaves the database at version one.
        try (Retort retort = c.retort()) {
            RuntimeException failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, retort::upgrade);
            assertTrue(messages(failure).contains("cannot be cast automatically"), messages(failure));
        }
        assertEquals("date", db.value("select data_type from information_schema.columns where table_name = 'doc' and column_name = 'v'"));

        // The developer writes the conversions the note asks for; the revision then runs both ways.
        Files.writeString(generated.file(), source
                .replace("time(0)).from(date());", "time(0)).using(\"v::timestamp::time\").from(date());")
                .replace("date()).from(time(0));", "date()).using(\"CASE WHEN v IS NOT NULL THEN DATE '1970-01-01' END\").from(time(0));"));
        c.recompile();
        c.upgrade();
        c.assertNoChanges(v2);
        assertEquals(List.of("00:00:00"), db.column("select v::text from doc where v is not null"));
        try (Retort retort = c.retort()) {
            retort.downgrade("-1");
        }
        assertEquals(List.of("1970-01-01"), db.column("select v::text from doc where v is not null"));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aNotNullFieldOnATableWithRowsIsAnErrorWithItsSafeAlternativeAndTheSafeOptionWritesIt(@TempDir Path work) throws IOException {
        db.reset();
        String author = "@Entity public class Author { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; %s }";
        Convergence c = new Convergence(db, work);
        c.generate(entities(work.resolve("v1"), "v1", author.formatted("String name;")), "authors");
        c.upgrade();
        db.execute("insert into author (name) values ('Ann'), ('Bo')");
        SchemaModel v2 = entities(work.resolve("v2"), "v2", author.formatted("String name; @Column(nullable = false, length = 2) String country;"));

        Generated plain = c.generate(v2, "add country");
        Finding hazard = plain.findings().stream().filter(f -> f.rule().equals("not-null-without-default")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, hazard.severity());
        assertEquals("ALTER TABLE public.author ADD COLUMN country varchar(2) NOT NULL", hazard.operation());
        assertTrue(hazard.safeAlternative().startsWith("Add it with a default"), hazard.safeAlternative());
        assertTrue(plain.source().contains("// LINT not-null-without-default (error): Adding public.author.country NOT NULL without a default "
                + "fails if the table holds a row"), plain.source());
        assertTrue(plain.source().contains("//   Safe: Add it with a default"), plain.source());
        Files.delete(plain.file());
        c.recompile();

        Generated safe = c.generate(v2, "add country", true);
        assertTrue(safe.source().contains("op.addColumn(\"author\", column(\"country\", varchar(2)));"), safe.source());
        Generated later = safe.followUp();
        assertNotNull(later, "the NOT NULL step goes into a following revision");
        assertTrue(later.source().contains("transactional = false"), later.source());
        assertTrue(later.source().contains("// TODO: Fill public.author.country in existing rows before it becomes NOT NULL"), later.source());
        assertEquals(List.of(), safe.allFindings().stream().filter(f -> f.severity() != Severity.INFO).map(Finding::describe).toList());
        // The developer fills the rows where the TODO says, and both revisions run on the table with rows.
        Files.writeString(later.file(), later.source().replaceFirst("(\\s+)op\\.addConstraint",
                "$1op.execute(\"UPDATE author SET country = 'NL' WHERE country IS NULL\");$1op.addConstraint"));
        c.recompile();
        c.upgrade();
        c.assertNoChanges(v2);
        assertEquals(List.of("NL", "NL"), db.column("select country from author"));
        try (Retort retort = c.retort()) {
            retort.downgrade("-2");
        }
        assertEquals(List.of("id", "name"), db.column("select column_name from information_schema.columns where table_name = 'author' order by 1"));
    }
}
