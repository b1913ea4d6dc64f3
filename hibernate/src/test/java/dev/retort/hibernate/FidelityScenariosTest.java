package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.service.spi.ServiceContributor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.command.CheckResult;
import dev.retort.command.Generated;
import dev.retort.command.Problem;
import dev.retort.schema.Change;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;
import dev.retort.testing.Catalog;
import dev.retort.testing.PostgresServer;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * What Hibernate writes into its own DDL and Retort once missed, one cause per scenario, each in two runs: from an empty
 * database (generate, upgrade, nothing left to generate, the catalog Hibernate's own create builds, downgrade to base
 * leaves nothing), and from the model's first version to its second (exactly the expected changes, Hibernate's catalog
 * again, nothing more to generate, the downgrade restores version one). The entities are found by package scan, as
 * {@code entityPackages} finds them, and Hibernate's own create starts a session factory the way an application does.
 * The same models run on Hibernate 6.6, 7.2 and 7.4 in the Maven plugin's hibernate-matrix integration test.
 */
@PostgresTest
class FidelityScenariosTest {

    private static final String IMPORTS = """
            import jakarta.persistence.*;
            import jakarta.validation.constraints.Min;
            import java.math.*;
            import java.util.*;
            import org.hibernate.annotations.Array;
            import org.hibernate.annotations.Check;
            import org.hibernate.annotations.ColumnDefault;
            import org.hibernate.annotations.Comment;
            import org.hibernate.annotations.GenericGenerator;
            import org.hibernate.annotations.Parameter;
            import org.hibernate.annotations.Struct;
            """;
    private static final String CONTRIBUTORS = "retort.hibernate.service_contributors";

    private final TestDatabase db;

    FidelityScenariosTest(TestDatabase db) {
        this.db = db;
    }

