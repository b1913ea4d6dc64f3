package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.hibernate.model.library.Address;
import dev.retort.hibernate.model.library.Author;
import dev.retort.hibernate.model.library.Book;
import dev.retort.hibernate.model.library.Tag;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * Autogenerate converges on each entity model: generate from an empty database, compile, upgrade,
 * generate again finds nothing, the catalog equals hbm2ddl's, and downgrade to base leaves nothing.
 */
@PostgresTest
class CorpusTest {

    private static final String IMPORTS = """
            import jakarta.persistence.*;
            import java.math.*;
            import java.time.*;
            import java.util.*;
            import org.hibernate.annotations.*;
            import org.hibernate.type.SqlTypes;
            """;

    private final TestDatabase db;

    CorpusTest(TestDatabase db) {
        this.db = db;
    }

    private static Map<String, String> sources(String pkg, String... classes) {
        return JavaSources.sources(pkg, IMPORTS, classes);
    }

    @Test
    void library(@TempDir Path work) {
        String source = Convergence.run(db, work, List.of(Author.class, Book.class, Tag.class, Address.class), Map.of());
        assertTrue(source.contains("op.createTable(\"author\""), source);
        assertTrue(source.contains("check(\"book_status_check\", \"(status in ('DRAFT','PUBLISHED','RETIRED'))\")"), source);
        assertTrue(source.contains("op.createSequence(\"tag_seq\", sequenceOptions().start(1L).increment(10L));"), source);
    }

    @Test
    void inheritanceStrategies(@TempDir Path work) {
        List<Class<?>> entities = JavaSources.compile(work.resolve("model"), sources("corpus.inheritance",
                """
                @Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE) @DiscriminatorColumn(name = "kind", length = 20)
                public abstract class Vehicle { @Id @GeneratedValue Long id; String maker; }
                """,
                """
                @Entity @DiscriminatorValue("car") public class Car extends Vehicle { int doors; }
                """,
                """
                @Entity @DiscriminatorValue("truck") public class Truck extends Vehicle { @Column(precision = 8, scale = 1) BigDecimal payload; }
                """,
                """
                @Entity @Inheritance(strategy = InheritanceType.JOINED) public class Account { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; @Column(nullable = false) String owner; }
                """,
                """
                @Entity @PrimaryKeyJoinColumn(name = "account_id") public class SavingsAccount extends Account { double rate; }
                """,
                """
                @Entity public class CheckingAccount extends Account { @Column(name = "overdraft_limit") BigDecimal limit; }
                """,
                """
                @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) public abstract class Payment { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; BigDecimal amount; }
                """,
                """
                @Entity public class CardPayment extends Payment { @Column(length = 4) String last4; }
                """,
                """
                @Entity public class WirePayment extends Payment { String iban; @ManyToOne Account from; }
                """,
                """
                @MappedSuperclass public abstract class Audited { Instant createdAt; @Version long version; }
                """,
                """
                @Entity public class Note extends Audited { @Id @GeneratedValue Long id; @Lob String text; }
                """));
        Convergence.run(db, work, entities, Map.of());
    }

    @Test
    void keysRelationsAndSchemas(@TempDir Path work) {
        List<Class<?>> entities = JavaSources.compile(work.resolve("model"), sources("corpus.shop",
                """
                @Embeddable public class OrderLineId implements java.io.Serializable { Long orderId; int line;
                  public boolean equals(Object o) { return o instanceof OrderLineId i && Objects.equals(orderId, i.orderId) && line == i.line; }
                  public int hashCode() { return Objects.hash(orderId, line); } }
                """,
                """
                @Entity @Table(name = "orders", indexes = {@Index(name = "ix_orders_customer_placed", columnList = "customer_id, placed desc"),
                    @Index(name = "ux_orders_number", columnList = "number", unique = true)})
                public class Order { @Id @GeneratedValue @SequenceGenerator(name = "orders_seq", initialValue = 1000, allocationSize = 20) Long id;
                  String number; LocalDateTime placed; @ManyToOne(optional = false) Customer customer; @OneToOne(mappedBy = "order") Invoice invoice; }
                """,
                """
                @Entity public class OrderLine { @EmbeddedId OrderLineId id; @MapsId("orderId") @ManyToOne Order order; int quantity; }
                """,
                """
                @Entity public class Customer { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; @ManyToOne Customer referredBy;
                  @OneToOne Order firstOrder; @Column(unique = true, nullable = false) String email; }
                """,
                """
                @Entity @Table(schema = "billing", name = "invoice") public class Invoice { @Id Long id; @OneToOne @MapsId Order order;
                  @Column(nullable = false) LocalDate due; }
                """,
                """
                @Entity @Table(schema = "billing") @IdClass(Ledger.Key.class) public class Ledger { @Id String account; @Id LocalDate day; BigDecimal balance;
                  public static class Key implements java.io.Serializable { String account; LocalDate day;
                    public boolean equals(Object o) { return o instanceof Key k && Objects.equals(account, k.account) && Objects.equals(day, k.day); }
                    public int hashCode() { return Objects.hash(account, day); } } }
                """));
        Convergence.run(db, work, entities, Map.of());
    }

