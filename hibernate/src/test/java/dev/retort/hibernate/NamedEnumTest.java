package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.command.Generated;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.Catalog;
import dev.retort.testing.PostgresServer;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * A PostgreSQL enum type Hibernate declares for {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)}: created with the
 * table, and given the new label when the Java enum gains a constant, in the order Hibernate's own create uses.
 */
@PostgresTest
class NamedEnumTest {

    private static final String IMPORTS = """
            import jakarta.persistence.*;
            import org.hibernate.annotations.JdbcTypeCode;
            import org.hibernate.type.SqlTypes;
            """;
    private static final String DIARY = """
            @Entity public class Diary { @Id Long id; @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood mood; }
            """;

    private final TestDatabase db;

    NamedEnumTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void theEnumTypeIsCreatedAsHibernateCreatesIt(@TempDir Path work) {
        List<Class<?>> entities = JavaSources.compile(work.resolve("model"), JavaSources.sources("named", IMPORTS,
                "public enum Mood { SAD, HAPPY }", DIARY));
        String source = Convergence.run(db, work, entities, Map.of());
        assertTrue(source.contains("op.createEnum(\"mood\""), source);
    }

    @Test
    void aNewConstantAddsItsLabel(@TempDir Path work) {
        db.reset();
        List<Class<?>> before = JavaSources.compile(work.resolve("v1"), JavaSources.sources("named", IMPORTS, "public enum Mood { SAD, HAPPY }", DIARY));
        List<Class<?>> after = JavaSources.compile(work.resolve("v2"), JavaSources.sources("named", IMPORTS, "public enum Mood { SAD, HAPPY, CALM }", DIARY));
        Convergence round = new Convergence(db, work.resolve("migrations"));
        round.generate(HibernateSchemaReader.read(before, Map.of()), "diary");
        round.upgrade();
        db.execute("insert into diary (id, mood) values (1, 'HAPPY')");

        SchemaModel changed = HibernateSchemaReader.read(after, Map.of());
        Generated added = round.generate(changed, "calm");
        assertTrue(added.source().contains("op.addEnumValue(\"mood\", \"CALM\""), added.source());
        round.upgrade();
        round.assertNoChanges(changed);
        assertEquals("1", db.value("select count(*) from diary where mood = 'HAPPY'"));

        TestDatabase reference = PostgresServer.get().createDatabase("hbm2ddl");
        try {
            Hbm2ddl.create(reference, after, Map.of());
            List<String> enums = Catalog.snapshot(reference).stream().filter(l -> l.startsWith("enum ")).toList();
            assertEquals(enums, Catalog.snapshot(db).stream().filter(l -> l.startsWith("enum ")).toList());
        } finally {
            PostgresServer.get().dropDatabase(reference);
        }
    }
}
