package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * An initial migration of 1,000 entities compiles (one method is limited to 64 KB of bytecode, so a large migration
 * is written in parts), upgrades, converges and equals Hibernate's own create. bench/autogenerate-1000 times the same
 * model beside Liquibase's diff.
 */
@PostgresTest
class LargeModelTest {

    static final int ENTITIES = 1000;

    private final TestDatabase db;

    LargeModelTest(TestDatabase db) {
        this.db = db;
    }

    /** Entity {@code Tnnnn}: five columns, an index, and a foreign key to the entity before it. */
    static Map<String, String> model(int entities) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < entities; i++) {
            String name = String.format("T%04d", i);
            String parent = i == 0 ? "" : String.format(" @ManyToOne(fetch = FetchType.LAZY) T%04d parent;", i - 1);
            sources.put("large." + name, "package large;\nimport jakarta.persistence.*;\n"
                    + "@Entity @Table(name = \"" + name.toLowerCase() + "\", indexes = @Index(name = \"ix_" + name.toLowerCase() + "_name\", columnList = \"name\"))\n"
                    + "public class " + name + " { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;"
                    + " @Column(length = 100, nullable = false) String name; @Column(precision = 12, scale = 2) java.math.BigDecimal amount;"
                    + " java.time.Instant created; boolean flag;" + parent + " }\n");
        }
        return sources;
    }

    @Test
    void aThousandEntitiesGenerateCompileUpgradeAndConverge(@TempDir Path work) {
        List<Class<?>> entities = JavaSources.compile(work.resolve("model"), model(ENTITIES));
        String source = Convergence.run(db, work, entities, Map.of());
        assertTrue(source.contains("UpgradePart1.apply(op);") && source.contains("private static final class UpgradePart10 {"),
                "a migration of this size is written in parts");
    }
}
