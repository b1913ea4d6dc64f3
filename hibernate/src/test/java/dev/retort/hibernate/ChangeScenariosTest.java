package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import dev.retort.schema.Change;
import dev.retort.schema.Review;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.Catalog;
import dev.retort.testing.PostgresServer;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * One entity change at a time: the schema at version 1 is migrated, the entity changes, and generate must find exactly
 * the expected changes (with their notes and lint findings), write a migration that compiles and applies, reach the
 * schema Hibernate itself creates for version 2 (names of keys and sequences included), leave nothing more to generate,
 * and downgrade to exactly the catalog of version 1.
 */
@PostgresTest
class ChangeScenariosTest {

    private static final String IMPORTS = """
            import jakarta.persistence.*;
            import java.math.*;
            import java.time.*;
            import java.util.*;
            import org.hibernate.annotations.Comment;
            import org.hibernate.annotations.JdbcTypeCode;
            import org.hibernate.type.SqlTypes;
            """;

    private static final String AUTHOR = """
            @Entity @Table(name = "author"%s) %s
            public class Author { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; @Column(nullable = false, length = 200) String name; %s }
            """;

    private final TestDatabase db;

    ChangeScenariosTest(TestDatabase db) {
        this.db = db;
    }

    private static String author(String tableExtras, String classAnnotations, String fields) {
        return AUTHOR.formatted(tableExtras, classAnnotations, fields);
    }

