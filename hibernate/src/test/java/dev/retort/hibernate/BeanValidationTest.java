package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.platform.Platforms;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * With Hibernate Validator on the class path, the schema Retort writes is the one Hibernate's own create writes at
 * start-up: Bean Validation's NOT NULL, lengths, precision and CHECK constraints in mode {@code auto}, none of them
 * in mode {@code none}.
 */
@PostgresTest
class BeanValidationTest {

    private static final String IMPORTS = """
            import jakarta.persistence.*;
            import jakarta.validation.constraints.*;
            import java.math.BigDecimal;
            """;

    private final TestDatabase db;

    BeanValidationTest(TestDatabase db) {
        this.db = db;
    }

    private static List<Class<?>> model(Path work) {
        return JavaSources.compile(work.resolve("model"), JavaSources.sources("validated", IMPORTS,
                """
                @Entity public class Team { @Id @GeneratedValue Long id; @NotBlank @Size(max = 40) String name; }
                """,
                """
                @Entity public class Member { @Id @GeneratedValue Long id;
                  @NotNull String name;
                  @Size(max = 80) String nickname;
                  @Size(min = 2, max = 12) String code;
                  @Min(0) @Max(150) Integer age;
                  @DecimalMin("0.5") BigDecimal rating;
                  @Digits(integer = 6, fraction = 2) BigDecimal balance;
                  @Email @Size(max = 320) String email;
                  @NotNull @ManyToOne Team team; }
                """));
    }

    @Test
    void modeAutoWritesWhatHibernatesOwnCreateWrites(@TempDir Path work) {
        List<Class<?>> entities = model(work);
        SchemaModel model = HibernateSchemaSource.of(entities, Map.of()).read(Platforms.named("postgresql"));
        String source = Convergence.run(db, work, model, reference -> Hbm2ddl.createAtStartup(reference, entities, Map.of()));
        assertTrue(source.contains("column(\"nickname\", varchar(80))"), source);
        assertTrue(source.contains("column(\"name\", varchar(255)).notNull()"), source);
        assertTrue(source.contains("(age>=0)") && source.contains("(age<=150)"), source);
    }

    @Test
    void modeNoneFromTheSettingsLeavesThemOut(@TempDir Path work) {
        List<Class<?>> entities = model(work);
        Map<String, Object> none = Map.of("jakarta.persistence.validation.mode", "none");
        SchemaModel model = HibernateSchemaSource.of(entities, none).read(Platforms.named("postgresql"));
        String source = Convergence.run(db, work, model, reference -> Hbm2ddl.createAtStartup(reference, entities, none));
        assertTrue(source.contains("column(\"nickname\", varchar(255))"), source);
        assertFalse(source.contains("age>="), source);
    }
}
