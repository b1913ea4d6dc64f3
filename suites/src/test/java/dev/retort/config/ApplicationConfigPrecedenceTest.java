package dev.retort.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.retort.RetortException;

/**
 * Where the application's own configuration ranks: its retort.* keys just below a properties file's, its data source
 * the last source of the database, whole or not at all.
 */
class ApplicationConfigPrecedenceTest {

    private static final Map<String, String> APPLICATION = Map.of(
            "spring.datasource.url", "jdbc:postgresql://app-db:5432/shop",
            "spring.datasource.username", "app",
            "spring.datasource.password", "app-secret",
            "retort.schema", "migrations");
    private static final Map<String, String> ORIGINS = Map.of(
            "spring.datasource.url", "spring.datasource.url in application.yml",
            "spring.datasource.username", "spring.datasource.username in application.yml",
            "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD",
            "retort.schema", "retort.schema in application.yml");

    @Test
    void withNothingElseTheApplicationsDataSourceIsUsedWithItsCredentials() {
        Settings settings = Settings.builder().application(APPLICATION, ORIGINS).build();
        assertEquals("jdbc:postgresql://app-db:5432/shop", settings.jdbcUrl());
        assertEquals("spring.datasource.url in application.yml", settings.origin(Setting.URL));
        assertEquals("app", settings.user());
        assertEquals("app-secret", settings.password());
        assertEquals("SPRING_DATASOURCE_PASSWORD", settings.origin(Setting.PASSWORD));
        assertEquals("migrations", settings.schema());
        assertEquals("jdbc:postgresql://app-db:5432/shop as app", settings.describeDatabase(), "never the password");
    }

    @Test
    void databaseUrlWinsAndTheDataSourcesCredentialsDoNotGoWithIt() {
        Settings settings = Settings.builder().environment(Map.of("DATABASE_URL", "postgresql://release@db:5432/shop"))
                .application(APPLICATION, ORIGINS).build();
        assertEquals("jdbc:postgresql://db:5432/shop", settings.jdbcUrl());
        assertEquals("DATABASE_URL", settings.origin(Setting.URL));
        assertEquals("release", settings.user());
        assertEquals(null, settings.password(), "the application's password belongs to the application's URL");
    }

    @Test
    void retortsOwnSourcesWinOverTheApplicationsKeys() {
        Settings settings = Settings.builder().environment(Map.of("RETORT_SCHEMA", "ops", "RETORT_USER", "owner"))
                .properties(Map.of("retort.lockTimeout", "5"))
                .application(Map.of("spring.datasource.url", "jdbc:postgresql://app-db/shop", "spring.datasource.username", "app",
                        "retort.lockTimeout", "9", "retort.schema", "migrations"), ORIGINS)
                .build();
        assertEquals("ops", settings.schema());
        assertEquals("5", settings.get(Setting.LOCK_TIMEOUT));
        assertEquals("owner", settings.user(), "RETORT_USER wins over the data source's user");
        assertEquals("jdbc:postgresql://app-db/shop", settings.jdbcUrl());
    }

    @Test
    void theApplicationsRetortUrlWinsOverItsDataSourceAsTheStarterDoes() {
        Settings settings = Settings.builder().application(Map.of("retort.url", "postgresql://owner:pw@app-db/shop",
                "spring.datasource.url", "jdbc:postgresql://app-db/shop", "spring.datasource.username", "app"),
                Map.of("retort.url", "retort.url in application.properties")).build();
        assertEquals("retort.url in application.properties", settings.origin(Setting.URL));
        assertEquals("owner", settings.user(), "the credentials of retort.url, not the data source's");
    }

    @Test
    void anUnsetPlaceholderFailsOnlyWhereItsValueIsUsed() {
        Map<String, String> application = Map.of("spring.datasource.url", "jdbc:postgresql://${DB_HOST}/shop");
        Map<String, String> origins = Map.of("spring.datasource.url", "spring.datasource.url in application.properties");
        RetortException e = assertThrows(RetortException.class, () -> Settings.builder().application(application, origins).build());
        assertEquals("retort.url comes from spring.datasource.url in application.properties, whose placeholder ${DB_HOST} is set neither "
                + "in the environment nor in the application's configuration; set DB_HOST, or name the database for Retort (DATABASE_URL).",
                e.getMessage());
        Settings withDatabaseUrl = Settings.builder().environment(Map.of("DATABASE_URL", "postgresql://db/shop")).application(application, origins).build();
        assertTrue(withDatabaseUrl.hasDatabase(), "the placeholder of a URL that is not used does no harm");
    }

    @Test
    void aDevDatabaseReplacesTheApplicationsDataSource() {
        Settings settings = Settings.builder().application(APPLICATION, ORIGINS).build().withDatabase("jdbc:postgresql://scratch/db", "dev", null);
        assertEquals("jdbc:postgresql://scratch/db", settings.jdbcUrl());
        assertEquals("dev", settings.user());
        assertEquals(null, settings.password());
    }
}
