package dev.retort.internal.appconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.RetortException;

/** A Spring Boot application's configuration read as the application reads it: files, profiles, environment, placeholders. */
class SpringBootConfigTest {

    @TempDir
    Path classes;

    /** A class path holding the files and, unless told otherwise, Spring Boot (its marker class). */
    private ClassLoader application(boolean springBoot, String... namesAndContents) throws IOException {
        if (springBoot) {
            Path marker = classes.resolve("org/springframework/boot/SpringApplication.class");
            Files.createDirectories(marker.getParent());
            Files.write(marker, new byte[0]);
        }
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Files.writeString(classes.resolve(namesAndContents[i]), namesAndContents[i + 1]);
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void readsNothingWithoutSpringBootOnTheClassPath() throws IOException {
        ClassLoader loader = application(false, "application.properties", "spring.datasource.url=jdbc:postgresql://db/shop\n");
        assertEquals(Map.of(), SpringBootConfig.read(loader, Map.of()).values());
    }

    @Test
    void readsTheDataSourceAndTheStartersKeysOfApplicationPropertiesUnderTheirCanonicalNames() throws IOException {
        ClassLoader loader = application(true, "application.properties", """
                spring.datasource.url=jdbc:postgresql://db:5432/shop
                spring.datasource.username=app
                spring.datasource.password=s3cret
                retort.lock-timeout=5s
                retort.package=com.shop.migrations
                retort.devDatabase=embedded
                server.port=8081
                """);
        SpringBootConfig config = SpringBootConfig.read(loader, Map.of());
        assertEquals(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/shop", "spring.datasource.username", "app",
                "spring.datasource.password", "s3cret", "retort.lockTimeout", "5s", "retort.package", "com.shop.migrations"), config.values(),
                "the starter binds no devDatabase, and the server's port is none of Retort's business");
        assertEquals("spring.datasource.url in application.properties", config.origins().get("spring.datasource.url"));
        assertEquals("retort.lockTimeout in application.properties", config.origins().get("retort.lockTimeout"));
    }

    @Test
    void readsYamlWithTheApplicationsSnakeYamlProfilesAndTheirFiles() throws IOException {
        ClassLoader loader = application(true, "application.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://localhost/dev
                    username: dev
                retort:
                  schema: app
                ---
                spring:
                  config:
                    activate:
                      on-profile: production
                  datasource:
                    username: deployer
                ---
                spring.config.activate.on-profile: "!production"
                retort.schema: local
                """, "application-production.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://prod-db:5432/shop
                """);
        SpringBootConfig development = SpringBootConfig.read(loader, Map.of());
        assertEquals("jdbc:postgresql://localhost/dev", development.values().get("spring.datasource.url"));
        assertEquals("local", development.values().get("retort.schema"), "a !production document counts without that profile");

        SpringBootConfig production = SpringBootConfig.read(loader, Map.of("SPRING_PROFILES_ACTIVE", "production"));
        assertEquals("jdbc:postgresql://prod-db:5432/shop", production.values().get("spring.datasource.url"));
        assertEquals("spring.datasource.url in application-production.yml", production.origins().get("spring.datasource.url"));
        assertEquals("deployer", production.values().get("spring.datasource.username"), "the profile's document of application.yml");
        assertEquals("app", production.values().get("retort.schema"));
    }

    @Test
    void propertiesWinOverYamlAndTheFilesNameTheActiveProfile() throws IOException {
        ClassLoader loader = application(true, "application.yml", "spring.datasource.url: jdbc:postgresql://yaml/db\n",
                "application.properties", "spring.datasource.url=jdbc:postgresql://properties/db\nspring.profiles.active=eu,prod\n"
                        + "#---\nspring.config.activate.on-profile=prod\nretort.environment=production\n",
                "application-eu.properties", "spring.datasource.username=eu\nspring.datasource.password=eu-pass\n",
                "application-prod.properties", "spring.datasource.username=prod\n");
        SpringBootConfig config = SpringBootConfig.read(loader, Map.of());
        assertEquals("jdbc:postgresql://properties/db", config.values().get("spring.datasource.url"));
        assertEquals("prod", config.values().get("spring.datasource.username"), "the later profile wins");
        assertEquals("eu-pass", config.values().get("spring.datasource.password"));
        assertEquals("production", config.values().get("retort.environment"), "a #--- document activated by a profile");
    }

    @Test
    void readsConfigDirectoryAndIncludedProfilesAsTheApplicationDoesAndSaysWhichFile() throws IOException {
        Files.createDirectories(classes.resolve("config"));
        ClassLoader loader = application(true, "application.properties", "spring.datasource.url=jdbc:postgresql://root/db\n",
                "config/application.yml", "spring.profiles.include: migrations\n",
                "application-migrations.yaml", "spring.datasource.username: owner\n",
                "config/application-production.properties", "spring.datasource.url=jdbc:postgresql://prod-db/shop\n");
        SpringBootConfig config = SpringBootConfig.read(loader, Map.of("SPRING_PROFILES_ACTIVE", "production"));
        assertEquals("jdbc:postgresql://prod-db/shop", config.values().get("spring.datasource.url"));
        assertEquals("spring.datasource.url in config/application-production.properties", config.origins().get("spring.datasource.url"));
        assertEquals("owner", config.values().get("spring.datasource.username"), "an included profile is active beside the given ones");
    }

    @Test
    void theEnvironmentsDataSourceWinsAndPlaceholdersResolveFromTheEnvironmentAndTheFiles() throws IOException {
        ClassLoader loader = application(true, "application.properties", """
                db.name=shop
                spring.datasource.url=jdbc:postgresql://${DB_HOST:localhost}:${db.port:5432}/${db.name}
                spring.datasource.username=${DB_USER}
                spring.datasource.password=${DB_PASSWORD}
                """);
        SpringBootConfig config = SpringBootConfig.read(loader, Map.of("DB_HOST", "db.internal", "DB_PORT", "6543"));
        assertEquals("jdbc:postgresql://db.internal:6543/shop", config.values().get("spring.datasource.url"),
                "DB_HOST as written, db.port as the variable DB_PORT, db.name from the file");
        assertEquals("${DB_USER}", config.values().get("spring.datasource.username"), "left for whoever uses it to report");

        SpringBootConfig overridden = SpringBootConfig.read(loader, Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://env/db",
                "SPRING_DATASOURCE_PASSWORD", "from-env"));
        assertEquals("jdbc:postgresql://env/db", overridden.values().get("spring.datasource.url"));
        assertEquals("SPRING_DATASOURCE_URL", overridden.origins().get("spring.datasource.url"));
        assertEquals("from-env", overridden.values().get("spring.datasource.password"));
        assertTrue(overridden.isOrigin("SPRING_DATASOURCE_URL"));
    }

    @Test
    void aYamlFileItCannotReadIsOneSentenceNamingTheFile() throws IOException {
        ClassLoader loader = application(true, "application.yml", "spring:\n  datasource:\n    url: [unclosed\n");
        RetortException e = assertThrows(RetortException.class, () -> SpringBootConfig.read(loader, Map.of()));
        assertTrue(e.getMessage().startsWith("Cannot read the application's application.yml: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; fix the file's YAML."), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