    static Stream<Arguments> scenarios() {
        String email = "@Column(length = 100) String email;";
        String status = "public enum Status { ACTIVE, RETIRED }";
        String statusPlus = "public enum Status { ACTIVE, RETIRED, BANNED }";
        String book = "@Entity @Table(name = \"book\") public class Book { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; "
                + "@ManyToOne(optional = false) @JoinColumn(name = \"author_id\", foreignKey = @ForeignKey(name = \"fk_book_author\")) Author author; String title; }";
        String tag = "@Entity public class Tag { @Id @GeneratedValue(generator = \"tag_seq\") @SequenceGenerator(name = \"tag_seq\", sequenceName = \"tag_seq\", allocationSize = %d) Long id; }";
        String identityTag = "@Entity public class Tag { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; }";
        String targetTag = "@Entity @Table(name = \"%s\") public class TargetTag { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; String label; }";
        String target = "@Entity public class Target { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; "
                + "@ManyToOne @JoinColumn(name = \"tag_id\") TargetTag tag; }";
        return Stream.of(
                scenario("add column", List.of(author("", "", "")), List.of(author("", "", email)),
                        List.of("add column public.author.email"), null, List.of()),
                scenario("rename table with a renamed constraint",
                        List.of(AUTHOR.replace("\"author\"", "\"writer\"").formatted(
                                ", uniqueConstraints = @UniqueConstraint(name = \"uq_writer_name\", columnNames = \"name\")", "", "")),
                        List.of(author(", uniqueConstraints = @UniqueConstraint(name = \"uq_author_name\", columnNames = \"name\")", "", "")),
                        List.of("rename table public.writer to author", "rename sequence public.writer_id_seq to author_id_seq",
                                "rename primary key writer_pkey on public.author to author_pkey",
                                "rename unique constraint uq_writer_name on public.author to uq_author_name"), Review.Kind.POSSIBLE_RENAME,
                        List.of("rename-table@up", "rename-table@down")),
                scenario("rename a table other tables reference", List.of(targetTag.formatted("sp_target_tag"), target),
                        List.of(targetTag.formatted("target_tag"), target),
                        List.of("rename table public.sp_target_tag to target_tag", "rename sequence public.sp_target_tag_id_seq to target_tag_id_seq",
                                // Hibernate names the foreign key after the tables it joins.
                                "rename foreign key fks3huhwxv5b7jt3iaf01mi9fac on public.target to fk1fv24hh0svf0m6wnahibfc1iq",
                                "rename primary key sp_target_tag_pkey on public.target_tag to target_tag_pkey"), Review.Kind.POSSIBLE_RENAME,
                        List.of("rename-table@up", "rename-table@down")),
                scenario("drop column", List.of(author("", "", email)), List.of(author("", "", "")),
                        List.of("drop column public.author.email"), null, List.of("drop-column@up")),
                scenario("rename column", List.of(author("", "", "@Column(name = \"full_name\") String fullName;")),
                        List.of(author("", "", "@Column(name = \"display_name\") String displayName;")),
                        List.of("rename column public.author.full_name to display_name"), Review.Kind.POSSIBLE_RENAME,
                        List.of("rename-column@up", "rename-column@down")),
                // Hibernate names an enum column's check after the column: the check follows the rename.
                scenario("rename an enum column with its check",
                        List.of(status, author("", "", "@Enumerated(EnumType.STRING) @Column(name = \"state\", length = 20) Status state;")),
                        List.of(status, author("", "", "@Enumerated(EnumType.STRING) @Column(name = \"status\", length = 20) Status status;")),
                        List.of("rename check constraint author_state_check on public.author to author_status_check",
                                "rename column public.author.state to status"), Review.Kind.POSSIBLE_RENAME,
                        List.of("rename-column@up", "rename-column@down")),
                scenario("widen type", List.of(author("", "", email)), List.of(author("", "", "@Column(length = 320) String email;")),
                        List.of("alter type of public.author.email from varchar(100) to varchar(320)"), null,
                        List.of("narrowing-type@down", "table-rewrite@down")),
                scenario("narrow type", List.of(author("", "", "@Column(length = 320) String email;")), List.of(author("", "", email)),
                        List.of("alter type of public.author.email from varchar(320) to varchar(100)"), null,
                        List.of("narrowing-type@up", "table-rewrite@up")),
                scenario("make NOT NULL", List.of(author("", "", email)),
                        List.of(author("", "", "@Column(length = 100, nullable = false) String email;")),
                        List.of("set NOT NULL on public.author.email"), null, List.of("set-not-null@up")),
                scenario("make nullable", List.of(author("", "", "@Column(length = 100, nullable = false) String email;")),
                        List.of(author("", "", email)), List.of("drop NOT NULL on public.author.email"), null,
                        List.of("drop-not-null@up", "set-not-null@down")),
                scenario("new table with foreign key", List.of(author("", "", "")), List.of(author("", "", ""), book),
                        List.of("create table public.book"), null, List.of()),
                scenario("drop table", List.of(author("", "", ""), book), List.of(author("", "", "")),
                        List.of("drop foreign key fk_book_author on public.book", "drop table public.book"), null,
                        List.of("drop-table@up")),
                scenario("add index", List.of(author("", "", email)),
                        List.of(author(", indexes = @Index(name = \"ix_author_email\", columnList = \"email\")", "", email)),
                        List.of("create index ix_author_email on public.author"), null, List.of("blocking-create-index@up", "blocking-drop-index@down")),
                scenario("drop index", List.of(author(", indexes = @Index(name = \"ix_author_email\", columnList = \"email\")", "", email)),
                        List.of(author("", "", email)), List.of("drop index ix_author_email on public.author"), null,
                        List.of("blocking-drop-index@up", "blocking-create-index@down")),
                scenario("add unique constraint", List.of(author("", "", email)),
                        List.of(author(", uniqueConstraints = @UniqueConstraint(name = \"uq_author_email\", columnNames = \"email\")", "", email)),
                        List.of("add unique constraint uq_author_email on public.author"), null, List.of("unique-without-index@up")),
                scenario("drop unique constraint",
                        List.of(author(", uniqueConstraints = @UniqueConstraint(name = \"uq_author_email\", columnNames = \"email\")", "", email)),
                        List.of(author("", "", email)), List.of("drop unique constraint uq_author_email on public.author"), null,
                        List.of("unique-without-index@down")),
                scenario("enum value added", List.of(status, author("", "", "@Enumerated(EnumType.STRING) @Column(length = 20) Status status;")),
                        List.of(statusPlus, author("", "", "@Enumerated(EnumType.STRING) @Column(length = 20) Status status;")),
                        List.of("drop changed check constraint author_status_check on public.author",
                                "add check constraint author_status_check on public.author"), null,
                        List.of("constraint-not-valid@up", "constraint-not-valid@down")),
                scenario("enum stored by name instead of position", List.of(status, author("", "", "@Enumerated(EnumType.ORDINAL) Status status;")),
                        List.of(status, author("", "", "@Enumerated(EnumType.STRING) Status status;")),
                        List.of("drop changed check constraint author_status_check on public.author",
                                "alter type of public.author.status from smallint to varchar(255)",
                                "add check constraint author_status_check on public.author"), null,
                        List.of("table-rewrite@up", "constraint-not-valid@up", "cast-may-fail@down", "table-rewrite@down", "constraint-not-valid@down")),
                scenario("identity to sequence", List.of(identityTag), List.of(tag.formatted(50)),
                        List.of("create sequence public.tag_seq, continuing after the largest public.tag.id", "drop identity of public.tag.id"),
                        null, List.of()),
                scenario("sequence to identity", List.of(tag.formatted(50)), List.of(identityTag),
                        List.of("add identity to public.tag.id, continuing after the largest value", "drop sequence public.tag_seq"), null,
                        List.of()),
                scenario("sequence changed", List.of(tag.formatted(10)), List.of(tag.formatted(25)),
                        List.of("alter sequence public.tag_seq"), null, List.of()),
                scenario("comment changed", List.of(author("", "@Comment(\"writers\")", "@Comment(\"old\") " + email)),
                        List.of(author("", "@Comment(\"people who write\")", "@Comment(\"where we write to\") " + email)),
                        List.of("comment on table public.author", "comment on column public.author.email"), null, List.of()));
    }

