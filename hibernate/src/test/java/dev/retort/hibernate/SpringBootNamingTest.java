package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.RetortException;
import dev.retort.platform.Platforms;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * A Spring Boot application's entities are read with the naming its JPA runs with: Boot's defaults (which differ
 * between Boot 3 and 4), the naming properties and {@code spring.jpa.properties} of its {@code application.properties}
 * or {@code application.yml} in any relaxed form, the files of its active profiles, and explicit settings over all
 * of them. Each application is a class loader over real Boot jars; the schema Retort generates, upgrades and compares
 * equals the one Hibernate creates with the settings Boot would hand it.
 */
@PostgresTest
class SpringBootNamingTest {

    private static final String BOOT_3 = "spring-boot-3";
    private static final String BOOT_4 = "spring-boot-4";
    private static final String BOOT_3_PHYSICAL = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    private static final String BOOT_3_IMPLICIT = "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy";
    private static final String BOOT_4_PHYSICAL = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";
    private static final String BOOT_4_IMPLICIT = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";
    private static final String JPA_IMPLICIT = "org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl";

    private static final String IMPORTS = """
            import java.time.Instant;
            import java.util.Set;
            import jakarta.persistence.*;
            import org.hibernate.boot.model.naming.*;
            import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
            """;

    private static final String[] MODEL = {
            """
            @Entity public class Note {
              @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
              @Column(nullable = false) Instant createdAt;
              @Embedded PostalAddress postalAddress;
              @ManyToMany Set<NoteTag> noteTags;
              @ElementCollection Set<String> reviewerNames;
            }
            """,
            """
            @Embeddable public class PostalAddress { String streetName; String postCode; }
            """,
            """
            @Entity public class NoteTag { @Id Long id; String displayName; }
            """,
            """
            public class PrefixedNames extends PhysicalNamingStrategySnakeCaseImpl {
              @Override public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment jdbc) {
                return Identifier.toIdentifier("t_" + super.toPhysicalTableName(name, jdbc).getText());
              }
            }
            """,
            """
            public class OtherPrefix extends PhysicalNamingStrategySnakeCaseImpl {
              @Override public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment jdbc) {
                return Identifier.toIdentifier("x_" + super.toPhysicalTableName(name, jdbc).getText());
              }
            }
            """};

    private final TestDatabase db;

    SpringBootNamingTest(TestDatabase db) {
        this.db = db;
    }

    /** An application: the model compiled, its configuration files beside the classes, and the Boot jars of one generation. */
    private record App(URLClassLoader loader, List<Class<?>> entities, Path resources) {

        SchemaModel read(List<String> profiles, Map<String, Object> explicit, List<String> said) {
            return HibernateSchemaSource.builder().classLoader(loader).packages(List.of("notes")).springProfiles(profiles).properties(explicit)
                    .log(said::add).build().read(Platforms.named("postgresql"));
        }

        void write(String file, String text) {
            JavaSources.write(resources.resolve(file), text);
        }
    }

    private static App app(Path work, String boot, Map<String, String> files) {
        Path root = work.resolve("model");
        JavaSources.compile(root, JavaSources.sources("notes", IMPORTS, MODEL));
        Path classes = root.resolve("classes");
        files.forEach((name, text) -> JavaSources.write(classes.resolve(name), text));
        List<URL> urls = new ArrayList<>(List.of(url(classes)));
        if (boot != null) {
            try (Stream<Path> jars = Files.list(Path.of("target", boot))) {
                jars.filter(jar -> jar.toString().endsWith(".jar")).map(SpringBootNamingTest::url).forEach(urls::add);
            } catch (IOException e) {
                throw new UncheckedIOException("The Spring Boot jars are copied to target/" + boot + " by the build (mvn test)", e);
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), SpringBootNamingTest.class.getClassLoader());
        List<Class<?>> entities = Stream.of("notes.Note", "notes.PostalAddress", "notes.NoteTag").<Class<?>>map(name -> {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }).toList();
        return new App(loader, entities, classes);
    }

    /** Generate, upgrade, generate again (nothing), compare with what Hibernate creates given these settings; the source. */
    private String converges(Path work, App app, SchemaModel model, String physical, String implicit, Map<String, Object> more) {
        Map<String, Object> settings = new LinkedHashMap<>(more);
        settings.put("hibernate.physical_naming_strategy", physical);
        settings.put("hibernate.implicit_naming_strategy", implicit);
        return Convergence.run(db, work, model, reference -> Hbm2ddl.create(reference, app.entities(), settings));
    }

    private static List<String> tables(SchemaModel model) {
        return model.tables().stream().map(t -> t.name()).sorted().toList();
    }

