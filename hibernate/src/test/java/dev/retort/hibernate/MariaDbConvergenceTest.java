package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.platform.Platforms;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.MariaDbServer;
import dev.retort.testing.TestDatabase;

/**
 * Autogenerate on MariaDB against Hibernate's own create, for a model with every feature Hibernate's MariaDB dialect
 * writes: generate from an empty database, upgrade, nothing left to generate, {@code information_schema} object by
 * object equal to what {@code hbm2ddl.auto=create} builds in another fresh database, downgrade to base leaves nothing.
 */
@Tag("mariadb")
class MariaDbConvergenceTest {

    static final String IMPORTS = """
            import jakarta.persistence.*;
            import java.math.*;
            import java.time.*;
            import java.util.*;
            import org.hibernate.annotations.ColumnDefault;
            import org.hibernate.annotations.Comment;
            import org.hibernate.annotations.JdbcTypeCode;
            import org.hibernate.type.SqlTypes;
            """;

    /** Every feature of the issue, in four entities and two enums. */
    static final List<String> MODEL = List.of(
            "public enum Status { DRAFT, PUBLISHED, RETIRED }",
            "public enum Level { LOW, MID, HIGH }",
            """
            @Entity @Table(name = "author", indexes = @Index(name = "ix_author_name_born", columnList = "last_name, born_on desc"))
            @Comment("people who write")
            public class Author {
              @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
              @Column(name = "last_name", length = 80, nullable = false) @Comment("family name") String lastName;
              @Column(name = "born_on") LocalDate bornOn;
              @Column(unique = true, length = 120) String email;
              boolean active;
              Boolean verified;
              @Column(columnDefinition = "tinyint(1)") Boolean legacy;
              @Enumerated(EnumType.STRING) Status status;
              @Enumerated(EnumType.ORDINAL) Level level;
              @Column(name = "created_at") LocalDateTime createdAt;
              @Column(name = "updated_at") Instant updatedAt;
              @Column(name = "seen_at") OffsetDateTime seenAt;
              @Column(precision = 12, scale = 2) BigDecimal balance;
              UUID token;
              @JdbcTypeCode(SqlTypes.JSON) Map<String, Object> prefs;
              @Column(name = "code", length = 16, columnDefinition = "varchar(16) character set ascii collate ascii_bin") String code;
              @ColumnDefault("0") @Comment("times shown") int views;
            }""",
            """
            @Entity @Table(name = "book", uniqueConstraints = @UniqueConstraint(name = "uk_book_isbn_edition", columnNames = {"isbn", "edition"}))
            public class Book {
              @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "book_seq")
              @SequenceGenerator(name = "book_seq", sequenceName = "book_seq", allocationSize = 10) Long id;
              @Column(length = 20) String isbn;
              int edition;
              @Lob String summary;
              @Lob @Column(length = 255) String blurb;
              @Lob @Column(length = 65535) String excerpt;
              @Lob @Column(length = 16777215) String manuscript;
              @Lob byte[] cover;
              @Lob @Column(length = 1000) byte[] thumb;
              @Column(length = 5000) String notes;
              double rating;
              float weight;
              short pages;
              byte shelf;
              char grade;
              LocalTime reading;
              @ManyToOne @JoinColumn(name = "author_id", foreignKey = @ForeignKey(name = "fk_book_author")) Author author;
              @ManyToOne Author editor;
              @ManyToMany Set<Tag> tags;
            }""",
            "@Entity @Table(name = \"tag\") public class Tag { @Id @GeneratedValue Long id; @Column(nullable = false, unique = true, length = 40) String label; }",
            """
            @Entity @Table(name = "review", indexes = {@Index(name = "ix_review_book", columnList = "book_id"),
                @Index(name = "ix_review_score", columnList = "score desc, written_on")})
            public class Review {
              @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
              @ManyToOne(optional = false) @JoinColumn(name = "book_id") Book book;
              int score;
              @Column(name = "written_on") LocalDate writtenOn;
            }""");

