package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.Retort;
import dev.retort.command.Generated;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.MariaDbServer;
import dev.retort.testing.TestDatabase;

/**
 * One change of each kind on MariaDB, made to tables that hold rows: from the model's first version (generated and
 * upgraded, rows inserted) to its second, the upgrade reaches the catalog Hibernate's own create builds for the second
 * (object by object), keeps the rows, leaves nothing more to generate, and the downgrade restores the first version's
 * catalog.
 */
@Tag("mariadb")
class MariaDbChangesTest {

    private static final String STATE = "public enum State { NEW, PAID }";
    private static final String CUSTOMER = """
            @Entity @Table(name = "customer") @Comment("who buys")
            public class Customer {
              @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
              @Column(name = "full_name", length = 80, nullable = false) @ColumnDefault("'anon'") @Comment("shown name") String fullName;
              @Column(length = 40) String code;
            }""";
    private static final String PURCHASE = """
            @Entity @Table(name = "purchase")
            public class Purchase {
              @Id Long id;
              @ManyToOne @JoinColumn(name = "customer_id", foreignKey = @ForeignKey(name = "fk_purchase_customer")) Customer customer;
              @Enumerated(EnumType.STRING) State state;
              @ColumnDefault("1") @Comment("how many") int qty;
              @Column(length = 40) @Comment("free text") String note;
              @Enumerated(EnumType.ORDINAL) @Column(name = "stage") State stage;
            }""";
    private static final String ROWS_CUSTOMER = "insert into customer (id, full_name, code) values (1, 'Ada', 'A1'), (2, 'Bob', null)";
    private static final String ROWS_PURCHASE = "insert into purchase (id, customer_id, state, qty, note) values (10, 1, 'NEW', 2, 'n1'), "
            + "(11, 2, 'PAID', 3, 'n2')";

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = MariaDbServer.get().createDatabase("changes");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    static Stream<Arguments> changes() {
        String email = "@Column(length = 40) String code;";
        String withEmail = email + " @Column(length = 120) String email;";
        String plainFk = "@Column(name = \"customer_id\") Long customerId;";
        String fk = "@ManyToOne @JoinColumn(name = \"customer_id\", foreignKey = @ForeignKey(name = \"fk_purchase_customer\")) Customer customer;";
        String autoFk = "@ManyToOne @JoinColumn(name = \"customer_id\") Customer customer;";
        String table = "@Table(name = \"purchase\")";
        String indexed = "@Table(name = \"purchase\", indexes = @Index(name = \"ix_purchase_note_qty\", columnList = \"note, qty desc\"))";
        String note = "@Column(length = 40) @Comment(\"free text\") String note;";
        String uniqueNote = "@Column(length = 40, unique = true) @Comment(\"free text\") String note;";
        String notNullNote = "@Column(length = 40, nullable = false) @Comment(\"free text\") String note;";
        return Stream.of(
                change("add column", CUSTOMER, email, withEmail, "addColumn(\"customer\""),
                change("drop column", CUSTOMER, withEmail, email, "dropColumn(\"customer\", \"email\")"),
                change("rename column (keeps NOT NULL, default and comment)", CUSTOMER, "name = \"full_name\"", "name = \"display_name\"",
                        "renameColumn(\"customer\", \"full_name\", \"display_name\")", "select count(*) from customer where display_name = 'Ada'"),
                change("rename table (the foreign key follows)", CUSTOMER, "@Table(name = \"customer\")", "@Table(name = \"client\")",
                        "renameTable(\"customer\", \"client\")", "select count(*) from client where full_name = 'Ada'"),
                change("type change (MODIFY keeps default and comment)", PURCHASE, "int qty;", "long qty;", "alterColumnType(\"purchase\", \"qty\"",
                        "select count(*) from purchase where qty = 2"),
                change("add foreign key", PURCHASE, plainFk, fk, "foreignKey(\"fk_purchase_customer\""),
                change("drop foreign key (and the index InnoDB made for it)", PURCHASE, fk, plainFk, "dropConstraint(\"purchase\", \"fk_purchase_customer\")"),
                change("add an auto-named foreign key", PURCHASE.replace(fk, plainFk), plainFk, autoFk, "foreignKey(\"FK"),
                change("add index (composite, descending)", PURCHASE, table, indexed, "createIndex(\"ix_purchase_note_qty\""),
                change("drop index", PURCHASE, indexed, table, "dropIndex(\"ix_purchase_note_qty\""),
                change("add unique", PURCHASE, note, uniqueNote, "unique(\"UK"),
                change("drop unique", PURCHASE, uniqueNote, note, "dropConstraint"),
                change("rename an ORDINAL enum column (its check follows)", PURCHASE, "name = \"stage\"", "name = \"phase\"",
                        "renameColumn(\"purchase\", \"stage\", \"phase\")"),
                change("rename a table auto-named foreign keys reference (they follow)", List.of(PURCHASE.replace(fk, autoFk)), CUSTOMER,
                        "@Table(name = \"customer\")", "@Table(name = \"client\")", "renameTable(\"customer\", \"client\")",
                        "select count(*) from client where full_name = 'Ada'"),
                change("enum value added", STATE, "PAID }", "PAID, SHIPPED }", "alterColumnType(\"purchase\", \"state\"",
                        "select count(*) from purchase where state = 'PAID'"),
                change("nullability (MODIFY keeps the comment)", PURCHASE, note, notNullNote, "setNotNull(\"purchase\", \"note\")",
                        "select count(*) from purchase where note = 'n1'"));
    }