    static Stream<Arguments> scenarios() {
        String money = "public record Money(BigDecimal amount) { }";
        String moneyConverter = """
                @Converter(autoApply = true) public class MoneyConverter implements AttributeConverter<Money, BigDecimal> {
                  public BigDecimal convertToDatabaseColumn(Money m) { return m == null ? null : m.amount(); }
                  public Money convertToEntityAttribute(BigDecimal d) { return d == null ? null : new Money(d); } }""";
        String ledger = "@Entity public class Ledger { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; String name; %s }";
        String publisher = "@Embeddable @Struct(name = \"publisher_type\") public class Publisher { String name; %s }";
        String book = "@Entity public class Book { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; String title; Publisher publisher; }";
        String task = "@Entity public class Task { @Id Long id; String title; }";
        String note = "@Entity public class Note { @Id Long id; @ManyToOne @JoinColumn(name = \"task_id\", foreignKey = @ForeignKey(name = \"fk_note_task\"%s)) Task task; }";
        String fixture = """
                @Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                @DiscriminatorColumn(name = "type", discriminatorType = DiscriminatorType.INTEGER) @DiscriminatorValue("8")
                public class Fixture { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; %s }""";
        String gauge = "@Entity public class Gauge { @Id @GeneratedValue(generator = \"gauge_seq\") @SequenceGenerator(name = \"gauge_seq\", "
                + "sequenceName = \"gauge_seq\", allocationSize = 5%s) Long id; %s int level; }";
        String voucher = "@Entity @Check(name = \"voucher_code_check\", constraints = \"%s\") public class Voucher { @Id Long id; int code; }";
        String idSettings = "public interface IdSettings extends org.hibernate.service.Service { int start(); }";
        String fhirIds = """
                public class FhirIds implements org.hibernate.id.IdentifierGenerator {
                  private String sequence; private int start;
                  @Override public void configure(org.hibernate.type.Type type, Properties parameters, org.hibernate.service.ServiceRegistry registry) {
                    IdSettings settings;
                    try { settings = registry.getService(IdSettings.class); } catch (RuntimeException unknown) { settings = null; }
                    if (settings == null) throw new org.hibernate.MappingException("the IdSettings service is not registered");
                    sequence = parameters.getProperty("sequence"); start = settings.start(); }
                  @Override public void registerExportables(org.hibernate.boot.model.relational.Database database) {
                    var namespace = database.getDefaultNamespace();
                    var name = org.hibernate.boot.model.naming.Identifier.toIdentifier(sequence);
                    if (namespace.locateSequence(name) == null) namespace.createSequence(name,
                        n -> new org.hibernate.boot.model.relational.Sequence(null, null, null, n, start, 50)); }
                  @Override public Object generate(org.hibernate.engine.spi.SharedSessionContractImplementor session, Object owner) {
                    throw new UnsupportedOperationException(); } }""";
        String idServices = """
                public class IdServices implements org.hibernate.service.spi.ServiceContributor {
                  @Override public void contribute(org.hibernate.boot.registry.StandardServiceRegistryBuilder builder) {
                    builder.addService(IdSettings.class, () -> 1000); } }""";
        String generated = "@Id @GeneratedValue(generator = \"%1$s\") @GenericGenerator(name = \"%1$s\", type = FhirIds.class, "
                + "parameters = @Parameter(name = \"sequence\", value = \"%1$s\")) Long id;";
        return Stream.of(
                scenario("1 an auto-apply converter", Map.of(),
                        List.of(money, moneyConverter, "@Entity public class Product { @Id Long id; String name; }"),
                        List.of(money, moneyConverter, "@Entity public class Product { @Id Long id; String name; Money cost; }"),
                        List.of("add column public.product.cost")),
                scenario("2 the default schema", Map.of("hibernate.default_schema", "fidelity"),
                        List.of(ledger.formatted("")),
                        List.of(ledger.formatted("String memo;"), "@Entity public class Entry { @Id @GeneratedValue Long id; @ManyToOne Ledger ledger; }"),
                        List.of("create sequence fidelity.entry_seq", "create table fidelity.entry", "add column fidelity.ledger.memo")),
                scenario("3 a struct embeddable", Map.of(),
                        List.of(publisher.formatted(""), book),
                        List.of(publisher.formatted("String zip;"), book),
                        List.of("add attribute zip to composite type public.publisher_type")),
                scenario("4 a foreign key definition", Map.of(),
                        List.of(task, note.formatted("")),
                        List.of(task, note.formatted(", foreignKeyDefinition = \"foreign key (task_id) references task(id) on update cascade "
                                + "deferrable initially deferred\"")),
                        List.of("drop changed foreign key fk_note_task on public.note", "add foreign key fk_note_task on public.note")),
                scenario("5 negative numbers", Map.of(),
                        List.of(fixture.formatted("Integer floor;")),
                        List.of(fixture.formatted("@ColumnDefault(\"-1\") Integer floor; @Min(-3) Integer floorNumber;"),
                                "@Entity @DiscriminatorValue(\"-1622886005\") public class Lamp extends Fixture { int watts; }"),
                        // Hibernate 7 checks the discriminator's values, and a subclass's NOT NULL column against them.
                        List.of("drop changed check constraint fixture_type_check on public.fixture", "add column public.fixture.floornumber",
                                "add column public.fixture.watts", "change default of public.fixture.floor",
                                "add check constraint fixture_type_check on public.fixture", "add check constraint fixture_floornumber_check on public.fixture",
                                "add check constraint fixture_check on public.fixture")),
                scenario("6 a sized array", Map.of(),
                        List.of("@Entity public class Poll { @Id Long id; String question; }"),
                        List.of("@Entity public class Poll { @Id Long id; String question; @Array(length = 3) String[] options; }"),
                        List.of("add column public.poll.options")),
                scenario("7 a NULL default and an empty comment", Map.of(),
                        // PostgreSQL keeps a NULL default of a varchar as NULL::character varying, and none of an integer.
                        List.of("@Entity public class Memo { @Id Long id; @ColumnDefault(\"null\") @Comment(\"\") String text; }"),
                        List.of("@Entity public class Memo { @Id Long id; @ColumnDefault(\"null\") @Comment(\"\") String text; "
                                + "@ColumnDefault(\"null\") @Comment(\"\") String body; @ColumnDefault(\"null\") Integer rank; }"),
                        List.of("add column public.memo.rank", "add column public.memo.body")),
                scenario("8 options", Map.of(),
                        List.of(gauge.formatted("", "")),
                        List.of(gauge.formatted(", options = \"cache 5\"", "@Column(options = \"check (level >= 0)\")"),
                                "@Entity @Table(name = \"dial\", options = \"with (fillfactor = 70)\") public class Dial { @Id Long id; }"),
                        List.of("alter sequence public.gauge_seq", "create table public.dial", "write by hand for table public.dial",
                                // A column with options is mapped by @Column, whose nullable is true: the primitive loses its NOT NULL.
                                "drop NOT NULL on public.gauge.level", "add check constraint gauge_level_check on public.gauge")),
                scenario("9 a changed check operator", Map.of(),
                        List.of(voucher.formatted("code < 0")), List.of(voucher.formatted("code > 0")),
                        List.of("drop changed check constraint voucher_code_check on public.voucher",
                                "add check constraint voucher_code_check on public.voucher")),
                scenario("10 a generator that needs the application's service", Map.of(CONTRIBUTORS, "IdServices"),
                        List.of(idSettings, fhirIds, idServices, "@Entity public class Resource { @Id Long id; String name; }"),
                        List.of(idSettings, fhirIds, idServices, "@Entity public class Resource { " + generated.formatted("seq_resource_id")
                                + " String name; }", "@Entity public class Tag { " + generated.formatted("seq_tag_id") + " String label; }"),
                        List.of("create sequence public.seq_resource_id", "create sequence public.seq_tag_id", "create table public.tag")));
    }

