package dev.retort.internal.appconfig;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.retort.config.Setting;

/**
 * What a Spring Boot application's own configuration says about its database, read the way the application reads it
 * but without Spring: so the command line run from the application's jar migrates the database the application uses,
 * as Flyway's and Liquibase's Boot integrations do, when nothing names one for Retort.
 *
 * <p>Read: the application's packaged configuration files ({@link BootConfiguration}: {@code application.*} at the
 * class path's root and in {@code config/}, the files and documents of the active profiles), with
 * {@code SPRING_PROFILES_ACTIVE} as the active profiles when set and the environment for {@code ${NAME}} placeholders;
 * then {@code SPRING_DATASOURCE_URL}, {@code _USERNAME} and {@code _PASSWORD} from the environment, each winning over
 * the files.
 *
 * <p>Kept: {@code spring.datasource.url}, {@code username} and {@code password}, and the {@code retort.*} keys the
 * starter binds ({@link #STARTER_KEYS}), under their canonical names ({@code retort.lockTimeout} for
 * {@code retort.lock-timeout} too), each with where it was found.
 */
public final class SpringBootConfig {

    /** The settings the Spring Boot starter binds as {@code retort.*} properties ({@code RetortProperties}). */
    public static final List<Setting> STARTER_KEYS = List.of(Setting.URL, Setting.USER, Setting.PASSWORD, Setting.PASSWORD_FILE,
            Setting.CONNECT_TIMEOUT, Setting.READ_TIMEOUT, Setting.PACKAGE, Setting.SQL_LOCATION, Setting.SCHEMA, Setting.LOCK_TIMEOUT,
            Setting.STATEMENT_LOCK_TIMEOUT, Setting.STATEMENT_TIMEOUT, Setting.CONNECT_RETRIES, Setting.ENVIRONMENT, Setting.CONFIRM,
            Setting.EXCLUDE_OBJECTS, Setting.SCHEMAS, Setting.CLEAN_ENABLED, Setting.BASELINE_ON_RELEASE, Setting.PARALLEL, Setting.FAIL_FAST);

    /** The data source's keys, as {@code Settings.Builder#application} takes them. */
    public static final String URL = "spring.datasource.url";
    public static final String USERNAME = "spring.datasource.username";
    public static final String PASSWORD = "spring.datasource.password";

    private static final String MARKER = "org/springframework/boot/SpringApplication.class";

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private SpringBootConfig(Map<String, String> values, Map<String, String> origins) {
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    /** Nothing: what an application that is not a Spring Boot application gives. */
    public static SpringBootConfig none() {
        return new SpringBootConfig(Map.of(), Map.of());
    }

    /**
     * Reads the configuration of the Spring Boot application whose class path {@code loader} sees; nothing when it
     * holds no Spring Boot.
     *
     * @throws dev.retort.RetortException when a configuration file cannot be read
     */
    public static SpringBootConfig read(ClassLoader loader, Map<String, String> environment) {
        if (loader == null || loader.getResource(MARKER) == null) {
            return none();
        }
        String active = environment.get("SPRING_PROFILES_ACTIVE");
        List<String> profiles = active == null ? List.of()
                : Arrays.stream(active.split(",")).map(String::strip).filter(profile -> !profile.isEmpty()).toList();
        BootConfiguration configuration = BootConfiguration.read(loader, List.of(), profiles, environment);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Setting setting : STARTER_KEYS) {
            keep(setting.propertyName(), configuration, values, origins);
        }
        // retort.placeholders.<name>, a map the starter binds: each placeholder on its own.
        String placeholders = Setting.PLACEHOLDERS.propertyName();
        configuration.map(placeholders).forEach((name, value) -> {
            values.put(placeholders + "." + name, value);
            origins.put(placeholders + "." + name, placeholders + "." + name + " in " + configuration.origin(placeholders + "." + name));
        });
        for (String key : List.of(URL, USERNAME, PASSWORD)) {
            keep(key, configuration, values, origins);
            String variable = key.toUpperCase(Locale.ROOT).replace('.', '_');
            String fromEnvironment = environment.get(variable);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                values.put(key, fromEnvironment);
                origins.put(key, variable);
            }
        }
        return new SpringBootConfig(values, origins);
    }

    /** The values found, by canonical name: {@code retort.url}, {@code spring.datasource.url}, ... */
    public Map<String, String> values() {
        return values;
    }

    /** Where each value was found: {@code spring.datasource.url in application-production.yml}, {@code SPRING_DATASOURCE_URL}. */
    public Map<String, String> origins() {
        return origins;
    }

    /** Whether a setting's origin is this configuration: so the command line can say where the database came from. */
    public boolean isOrigin(String origin) {
        return origin != null && origins.containsValue(origin);
    }

    private static void keep(String key, BootConfiguration configuration, Map<String, String> values, Map<String, String> origins) {
        String value = configuration.get(key);
        if (value != null && !value.isBlank()) {
            values.put(key, value);
            origins.put(key, key + " in " + configuration.origin(key));
        }
    }
}
