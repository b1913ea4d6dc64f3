package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.Retort;
import dev.retort.schema.Change;
import dev.retort.schema.Review;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * One entity change at a time: the schema at version 1 is migrated, the entity changes, and
 * generate must find exactly the expected changes (with their review flags), write a migration
 * that compiles and applies, leave nothing more to generate, and downgrade back to version 1.
 */
@PostgresTest
class ChangeScenariosTest {

    private static final String IMPORTS = """
            import jakarta.persistence.*;
            import java.math.*;
            import java.time.*;
            import java.util.*;
            import org.hibernate.annotations.Comment;
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
        return Stream.of(
                Arguments.of("add column", List.of(author("", "", "")), List.of(author("", "", email)),
                        List.of("add column public.author.email"), null),
                Arguments.of("rename table with a renamed constraint",
                        List.of(AUTHOR.replace("\"author\"", "\"writer\"").formatted(
                                ", uniqueConstraints = @UniqueConstraint(name = \"uq_writer_name\", columnNames = \"name\")", "", "")),
                        List.of(author(", uniqueConstraints = @UniqueConstraint(name = \"uq_author_name\", columnNames = \"name\")", "", "")),
                        List.of("rename table public.writer to author", "rename sequence public.writer_id_seq to author_id_seq",
                                "rename primary key writer_pkey on public.author to author_pkey",
                                "rename unique constraint uq_writer_name on public.author to uq_author_name"), Review.Kind.POSSIBLE_RENAME),
                Arguments.of("drop column", List.of(author("", "", email)), List.of(author("", "", "")),
                        List.of("drop column public.author.email"), null),
                Arguments.of("rename column", List.of(author("", "", "@Column(name = \"full_name\") String fullName;")),
                        List.of(author("", "", "@Column(name = \"display_name\") String displayName;")),
                        List.of("rename column public.author.full_name to display_name"), Review.Kind.POSSIBLE_RENAME),
                Arguments.of("widen type", List.of(author("", "", email)), List.of(author("", "", "@Column(length = 320) String email;")),
                        List.of("alter type of public.author.email from varchar(100) to varchar(320)"), null),
                Arguments.of("narrow type", List.of(author("", "", "@Column(length = 320) String email;")), List.of(author("", "", email)),
                        List.of("alter type of public.author.email from varchar(320) to varchar(100)"), null),
                Arguments.of("make NOT NULL", List.of(author("", "", email)),
                        List.of(author("", "", "@Column(length = 100, nullable = false) String email;")),
                        List.of("set NOT NULL on public.author.email"), null),
                Arguments.of("make nullable", List.of(author("", "", "@Column(length = 100, nullable = false) String email;")),
                        List.of(author("", "", email)), List.of("drop NOT NULL on public.author.email"), null),
                Arguments.of("new table with foreign key", List.of(author("", "", "")), List.of(author("", "", ""), book),
                        List.of("create table public.book"), null),
                Arguments.of("drop table", List.of(author("", "", ""), book), List.of(author("", "", "")),
                        List.of("drop foreign key fk_book_author on public.book", "drop table public.book"), null),
                Arguments.of("add index", List.of(author("", "", email)),
                        List.of(author(", indexes = @Index(name = \"ix_author_email\", columnList = \"email\")", "", email)),
                        List.of("create index ix_author_email on public.author"), null),
                Arguments.of("drop index", List.of(author(", indexes = @Index(name = \"ix_author_email\", columnList = \"email\")", "", email)),
                        List.of(author("", "", email)), List.of("drop index ix_author_email on public.author"), null),
                Arguments.of("add unique constraint", List.of(author("", "", email)),
                        List.of(author(", uniqueConstraints = @UniqueConstraint(name = \"uq_author_email\", columnNames = \"email\")", "", email)),
                        List.of("add unique constraint uq_author_email on public.author"), null),
                Arguments.of("drop unique constraint",
                        List.of(author(", uniqueConstraints = @UniqueConstraint(name = \"uq_author_email\", columnNames = \"email\")", "", email)),
                        List.of(author("", "", email)), List.of("drop unique constraint uq_author_email on public.author"), null),
                Arguments.of("enum value added", List.of(status, author("", "", "@Enumerated(EnumType.STRING) @Column(length = 20) Status status;")),
                        List.of(statusPlus, author("", "", "@Enumerated(EnumType.STRING) @Column(length = 20) Status status;")),
                        List.of("drop changed check constraint author_status_check on public.author",
                                "add check constraint author_status_check on public.author"), null),
                Arguments.of("sequence changed", List.of(tag.formatted(10)), List.of(tag.formatted(25)),
                        List.of("alter sequence public.tag_seq"), null),
                Arguments.of("comment changed", List.of(author("", "@Comment(\"writers\")", "@Comment(\"old\") " + email)),
                        List.of(author("", "@Comment(\"people who write\")", "@Comment(\"where we write to\") " + email)),
                        List.of("comment on table public.author", "comment on column public.author.email"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void generateFindsExactlyTheChange(String name, List<String> before, List<String> after, List<String> expected, Review.Kind review,
                                       @TempDir Path work) {
        db.reset();
        SchemaModel v1 = model(work.resolve("v1"), "v1", before);
        SchemaModel v2 = model(work.resolve("v2"), "v2", after);
        Convergence c = new Convergence(db, work);
        assertFalse(c.generate(v1, "version one").nothingToDo());
        c.upgrade();

        dev.retort.command.Generated generated = c.generate(v2, name);
        List<Change> changes = generated.comparison().changes();
        assertEquals(expected, changes.stream().map(Change::summary).toList());
        assertEquals(review, changes.stream().map(Change::review).filter(java.util.Objects::nonNull).map(Review::kind).findFirst().orElse(null));
        if (review != null) {
            assertTrue(generated.source().contains("// REVIEW (" + review.label() + "): "), generated.source());
        }
        c.upgrade();
        c.assertNoChanges(v2);
        try (Retort retort = c.retort()) {
            retort.downgrade("-1");
            assertTrue(retort.compare(v1).isEmpty(), () -> "the downgrade did not restore version one: "
                    + retort.compare(v1).changes().stream().map(Change::summary).toList());
        }
    }

    private static SchemaModel model(Path dir, String version, List<String> classes) {
        Map<String, String> sources = new LinkedHashMap<>();
        String pkg = "scenario." + version;
        for (String body : classes) {
            String name = body.replaceAll("(?s).*?\\b(?:class|enum)\\s+(\\w+).*", "$1");
            sources.put(pkg + "." + name, "package " + pkg + ";\n" + IMPORTS + body);
        }
        return HibernateSchemaReader.read(JavaSources.compile(dir, sources), Map.of());
    }
}
