package dev.retort.internal.appconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.RetortException;

/**
 * The packaged configuration of a Spring Boot application, read as Boot reads it: where the files are and which wins,
 * which profiles are active and which documents apply, names in their relaxed forms, placeholders, and the sentences
 * a file that cannot be read gives. The class path here has SnakeYAML but no Spring, as the command line's tests do;
 * Spring's own profile expressions are read in the Hibernate module's SpringBootNamingTest, over real Boot jars.
 */
class BootConfigurationTest {

    @TempDir
    Path classes;

    @TempDir
    Path resources;

    private void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private ClassLoader loader(ClassLoader parent) throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
    }

    private BootConfiguration read(List<String> profiles, Map<String, String> environment) throws IOException {
        return BootConfiguration.read(loader(getClass().getClassLoader()), List.of(resources), profiles, environment);
    }

    @Test
    void configDirectoryWinsOverTheRootAndPropertiesOverYamlInTheSamePlace() throws IOException {
        write(classes, "application.yaml", "shop.name: yaml\nshop.region: eu\nshop.tier: root-yaml\n");
        write(classes, "application.properties", "shop.name=root-properties\nshop.tier=root-properties\n");
        write(classes, "config/application.yml", "shop.name: config-yaml\n");
        write(classes, "config/application.properties", "shop.name=config-properties\n");
        BootConfiguration configuration = read(List.of(), Map.of());
        assertEquals("config-properties", configuration.get("shop.name"));
        assertEquals("config/application.properties", configuration.origin("shop.name"));
        assertEquals("root-properties", configuration.get("shop.tier"));
        assertEquals("eu", configuration.get("shop.region"), "the .yaml spelling is read too");
        assertEquals(List.of("application.yaml", "application.properties", "config/application.yml", "config/application.properties"),
                configuration.files());
    }

    @Test
    void aFileTheClassPathDoesNotHoldYetIsReadFromTheResourceDirectories() throws IOException {
        write(classes, "application.properties", "shop.name=compiled\n");
        write(resources, "application.properties", "shop.name=edited\n");
        write(resources, "application-prod.yml", "shop.name: added since\n");
        assertEquals("compiled", read(List.of(), Map.of()).get("shop.name"), "the output directory is what the application runs with");
        BootConfiguration prod = read(List.of("prod"), Map.of());
        assertEquals("added since", prod.get("shop.name"));
        assertEquals("application-prod.yml", prod.origin("shop.name"));
    }

    @Test
    void includedProfilesComeFirstGroupsExpandAndTheDefaultProfileAppliesWhenNoneIsActive() throws IOException {
        write(classes, "application.yml", """
                spring:
                  profiles:
                    include: [base]
                    active: ${REGION:eu}
                    group:
                      eu: [gdpr, metric]
                """);
        write(classes, "application-gdpr.properties", "shop.retention=30d\n");
        write(classes, "application-metric.properties", "shop.retention=forever\nshop.units=metric\n");
        BootConfiguration eu = read(List.of(), Map.of());
        assertEquals(List.of("base", "eu", "gdpr", "metric"), eu.profiles(), "the profile name's placeholder falls back to its default");
        assertEquals("forever", eu.get("shop.retention"), "a later profile wins");
        assertEquals(List.of("base", "us"), read(List.of(), Map.of("REGION", "us")).profiles());
        assertEquals(List.of("base", "gdpr"), read(List.of("gdpr"), Map.of()).profiles(), "given profiles replace spring.profiles.active");

        write(classes, "application.yml", "spring.profiles.default: local\n");
        write(classes, "application-local.properties", "shop.units=imperial\n");
        write(classes, "application-default.properties", "shop.units=none\n");
        BootConfiguration local = read(List.of(), Map.of());
        assertEquals(List.of(), local.profiles());
        assertEquals("imperial", local.get("shop.units"));
        write(classes, "application.yml", "shop.name: plain\n");
        assertEquals("none", read(List.of(), Map.of()).get("shop.units"), "Boot's default profile, when the files name none");
    }

    @Test
    void documentsApplyToTheirProfilesNamedOrNegatedWithoutSpringOnTheClassPath() throws IOException {
        write(classes, "application.properties", """
                shop.mode=plain
                #---   \t
                spring.config.activate.on-profile=prod,staging
                shop.mode=live
                !---
                spring.config.activate.on-profile=!prod
                shop.banner=test data
                """);
        BootConfiguration none = read(List.of(), Map.of());
        assertEquals("plain", none.get("shop.mode"), "a separator may carry trailing blanks");
        assertEquals("test data", none.get("shop.banner"));
        BootConfiguration staging = read(List.of("staging"), Map.of());
        assertEquals("live", staging.get("shop.mode"));
        assertEquals("test data", staging.get("shop.banner"));
        assertNull(read(List.of("prod"), Map.of()).get("shop.banner"));

        write(classes, "application.properties", "shop.mode=plain\n#---\nspring.config.activate.on-profile=prod & !cloud\nshop.mode=live\n");
        RetortException e = assertThrows(RetortException.class, () -> read(List.of(), Map.of()));
        assertEquals("The application's application.properties has a document for profile(s) prod & !cloud, and only Spring's own parser, "
                + "which its class path lacks, can tell whether it applies; add org.springframework:spring-core (spring-boot-starter brings it).",
                e.getMessage());
    }

    @Test
    void namesMatchInEveryRelaxedFormAndMapKeysKeepTheirOwn() throws IOException {
        write(classes, "application.yml", """
                spring:
                  profiles:
                    active:
                      - first
                      - second
                  jpa:
                    properties:
                      "[hibernate.default_schema]": app
                      hibernate.jdbc.time_zone: UTC
                retort:
                  lock_timeout: 5s
                """);
        write(classes, "application.properties", "spring.jpa.properties[hibernate.type.preferred_instant_jdbc_type]=TIMESTAMP\n");
        BootConfiguration configuration = read(List.of(), Map.of());
        assertEquals(List.of("first", "second"), configuration.profiles(), "a YAML list is an indexed list");
        assertEquals("5s", configuration.get("retort.lockTimeout"));
        assertEquals("5s", configuration.get("retort.lock-timeout"));
        assertEquals(Map.of("hibernate.default_schema", "app", "hibernate.jdbc.time_zone", "UTC", "hibernate.type.preferred_instant_jdbc_type",
                "TIMESTAMP"), configuration.map("spring.jpa.properties"));
    }

    @Test
    void nestedPlaceholdersResolveAndOnesNothingSetsStayVisible() throws IOException {
        write(classes, "application.properties", """
                db.name=shop
                db.url=jdbc:postgresql://${DB_HOST:${db.fallback-host:localhost}}:${db.port:5432}/${ db.name }
                db.schema=${DB_SCHEMA}
                """);
        BootConfiguration files = read(List.of(), Map.of());
        assertEquals("jdbc:postgresql://localhost:5432/shop", files.get("db.url"));
        assertTrue(BootConfiguration.unresolved(files.get("db.schema")), files.get("db.schema"));
        assertFalse(BootConfiguration.unresolved(files.get("db.url")));
        BootConfiguration environment = read(List.of(), Map.of("DB_FALLBACK_HOST", "db.internal", "DB_SCHEMA", "app"));
        assertEquals("jdbc:postgresql://db.internal:5432/shop", environment.get("db.url"), "db.fallback-host as DB_FALLBACK_HOST");
        assertEquals("app", environment.get("db.schema"));
    }

    @Test
    void propertiesAreIso88591WithJavasEscapes() throws IOException {
        Files.write(classes.resolve("application.properties"), "shop.name=Caf\u00e9 \\u00e0 la carte\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("Café à la carte", read(List.of(), Map.of()).get("shop.name"));
    }

    @Test
    void aFileThatCannotBeReadIsOneSentenceSayingWhatToDo() throws IOException {
        write(classes, "application.properties", "shop.name=\\uZZZZ\n");
        assertEquals("Cannot read the application's application.properties: Malformed \\uxxxx encoding; fix the file.",
                assertThrows(RetortException.class, () -> read(List.of(), Map.of())).getMessage());

        // YAML that does not parse: SpringBootConfigTest.
        Files.delete(classes.resolve("application.properties"));
        write(classes, "config/application.yml", "shop.name: plain\n");
        ClassLoader withoutSnakeYaml = loader(ClassLoader.getPlatformClassLoader());
        RetortException noParser = assertThrows(RetortException.class,
                () -> BootConfiguration.read(withoutSnakeYaml, List.of(), List.of(), Map.of()));
        assertEquals("The application has config/application.yml but no SnakeYAML on its class path, so Spring Boot could not read the file "
                + "either; add org.yaml:snakeyaml (spring-boot-starter brings it).", noParser.getMessage());
    }
}