    private static Arguments scenario(String name, List<String> before, List<String> after, List<String> changes, Review.Kind note,
                                      List<String> lint) {
        return Arguments.of(name, before, after, changes, note, lint);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void generateFindsExactlyTheChangeReachesHibernatesSchemaAndDowngradesToVersionOne(String name, List<String> before, List<String> after,
                                                                                       List<String> expected, Review.Kind note, List<String> lint,
                                                                                       @TempDir Path work) {
        db.reset();
        List<Class<?>> v2Classes = compile(work.resolve("v2"), "v2", after);
        SchemaModel v1 = HibernateSchemaReader.read(compile(work.resolve("v1"), "v1", before), Map.of());
        SchemaModel v2 = HibernateSchemaReader.read(v2Classes, Map.of());
        Convergence c = new Convergence(db, work);
        assertFalse(c.generate(v1, "version one").nothingToDo());
        c.upgrade();
        List<String> versionOne = Catalog.snapshot(db);

        Generated generated = c.generate(v2, name);
        List<Change> changes = generated.comparison().changes();
        assertEquals(expected, changes.stream().map(Change::summary).toList());
        assertEquals(note, changes.stream().map(Change::review).filter(Objects::nonNull).map(Review::kind).findFirst().orElse(null));
        if (note != null) {
            assertTrue(generated.source().contains("// REVIEW (" + note.label() + "): "), generated.source());
        }
        assertEquals(lint, dangers(generated.findings()), () -> String.join("\n", generated.findings().stream().map(Finding::describe).toList()));
        generated.findings().stream().filter(f -> f.direction() == dev.retort.command.Direction.UP).forEach(f ->
                assertTrue(generated.source().contains("// LINT " + f.rule() + " (" + f.severity().label() + "): "), generated.source()));

        c.upgrade();
        c.assertNoChanges(v2);
        assertEquals(hibernateCreates(v2Classes), withoutColumnPositions(Catalog.snapshot(db)), "version two must be the schema Hibernate creates");
        try (Retort retort = c.retort()) {
            retort.downgrade("-1");
        }
        assertEquals(withoutColumnPositions(versionOne), withoutColumnPositions(Catalog.snapshot(db)), "the downgrade must restore version one");
    }

    /** The findings that warn or fail, as {@code rule@direction}: notes of hygiene are left out. */
    private static List<String> dangers(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Severity.INFO).map(f -> f.rule() + "@" + f.direction().label()).toList();
    }

    /** A dropped and re-added column comes back last; Hibernate orders columns its own way: positions are not compared. */
    private static List<String> withoutColumnPositions(List<String> catalog) {
        return catalog.stream().map(line -> line.replaceFirst("^(column \\S+) #\\d+", "$1")).sorted().toList();
    }

    private List<String> hibernateCreates(List<Class<?>> classes) {
        TestDatabase reference = PostgresServer.get().createDatabase("hbm2ddl");
        try {
            Hbm2ddl.create(reference, classes.stream().filter(c -> c.isAnnotationPresent(jakarta.persistence.Entity.class)).toList(), Map.of());
            return withoutColumnPositions(Catalog.snapshot(reference));
        } finally {
            PostgresServer.get().dropDatabase(reference);
        }
    }

    private static List<Class<?>> compile(Path dir, String version, List<String> classes) {
        Map<String, String> sources = new LinkedHashMap<>();
        String pkg = "scenario." + version;
        for (String body : classes) {
            String name = body.replaceAll("(?s).*?\\b(?:class|enum)\\s+(\\w+).*", "$1");
            sources.put(pkg + "." + name, "package " + pkg + ";\n" + IMPORTS + body);
        }
        return JavaSources.compile(dir, sources);
    }
}