    private static Arguments scenario(String name, Map<String, String> settings, List<String> before, List<String> after, List<String> changes) {
        return Arguments.of(name, settings, before, after, changes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void convergesFromEmptyAndFromVersionOneOnHibernatesSchema(String name, Map<String, String> given, List<String> before, List<String> after,
                                                              List<String> expected, @TempDir Path work) {
        String id = "s" + name.substring(0, name.indexOf(' '));
        Version one = compile(work, id, "v1", before, given);
        Version two = compile(work, id, "v2", after, given);

        Convergence.run(db, work.resolve("from-empty"), two.read(), reference -> two.createWithHibernate(reference));

        db.reset();
        Convergence c = new Convergence(db, work.resolve("upgrade"));
        assertFalse(c.generate(one.read(), "version one").nothingToDo());
        c.upgrade();
        List<String> versionOne = Catalog.snapshot(db);
        Generated generated = c.generate(two.read(), name);
        assertEquals(expected, generated.comparison().changes().stream().map(Change::summary).toList(), generated.source());
        c.upgrade();
        c.assertNoChanges(two.read());
        assertTrue(c.generate(two.read(), "again").nothingToDo(), "a second generate must write nothing");
        assertEquals(two.hibernateCatalog(), sorted(Catalog.snapshot(db)), "version two must be the schema Hibernate creates");
        if (name.startsWith("9 ")) {
            operatorChangedByHandIsDrift(c, two);
        }
        try (Retort retort = c.retort()) {
            retort.downgrade("-1");
        }
        assertEquals(sorted(versionOne), sorted(Catalog.snapshot(db)), "the downgrade must restore version one");
    }

    /** {@code check} compares checks by their operators too: one changed by hand is drift. */
    private void operatorChangedByHandIsDrift(Convergence c, Version two) {
        try (Retort retort = c.retort()) {
            assertTrue(retort.check(SchemaSource.of(two.read())).passed(), "check passes on the schema the migrations built");
        }
        db.execute("alter table voucher drop constraint voucher_code_check, add constraint voucher_code_check check (code < 0)");
        CheckResult changed;
        try (Retort retort = c.retort()) {
            changed = retort.check(SchemaSource.of(two.read()));
        }
        assertFalse(changed.passed(), "an operator changed by hand is drift");
        // The migrations replayed on a dev database tell that the database, not the entities, changed.
        assertTrue(changed.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.DATABASE_DRIFT && p.message().contains("voucher_code_check")),
                () -> changed.problems().toString());
        db.execute("alter table voucher drop constraint voucher_code_check, add constraint voucher_code_check check (code > 0)");
    }

    @Test
    void aGeneratorThatCannotBeCreatedStopsTheReadNamingItsEntityAndCause(@TempDir Path work) {
        Object model = scenarios().filter(a -> a.get()[0].toString().startsWith("10 ")).findFirst().orElseThrow().get()[3];
        @SuppressWarnings("unchecked")
        Version two = compile(work, "s10b", "v2", (List<String>) model, Map.of());
        RetortException failure = assertThrows(RetortException.class, two::read);
        String message = failure.getMessage();
        assertTrue(message.startsWith("The id generator fidelity.s10b.v2.FhirIds of entity fidelity.s10b.v2."), message);
        assertTrue(message.contains("the IdSettings service is not registered"), message);
        assertTrue(message.contains(CONTRIBUTORS), message);
    }

    /** One version of a scenario's model, compiled: read by package scan, and created by Hibernate itself. */
    private record Version(String pkg, List<Class<?>> classes, Map<String, Object> settings) {

        SchemaModel read() {
            return HibernateSchemaReader.scan(classes.get(0).getClassLoader(), List.of(pkg), settings);
        }

        /** As the application starts Hibernate: a session factory, its services registered on its own registry builder. */
        void createWithHibernate(TestDatabase reference) {
            Map<String, Object> hibernate = new HashMap<>(settings);
            Object contributors = hibernate.remove(CONTRIBUTORS);
            Consumer<StandardServiceRegistryBuilder> services = builder -> {
                if (contributors != null) {
                    classes.stream().filter(c -> c.getName().equals(contributors)).findFirst().map(Version::contributor)
                            .ifPresent(contributor -> contributor.contribute(builder));
                }
            };
            Hbm2ddl.createAtStartup(reference, classes, hibernate, services);
        }

        List<String> hibernateCatalog() {
            TestDatabase reference = PostgresServer.get().createDatabase("hbm2ddl");
            try {
                createWithHibernate(reference);
                return sorted(Catalog.snapshot(reference));
            } finally {
                PostgresServer.get().dropDatabase(reference);
            }
        }

        private static ServiceContributor contributor(Class<?> type) {
            try {
                return (ServiceContributor) type.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Version compile(Path work, String id, String version, List<String> classes, Map<String, String> given) {
        String pkg = "fidelity." + id + "." + version;
        List<Class<?>> compiled = JavaSources.compile(work.resolve(id + version), JavaSources.sources(pkg, IMPORTS, classes.toArray(String[]::new)));
        Map<String, Object> settings = new HashMap<>(given);
        settings.computeIfPresent(CONTRIBUTORS, (key, value) -> pkg + "." + value);
        return new Version(pkg, compiled, settings);
    }

    /** A dropped and re-added column comes back last, and attributes too: positions are not compared, the lines sorted. */
    private static List<String> sorted(List<String> catalog) {
        return catalog.stream().map(line -> line.replaceFirst("^(column \\S+) #\\d+", "$1")).sorted().toList();
    }
}