    /** The character set and collation the databases of the convergence test are created with. */
    static final String DATABASE_DEFAULT = "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    private TestDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = MariaDbServer.get().createDatabase("converge");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void everyFeatureConvergesOnHibernatesCreate(@TempDir Path work) {
        // A database default other than the server's: tables take it, and a column of another character set says its own.
        db.execute("ALTER DATABASE " + db.name() + " " + DATABASE_DEFAULT);
        Model model = Model.compile(work, "everything", MODEL);
        String source = converge(db, work.resolve("run"), model);
        assertTrue(source.contains("MySql.enumOf") || source.contains("enum("), source);
    }

    /**
     * The round trip: generate from empty, upgrade, nothing more to generate, the catalog of Hibernate's own create,
     * downgrade to base leaves nothing; returns the first generated source.
     */
    static String converge(TestDatabase db, Path work, Model model) {
        Convergence c = new Convergence(db, work);
        SchemaModel entities = model.read();
        Generated first = c.generate(entities, "initial schema");
        assertFalse(first.nothingToDo(), "an empty database must differ from the entities");
        c.upgrade();
        c.assertNoChanges(entities);
        assertTrue(c.generate(entities, "again").nothingToDo(), "a second generate must write nothing");
        List<String> retortCatalog = MariaDbCatalog.snapshot(db);
        assertTrue(retortCatalog.stream().anyMatch(l -> l.startsWith("table author engine=InnoDB collation=utf8mb4_unicode_ci")), "the "
                + "database's default applies: " + retortCatalog);
        assertTrue(retortCatalog.stream().anyMatch(l -> l.startsWith("column author.code ") && l.contains("charset=ascii collate=ascii_bin")),
                "the column's own character set: " + retortCatalog);
        assertCatalogEquals(model.hibernateCatalog(false, db.value("SELECT concat('CHARACTER SET ', default_character_set_name, ' COLLATE ', "
                + "default_collation_name) FROM information_schema.schemata WHERE schema_name = '" + db.name() + "'")), retortCatalog, first.source());
        try (Retort retort = c.retort()) {
            retort.downgrade("base");
        }
        assertEquals(List.of(), MariaDbCatalog.snapshot(db), "downgrade to base must leave nothing behind");
        return first.source();
    }

    static void assertCatalogEquals(List<String> hibernate, List<String> retort, String source) {
        List<String> onlyHibernate = hibernate.stream().filter(l -> !retort.contains(l)).toList();
        List<String> onlyRetort = retort.stream().filter(l -> !hibernate.contains(l)).toList();
        assertTrue(onlyHibernate.isEmpty() && onlyRetort.isEmpty(), () -> "the schema Retort built differs from Hibernate's:\nonly Hibernate:\n  "
                + String.join("\n  ", onlyHibernate) + "\nonly Retort:\n  " + String.join("\n  ", onlyRetort) + "\n" + source);
        assertEquals(hibernate, retort);
    }

    /** One version of a model, compiled: read by package scan for MariaDB, and created by Hibernate itself. */
    record Model(String pkg, List<Class<?>> classes) {

        static Model compile(Path work, String id, List<String> classes) {
            return compile(work.resolve(id), List.of(id), List.of(classes)).get(0);
        }

        /** Several models in one compilation, each in a package of its own named after its id. */
        static List<Model> compile(Path root, List<String> ids, List<List<String>> models) {
            Map<String, String> sources = new java.util.LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                sources.putAll(JavaSources.sources("mariadb." + ids.get(i), IMPORTS, models.get(i).toArray(String[]::new)));
            }
            List<Class<?>> classes = JavaSources.compile(root, sources);
            return ids.stream().map(id -> new Model("mariadb." + id, classes.stream()
                    .filter(c -> c.getPackageName().equals("mariadb." + id)).toList())).toList();
        }

        SchemaModel read() {
            return HibernateSchemaReader.scan(classes.get(0).getClassLoader(), List.of(pkg), Map.of(), Platforms.named("mariadb"));
        }

        /** The catalog Hibernate's own create builds (as an application's session factory does), in a fresh database. */
        List<String> hibernateCatalog(boolean withoutPositions) {
            return hibernateCatalog(withoutPositions, null);
        }

        /** As {@link #hibernateCatalog(boolean)}, in a database of that default character set and collation. */
        List<String> hibernateCatalog(boolean withoutPositions, String databaseDefault) {
            try (TestDatabase reference = MariaDbServer.get().createDatabase("hbm2ddl")) {
                if (databaseDefault != null) {
                    reference.execute("ALTER DATABASE " + reference.name() + " " + databaseDefault);
                }
                Hbm2ddl.createAtStartup(reference, classes, Map.of());
                List<String> catalog = MariaDbCatalog.snapshot(reference);
                return withoutPositions ? MariaDbCatalog.withoutPositions(catalog) : catalog;
            }
        }
    }
}
