package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.RetortException;
import dev.retort.platform.Platforms;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * Entities from a persistence unit: its listed classes, its mapping file, its properties (a naming strategy) and its
 * validation mode, selected by name among the units of a persistence.xml; the schema equals what Hibernate creates
 * for the same unit through {@code Persistence.createEntityManagerFactory}.
 */
@PostgresTest
class PersistenceUnitTest {

    private static final String IMPORTS = """
            import jakarta.persistence.*;
            import jakarta.validation.constraints.*;
            """;

    private static final String PERSISTENCE_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
              <persistence-unit name="other">
                <class>units.Unlisted</class>
              </persistence-unit>
              <persistence-unit name="shop" transaction-type="RESOURCE_LOCAL">
                <mapping-file>META-INF/shop-orm.xml</mapping-file>
                <class>units.Book</class>
                <exclude-unlisted-classes>true</exclude-unlisted-classes>
                <validation-mode>NONE</validation-mode>
                <properties>
                  <property name="hibernate.physical_naming_strategy" value="org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"/>
                  <property name="jakarta.persistence.jdbc.url" value="jdbc:postgresql://127.0.0.1:1/never-connected"/>
                </properties>
              </persistence-unit>
            </persistence>
            """;

    private static final String ORM_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.0">
              <entity class="units.Shelf" access="FIELD">
                <table name="shelf_xml"/>
                <attributes>
                  <id name="id"><generated-value strategy="IDENTITY"/></id>
                  <basic name="roomName"><column length="30" nullable="false"/></basic>
                </attributes>
              </entity>
            </entity-mappings>
            """;

    private final TestDatabase db;

    PersistenceUnitTest(TestDatabase db) {
        this.db = db;
    }

    private static ClassLoader project(Path work) {
        Path root = work.resolve("model");
        JavaSources.compile(root, JavaSources.sources("units", IMPORTS,
                """
                @Entity public class Book { @Id @GeneratedValue Long id; @Size(max = 20) String shortTitle; int pageCount; @ManyToOne Shelf shelf; }
                """,
                """
                public class Shelf { Long id; String roomName; }
                """,
                """
                @Entity public class Unlisted { @Id Long id; }
                """));
        JavaSources.write(root.resolve("classes/META-INF/persistence.xml"), PERSISTENCE_XML);
        JavaSources.write(root.resolve("classes/META-INF/shop-orm.xml"), ORM_XML);
        return JavaSources.loader(root.resolve("classes"));
    }

    @Test
    void aUnitsClassesMappingFilesPropertiesAndValidationModeAreReadAsHibernateReadsThem(@TempDir Path work) {
        ClassLoader loader = project(work);
        SchemaModel model = HibernateSchemaSource.builder().classLoader(loader).persistenceUnit("shop").build()
                .read(Platforms.named("postgresql"));
        assertEquals(List.of("book", "shelf_xml"), model.tables().stream().map(t -> t.name()).toList());
        String source = Convergence.run(db, work, model, reference -> Hbm2ddl.createUnit(reference, loader, "shop", Map.of()));
        assertTrue(source.contains("column(\"short_title\", varchar(255))"), source);
        assertTrue(source.contains("column(\"room_name\", varchar(30)).notNull()"), source);
        assertFalse(source.contains("unlisted"), source);
    }

    @Test
    void explicitSettingsWinOverTheUnitsOwn(@TempDir Path work) {
        ClassLoader loader = project(work);
        Map<String, Object> auto = Map.of("jakarta.persistence.validation.mode", "auto");
        SchemaModel model = HibernateSchemaSource.builder().classLoader(loader).persistenceUnit("shop").properties(auto).build()
                .read(Platforms.named("postgresql"));
        String source = Convergence.run(db, work, model, reference -> Hbm2ddl.createUnit(reference, loader, "shop", auto));
        assertTrue(source.contains("column(\"short_title\", varchar(20))"), source);
    }

    @Test
    void anUnknownUnitIsNamedWithTheUnitsThereAre(@TempDir Path work) {
        db.reset();
        ClassLoader loader = project(work);
        RetortException e = assertThrows(RetortException.class, () -> HibernateSchemaSource.builder().classLoader(loader)
                .persistenceUnit("shopp").build().read(Platforms.named("postgresql")));
        assertEquals("Persistence unit 'shopp' is not in the project's META-INF/persistence.xml; set retort.persistenceUnit to one of its "
                + "units: other, shop.", e.getMessage());
        assertEquals("0", db.value("select count(*) from pg_tables where schemaname = 'public'"));
    }
}
