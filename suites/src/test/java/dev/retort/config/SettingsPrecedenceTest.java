package dev.retort.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.retort.RetortException;

/**
 * The precedence of every source of a setting, as one table: each row sets some sources and says which value
 * wins and where it came from. Sources: explicit (Java call, Maven parameter, command-line option), the
 * settings.xml server, RETORT_* environment variables, a properties file, DATABASE_URL, the URL's own
 * credentials, the default.
 */
class SettingsPrecedenceTest {

    private static final String A = "jdbc:postgresql://a/db";
    private static final String B = "jdbc:postgresql://b/db";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                   | setting  | explicit          | server | env                 | file       | DATABASE_URL                  | expected                 | origin
            explicit url wins over everything        | url      | jdbc:postgresql://a/db | -  | jdbc:postgresql://b/db | jdbc:postgresql://c/db | postgresql://d/db | jdbc:postgresql://a/db | explicit
            RETORT_URL wins over the file            | url      | -                 | -      | jdbc:postgresql://b/db | jdbc:postgresql://c/db | postgresql://d/db | jdbc:postgresql://b/db | RETORT_URL
            the file wins over DATABASE_URL          | url      | -                 | -      | -                   | jdbc:postgresql://c/db | postgresql://d/db | jdbc:postgresql://c/db | retort.url
            DATABASE_URL is the last source of a URL | url      | -                 | -      | -                   | -          | postgresql://d/db             | jdbc:postgresql://d/db   | DATABASE_URL
            no URL at all                            | url      | -                 | -      | -                   | -          | -                             | -                        | -
            explicit user wins over the server       | user     | alice             | bob    | carol               | dave       | postgresql://erin:x@d/db      | alice                    | explicit
            the server wins over RETORT_USER         | user     | -                 | bob    | carol               | dave       | postgresql://erin:x@d/db      | bob                      | settings.xml server it
            RETORT_USER wins over the file           | user     | -                 | -      | carol               | dave       | postgresql://erin:x@d/db      | carol                    | RETORT_USER
            the file wins over the URL's user        | user     | -                 | -      | -                   | dave       | postgresql://erin:x@d/db      | dave                     | retort.user
            the URL's user is the last source        | user     | -                 | -      | -                   | -          | postgresql://erin:x@d/db      | erin                     | URL
            explicit password wins over the server   | password | p1                | p2     | p3                  | p4         | postgresql://erin:p5@d/db     | p1                       | explicit
            the server's password wins over the URL  | password | -                 | p2     | -                   | -          | postgresql://erin:p5@d/db     | p2                       | settings.xml server it
            the URL's password is the last source    | password | -                 | -      | -                   | -          | postgresql://erin:p5@d/db     | p5                       | URL
            lock timeout: explicit over environment  | lockTimeout | 5              | -      | 7                   | 9          | -                             | 5                        | explicit
            lock timeout: environment over the file  | lockTimeout | -              | -      | 7                   | 9          | -                             | 7                        | RETORT_LOCK_TIMEOUT
            lock timeout: the default                | lockTimeout | -              | -      | -                   | -          | -                             | 60                       | default
            package: the file over the default       | package  | -                 | -      | -                   | com.shop.db | -                            | com.shop.db              | retort.package
            package: the default                     | package  | -                 | -      | -                   | -          | -                             | db.migrations            | default
            rolling: one run's false over the file   | rolling  | false             | -      | -                   | true       | -                             | false                    | explicit
            rolling: the environment over the file   | rolling  | -                 | -      | true                | false      | -                             | true                     | RETORT_ROLLING
            rolling: said once in the file           | rolling  | -                 | -      | -                   | true       | -                             | true                     | retort.rolling
            rolling: the default                     | rolling  | -                 | -      | -                   | -          | -                             | false                    | default
            """)
    void theFirstSourceWithAValueWins(String description, String key, String explicit, String server, String env, String file,
                                      String databaseUrl, String expected, String origin) {
        Setting setting = Setting.byName(key);
        Map<String, String> environment = new HashMap<>();
        if (env != null) {
            environment.put(setting.environmentVariable(), env);
        }
        if (databaseUrl != null) {
            environment.put("DATABASE_URL", databaseUrl);
        }
        Map<String, String> properties = new HashMap<>();
        if (file != null) {
            properties.put(setting.propertyName(), file);
        }
        Settings.Builder builder = Settings.builder().set(setting, explicit).environment(environment).properties(properties);
        if (server != null) {
            builder.server("it", setting == Setting.USER ? server : null, setting == Setting.PASSWORD ? server : null);
        }
        Settings settings = builder.build();
        assertEquals(expected, settings.get(setting), description);
        assertEquals(origin, settings.origin(setting), description);
    }

    @ParameterizedTest(name = "lockTimeout={0} is {1}")
    @CsvSource({"60, PT1M", "0, PT0S", "500ms, PT0.5S", "2m, PT2M", "PT1M30S, PT1M30S"})
    void lockTimeoutsReadAsDurations(String value, String expected) {
        assertEquals(Duration.parse(expected), Settings.builder().set(Setting.LOCK_TIMEOUT, value).build().lockTimeout());
    }

    @ParameterizedTest(name = "lockTimeout={0} is refused")
    @CsvSource({"-5", "abc", "1.5", "5 parsecs"})
    void badLockTimeoutsAreRefusedNamingTheSettingTheValueAndWhereItCameFrom(String value) {
        RetortException e = assertThrows(RetortException.class,
                () -> Settings.builder().environment(Map.of("RETORT_LOCK_TIMEOUT", value)).build());
        assertEquals("retort.lockTimeout is '" + value + "' (from RETORT_LOCK_TIMEOUT); give a whole number of seconds, 0 or more "
                + "(e.g. 60), or a duration such as 500ms or 2m.", e.getMessage());
        assertEquals("migrations.lockTimeout is '" + value + "' (from RETORT_LOCK_TIMEOUT); give a whole number of seconds, 0 or more "
                + "(e.g. 60), or a duration such as 500ms or 2m.", e.getMessage(SettingNames.MAVEN));
    }

    @ParameterizedTest(name = "rolling={0} is {1}")
    @CsvSource({"true, true", "yes, true", "TRUE, true", "false, false", "no, false"})
    void theRollingSettingSaysWhetherGenerateSplitsChanges(String value, boolean expected) {
        assertEquals(expected, Settings.builder().properties(Map.of("retort.rolling", value)).build().rolling());
    }

    @org.junit.jupiter.api.Test
    void aRollingValueThatIsNeitherTrueNorFalseIsRefusedNamingWhereItCameFrom() {
        RetortException e = assertThrows(RetortException.class, () -> Settings.builder().environment(Map.of("RETORT_ROLLING", "sometimes")).build());
        assertEquals("migrations.rolling is 'sometimes' (from RETORT_ROLLING); give true where the application is deployed rolling, or false.",
                e.getMessage(SettingNames.MAVEN));
    }

    @org.junit.jupiter.api.Test
    void credentialsWrittenInTheUrlAreTakenOutOfIt() {
        Settings settings = Settings.builder().set(Setting.URL, "postgresql://app:s%40cret@db.example.com:6432/shop").build();
        assertEquals("jdbc:postgresql://db.example.com:6432/shop", settings.jdbcUrl());
        assertEquals("app", settings.user());
        assertEquals("s@cret", settings.password());
        assertEquals("jdbc:postgresql://db.example.com:6432/shop as app", settings.describeDatabase());
    }

    @org.junit.jupiter.api.Test
    void everyEntryPointNamesSettingsItsOwnWay() {
        assertEquals("migrations.devDatabase", Setting.DEV_DATABASE.mavenProperty());
        assertEquals("retort.devDatabase", Setting.DEV_DATABASE.propertyName());
        assertEquals("RETORT_DEV_DATABASE", Setting.DEV_DATABASE.environmentVariable());
        assertEquals("--dev-database", Setting.DEV_DATABASE.option());
        assertEquals("set --url (RETORT_URL) first", SettingNames.COMMAND_LINE.render("set {url} first"));
    }

    @org.junit.jupiter.api.Test
    void unknownSettingNamesAreRefused() {
        RetortException e = assertThrows(RetortException.class, () -> Settings.builder().set(Map.of("retort.lockTimout", "5")));
        assertTrue(e.getMessage().startsWith("There is no setting named 'retort.lockTimout'; known settings are url, user, password, "
                + "passwordFile, platform, platforms, schema, package, "), e.getMessage());
        assertTrue(e.getMessage().contains(", lockTimeout, "), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aDevDatabaseReplacesEverySourceOfTheConnection() {
        Settings settings = Settings.builder().set(Setting.URL, A).set(Setting.USER, "alice")
                .environment(Map.of("RETORT_PASSWORD", "secret")).build();
        Settings dev = settings.withDatabase(B, "test", null);
        assertEquals(B, dev.jdbcUrl());
        assertEquals("test", dev.user());
        assertEquals(null, dev.password());
        assertEquals(A, settings.jdbcUrl());
    }
}