    @Test
    void everyBasicType(@TempDir Path work) {
        List<Class<?>> entities = JavaSources.compile(work.resolve("model"), sources("corpus.types",
                """
                public enum Level { LOW, MEDIUM, HIGH }
                """,
                """
                @Entity public class Sample { @Id UUID id; boolean flag; Boolean maybe; short s; int i; long l; float f; double d;
                  BigDecimal money; @Column(precision = 5) BigInteger big; char c; @Column(length = 42) String name; @Column(columnDefinition = "text") String body;
                  @Lob String clob; @Lob byte[] blob; byte[] bytes; LocalDate day; LocalTime at; LocalDateTime local; OffsetDateTime offsetAt;
                  ZonedDateTime zoned; Instant instant; Duration spent; @Enumerated(EnumType.STRING) Level level; @Enumerated Level ordinal;
                  @JdbcTypeCode(SqlTypes.JSON) Map<String, Object> json; @JdbcTypeCode(SqlTypes.ARRAY) String[] tags; int[] numbers;
                  @Column(nullable = false) @ColumnDefault("'n/a'") String withDefault; @ColumnDefault("now()") Instant stamped;
                  @Column(precision = 3) @org.hibernate.annotations.Comment("three digits of seconds") LocalDateTime precise; }
                """));
        Convergence.run(db, work, entities, Map.of());
    }

    @Test
    void namingStrategyQuotedAndReservedNames(@TempDir Path work) {
        List<Class<?>> entities = JavaSources.compile(work.resolve("model"), sources("corpus.naming",
                """
                @Entity @Table(name = "\\"Order\\"") public class PurchaseOrder { @Id @GeneratedValue Long id; @Column(name = "\\"user\\"") String user;
                  String customerName; LocalDate dueDate; @ManyToOne SalesPerson salesPerson; }
                """,
                """
                @Entity public class SalesPerson { @Id @GeneratedValue Long id; String fullName; @Column(name = "\\"Select\\"") int select; }
                """));
        Convergence.run(db, work, entities, Map.of("hibernate.physical_naming_strategy",
                "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl"));
    }

    @Test
    void aHundredAndTwentyEntitiesWithSeveralInheritanceStrategies(@TempDir Path work) {
        Map<String, String> sources = new LinkedHashMap<>();
        String pkg = "corpus.big";
        String[] strategies = {"SINGLE_TABLE", "JOINED", "TABLE_PER_CLASS"};
        int count = 0;
        for (int group = 0; group < 20; group++) {
            String strategy = strategies[group % 3];
            String root = "Root" + group;
            String idGen = strategy.equals("TABLE_PER_CLASS") ? "@GeneratedValue(strategy = GenerationType.SEQUENCE)" : "@GeneratedValue";
            sources.put(pkg + "." + root, "package " + pkg + ";\n" + IMPORTS + "@Entity @Inheritance(strategy = InheritanceType." + strategy
                    + ") public abstract class " + root + " { @Id " + idGen + " Long id; @Column(length = 80, nullable = false) String name;"
                    + " Instant created; }\n");
            count++;
            for (int leaf = 0; leaf < 4; leaf++) {
                String name = "Leaf" + group + "x" + leaf;
                String reference = group > 0 ? " @ManyToOne(fetch = FetchType.LAZY) Owner" + (group - 1) + " owner;" : "";
                sources.put(pkg + "." + name, "package " + pkg + ";\n" + IMPORTS + "@Entity public class " + name + " extends " + root
                        + " { int size" + leaf + "; @Column(precision = 12, scale = 2) BigDecimal amount" + leaf + "; boolean active" + leaf + ";"
                        + reference + " }\n");
                count++;
            }
            String owner = "Owner" + group;
            sources.put(pkg + "." + owner, "package " + pkg + ";\n" + IMPORTS + "@Entity @Table(indexes = @Index(name = \"ix_owner" + group
                    + "_email\", columnList = \"email\")) public class " + owner + " { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;"
                    + " @Column(unique = true) String email; @ManyToOne(fetch = FetchType.LAZY) Root" + group + " favourite; }\n");
            count++;
        }
        assertTrue(count >= 120, "the model has " + count + " entities");
        List<Class<?>> entities = JavaSources.compile(work.resolve("model"), sources);
        Convergence.run(db, work, entities, Map.of());
    }
}