    /**
     * A change to one class of the model, {@code in} (a class of the model, or another version of one): the first version
     * has {@code from} in it, the second {@code to}.
     */
    private static Arguments change(String name, String in, String from, String to, String written, String... checks) {
        return change(name, List.of(), in, from, to, written, checks);
    }

    /** As {@link #change(String, String, String, String, String, String...)}, with other classes of the model in both versions. */
    private static Arguments change(String name, List<String> both, String in, String from, String to, String written, String... checks) {
        String className = in.replaceAll("(?s).*?\\b(?:class|enum)\\s+(\\w+).*", "$1");
        List<String> one = new ArrayList<>();
        List<String> two = new ArrayList<>();
        for (String base : List.of(STATE, CUSTOMER, PURCHASE)) {
            String baseName = base.replaceAll("(?s).*?\\b(?:class|enum)\\s+(\\w+).*", "$1");
            String source = both.stream().filter(b -> b.replaceAll("(?s).*?\\b(?:class|enum)\\s+(\\w+).*", "$1").equals(baseName)).findFirst()
                    .orElse(base);
            boolean changed = baseName.equals(className);
            String first = !changed ? source : in.contains(from) ? in : in.replace(to, from);
            one.add(first);
            two.add(changed ? first.replace(from, to) : first);
        }
        assertFalse(one.equals(two), name);
        return Arguments.of(name, one, two, written, List.of(checks));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void upgradesToHibernatesCreateAndDowngradesToTheFirstVersion(String name, List<String> one, List<String> two, String written,
                                                                 List<String> checks, @TempDir Path work) {
        db.reset();
        List<MariaDbConvergenceTest.Model> versions = MariaDbConvergenceTest.Model.compile(work.resolve("models"), List.of("v1", "v2"),
                List.of(one, two));
        SchemaModel first = versions.get(0).read();
        MariaDbConvergenceTest.Model second = versions.get(1);
        SchemaModel secondRead = second.read();
        Convergence c = new Convergence(db, work.resolve("run"));
        c.generate(first, "version one");
        c.upgrade();
        db.execute(ROWS_CUSTOMER);
        db.execute(ROWS_PURCHASE);
        List<String> versionOne = MariaDbCatalog.withoutPositions(MariaDbCatalog.snapshot(db));

        Generated generated = c.generate(secondRead, name);
        assertTrue(generated.source().contains(written), () -> "expected " + written + " in\n" + generated.source());
        if (name.startsWith("nullability")) {
            // generate's findings judge for the server it compared with, and say which version that was
            String version = db.value("select version()").replaceFirst("^(\\d+\\.\\d+\\.\\d+).*", "$1");
            String comments = generated.source().replaceAll("\\s*\\n\\s*(//|\\*)?\\s*", " ");
            assertTrue(comments.contains("table-rebuild") && comments.contains("on MariaDB " + version + " (the server's version)"),
                    generated::source);
        }
        c.upgrade();
        c.assertNoChanges(secondRead);
        assertTrue(c.generate(secondRead, "again").nothingToDo(), "a second generate must write nothing");
        // MariaDB cannot rename a check declared with its column, nor move one there by name before its column is renamed:
        // the renamed check is the table's, the same condition (docs/mariadb-mysql.md).
        java.util.function.UnaryOperator<List<String>> level = name.contains("ORDINAL")
                ? lines -> lines.stream().map(l -> l.replaceFirst(" (Column|Table) check ", " check ")).toList() : lines -> lines;
        MariaDbConvergenceTest.assertCatalogEquals(level.apply(second.hibernateCatalog(true)),
                level.apply(MariaDbCatalog.withoutPositions(MariaDbCatalog.snapshot(db))), generated.source());
        for (String check : checks) {
            assertEquals("1", db.value(check), check + "\n" + generated.source());
        }
        assertEquals("2", db.value("select count(*) from purchase"), generated.source());

        try (Retort retort = c.retort()) {
            retort.downgrade("-1");
        }
        assertEquals(level.apply(versionOne), level.apply(MariaDbCatalog.withoutPositions(MariaDbCatalog.snapshot(db))),
                "the downgrade must restore version one\n"
                + generated.source());
        assertEquals("2", db.value("select count(*) from customer"), generated.source());
        assertEquals("2", db.value("select count(*) from purchase"), generated.source());
    }
}