    @Test
    void bootThreesDefaultsGiveSnakeCaseColumnsAndBootsJoinTableNames(@TempDir Path work) {
        App app = app(work, BOOT_3, Map.of("application.properties", "spring.jpa.open-in-view=false\n"));
        List<String> said = new ArrayList<>();
        SchemaModel model = app.read(List.of(), Map.of(), said);

        assertEquals("Naming: Spring Boot's defaults (physical CamelCaseToUnderscoresNamingStrategy, implicit SpringImplicitNamingStrategy), "
                + "from application.properties.", said.get(1));
        assertEquals(List.of("note", "note_note_tags", "note_reviewer_names", "note_tag"), tables(model));
        String source = converges(work, app, model, BOOT_3_PHYSICAL, BOOT_3_IMPLICIT, Map.of());
        for (String column : List.of("\"created_at\"", "\"street_name\"", "\"post_code\"", "\"note_tags_id\"", "\"reviewer_names\"", "\"display_name\"")) {
            assertTrue(source.contains(column), column + " in\n" + source);
        }
    }

    @Test
    void bootFoursDefaultsAndItsJpaPropertiesFromApplicationYml(@TempDir Path work) {
        App app = app(work, BOOT_4, Map.of("application.yml", """
                spring:
                  jpa:
                    open-in-view: false
                    properties:
                      hibernate:
                        type:
                          preferred_instant_jdbc_type: TIMESTAMP
                """));
        List<String> said = new ArrayList<>();
        SchemaModel model = app.read(List.of(), Map.of(), said);

        assertEquals("Naming: Spring Boot's defaults (physical PhysicalNamingStrategySnakeCaseImpl, implicit SpringImplicitNamingStrategy), "
                + "from application.yml.", said.get(1));
        assertEquals(List.of("note", "note_note_tags", "note_reviewer_names", "note_tag"), tables(model));
        String source = converges(work, app, model, BOOT_4_PHYSICAL, BOOT_4_IMPLICIT,
                Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"));
        assertTrue(source.contains("column(\"created_at\", timestamp(6)).notNull()"), source);
    }

    @Test
    void namingPropertiesWinOverJpaPropertiesWhichWinOverBootsDefaultAndExplicitSettingsWinOverAll(@TempDir Path work) {
        App app = app(work, BOOT_4, Map.of("application.properties", """
                spring.jpa.properties.hibernate.physical_naming_strategy=notes.OtherPrefix
                """));
        List<String> said = new ArrayList<>();
        assertEquals(List.of("x_note", "x_note_note_tags", "x_note_reviewer_names", "x_note_tag"), tables(app.read(List.of(), Map.of(), said)));
        assertEquals("Naming: physical notes.OtherPrefix (spring.jpa.properties.hibernate.physical_naming_strategy in application.properties), "
                + "implicit SpringImplicitNamingStrategy (Spring Boot's default), from application.properties.", said.get(1));

        app.write("application.properties", """
                spring.jpa.properties.hibernate.physical_naming_strategy=notes.OtherPrefix
                spring.jpa.hibernate.naming.physical-strategy=notes.PrefixedNames
                """);
        said.clear();
        SchemaModel model = app.read(List.of(), Map.of(), said);
        assertEquals(List.of("t_note", "t_note_note_tags", "t_note_reviewer_names", "t_note_tag"), tables(model));
        assertEquals("Naming: physical notes.PrefixedNames (spring.jpa.hibernate.naming.physical-strategy in application.properties), "
                + "implicit SpringImplicitNamingStrategy (Spring Boot's default), from application.properties.", said.get(1));
        converges(work, app, model, "notes.PrefixedNames", BOOT_4_IMPLICIT, Map.of());

        said.clear();
        Map<String, Object> explicit = Map.of("hibernate.physical_naming_strategy", BOOT_4_PHYSICAL, "hibernate.implicit_naming_strategy", JPA_IMPLICIT);
        assertEquals(List.of("note", "note_note_tag", "note_reviewer_names", "note_tag"), tables(app.read(List.of(), explicit, said)));
        assertEquals("Naming: physical " + BOOT_4_PHYSICAL + " (given explicitly), implicit " + JPA_IMPLICIT + " (given explicitly), "
                + "from application.properties.", said.get(1));
    }

    @Test
    void profilesOfTheFilesOrGivenChooseTheProfileFilesAndDocumentsInRelaxedForms(@TempDir Path work) {
        App app = app(work, BOOT_3, Map.of("application.yml", """
                spring:
                  profiles:
                    active: dev
                  jpa:
                    hibernate:
                      naming:
                        physicalStrategy: notes.OtherPrefix
                ---
                spring:
                  config:
                    activate:
                      on-profile: prod & !dev
                  jpa:
                    hibernate:
                      naming:
                        physical_strategy: notes.PrefixedNames
                """,
                "application-dev.properties", "spring.jpa.properties[hibernate.type.preferred_instant_jdbc_type]=TIMESTAMP\n",
                "application-prod.properties", "spring.jpa.hibernate.naming.IMPLICIT-STRATEGY=" + JPA_IMPLICIT + "\n"));

        List<String> said = new ArrayList<>();
        SchemaModel dev = app.read(List.of(), Map.of(), said);
        assertEquals(List.of("x_note", "x_note_note_tags", "x_note_reviewer_names", "x_note_tag"), tables(dev));
        assertEquals("Naming: physical notes.OtherPrefix (spring.jpa.hibernate.naming.physical-strategy in application.yml), "
                + "implicit SpringImplicitNamingStrategy (Spring Boot's default), from application.yml, application-dev.properties (profile dev).",
                said.get(1));
        assertTrue(dev.toString().contains("name=created_at, type=Builtin[kind=TIMESTAMP, precision=6"), dev.toString());

        said.clear();
        SchemaModel prod = app.read(List.of("prod"), Map.of(), said);
        assertEquals(List.of("t_note", "t_note_note_tag", "t_note_reviewer_names", "t_note_tag"), tables(prod));
        assertEquals("Naming: physical notes.PrefixedNames (spring.jpa.hibernate.naming.physical-strategy in application.yml), implicit "
                + JPA_IMPLICIT + " (spring.jpa.hibernate.naming.implicit-strategy in application-prod.properties), "
                + "from application.yml, application-prod.properties (profile prod).", said.get(1));
        converges(work, app, prod, "notes.PrefixedNames", JPA_IMPLICIT, Map.of());
    }

    @Test
    void includedProfilesAndGroupsAreActiveAndTheDefaultProfilesFileAppliesWhenNoneIs(@TempDir Path work) {
        App app = app(work, BOOT_4, Map.of("application.properties", """
                spring.profiles.include=naming
                spring.profiles.group.naming=prefixed
                """,
                "application-prefixed.yml", "spring.jpa.hibernate.naming.physical-strategy: notes.PrefixedNames\n",
                "application-default.properties", "spring.jpa.hibernate.naming.physical-strategy=notes.OtherPrefix\n"));
        List<String> said = new ArrayList<>();
        assertEquals(List.of("t_note", "t_note_note_tags", "t_note_reviewer_names", "t_note_tag"), tables(app.read(List.of(), Map.of(), said)));
        assertTrue(said.get(1).endsWith("from application.properties, application-prefixed.yml (profiles naming, prefixed)."), said.get(1));

        app.write("application.properties", "spring.jpa.open-in-view=false\n");
        said.clear();
        assertEquals(List.of("x_note", "x_note_note_tags", "x_note_reviewer_names", "x_note_tag"), tables(app.read(List.of(), Map.of(), said)));
        assertTrue(said.get(1).endsWith("from application.properties, application-default.properties."), said.get(1));
    }

    @Test
    void placeholdersResolveFromTheFilesOrTheirDefaultsAndOneOnlyTheRunningApplicationKnowsIsRefused(@TempDir Path work) {
        App app = app(work, BOOT_4, Map.of("application.properties", """
                app.naming=notes.PrefixedNames
                spring.jpa.hibernate.naming.physical-strategy=${app.naming}
                spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type=${INSTANT_TYPE:TIMESTAMP}
                spring.jpa.properties.hibernate.default_schema=${DB_SCHEMA}
                """));
        RetortException refused = assertThrows(RetortException.class, () -> app.read(List.of(), Map.of(), new ArrayList<>()));
        assertEquals("spring.jpa.properties.hibernate.default_schema in the application's application.properties is ${DB_SCHEMA}, a placeholder "
                + "only the running application can resolve; give it a default (${NAME:value}) or set the Hibernate setting explicitly for "
                + "Retort (the Maven plugin's hibernateProperties).", refused.getMessage());

        SchemaModel model = app.read(List.of(), Map.of("hibernate.default_schema", "public"), new ArrayList<>());
        assertEquals(List.of("t_note", "t_note_note_tags", "t_note_reviewer_names", "t_note_tag"), tables(model));
        assertTrue(model.toString().contains("name=created_at, type=Builtin[kind=TIMESTAMP, precision=6"), model.toString());
    }

    @Test
    void aProjectWithoutSpringBootKeepsHibernatesDefaultsAndRefusesProfiles(@TempDir Path work) {
        App app = app(work, null, Map.of("application.properties", "spring.jpa.hibernate.naming.physical-strategy=notes.PrefixedNames\n"));
        List<String> said = new ArrayList<>();
        SchemaModel model = app.read(List.of(), Map.of(), said);
        assertEquals(1, said.size(), said.toString());
        assertEquals(List.of("note", "note_notetag", "note_reviewernames", "notetag"), tables(model));
        assertTrue(model.toString().contains("name=createdat,"), model.toString());

        RetortException refused = assertThrows(RetortException.class, () -> app.read(List.of("prod"), Map.of(), said));
        assertEquals("retort.springProfiles names Spring profile(s) prod, but the project has no Spring Boot JPA on its class path "
                + "(spring-boot-starter-data-jpa); leave retort.springProfiles unset.", refused.getMessage());
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
