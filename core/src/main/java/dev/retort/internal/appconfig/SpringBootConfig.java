package dev.retort.internal.appconfig;

import java.util.ArrayList;
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
 * <p>Read, from the application's class path: {@code application.properties}, {@code application.yml} and
 * {@code application.yaml} (multi-document files included), then {@code application-<profile>.*} for every active
 * profile ({@code SPRING_PROFILES_ACTIVE}, else {@code spring.profiles.active} in those files, else {@code default}),
 * later ones winning as in Spring Boot; then {@code SPRING_DATASOURCE_URL}, {@code _USERNAME} and {@code _PASSWORD}
 * from the environment. {@code ${NAME}} and {@code ${NAME:default}} placeholders are resolved from the environment and
 * the files. Not read: configuration outside the jar ({@code spring.config.location}, {@code ./config/}), imports,
 * system properties, and profile expressions beyond names and {@code !name}.
 *
 * <p>Kept: {@code spring.datasource.url}, {@code username} and {@code password}, and the {@code retort.*} keys the
 * starter binds ({@link #STARTER_KEYS}), under their canonical names ({@code retort.lockTimeout} for
 * {@code retort.lock-timeout} too), each with where it was found.
 */
public final class SpringBootConfig {

    /** The settings the Spring Boot starter binds as {@code retort.*} properties ({@code RetortProperties}). */
    public static final List<Setting> STARTER_KEYS = List.of(Setting.URL, Setting.USER, Setting.PASSWORD, Setting.PASSWORD_FILE,
            Setting.CONNECT_TIMEOUT, Setting.READ_TIMEOUT, Setting.PACKAGE, Setting.SQL_LOCATION, Setting.SCHEMA, Setting.LOCK_TIMEOUT,
            Setting.STATEMENT_LOCK_TIMEOUT, Setting.STATEMENT_TIMEOUT, Setting.CONNECT_RETRIES, Setting.ENVIRONMENT, Setting.CONFIRM);

    /** The data source's keys, as {@code Settings.Builder#application} takes them. */
    public static final String URL = "spring.datasource.url";
    public static final String USERNAME = "spring.datasource.username";
    public static final String PASSWORD = "spring.datasource.password";

    private static final String MARKER = "org/springframework/boot/SpringApplication.class";
    private static final List<String> EXTENSIONS = List.of("yaml", "yml", "properties");

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
        List<ConfigDocuments.Document> base = new ArrayList<>();
        for (String extension : EXTENSIONS) {
            base.addAll(ConfigDocuments.read(loader, "application." + extension));
        }
        List<String> profiles = activeProfiles(base, environment);
        List<ConfigDocuments.Document> all = new ArrayList<>(base);
        for (String profile : profiles) {
            for (String extension : EXTENSIONS) {
                all.addAll(ConfigDocuments.read(loader, "application-" + profile + "." + extension));
            }
        }
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, String> foundIn = new LinkedHashMap<>();
        for (ConfigDocuments.Document document : all) {
            if (document.activeFor(profiles)) {
                document.properties().forEach((key, value) -> {
                    merged.put(relaxed(key), value);
                    foundIn.put(relaxed(key), document.file());
                });
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        Placeholders placeholders = new Placeholders(environment, merged);
        for (Setting setting : STARTER_KEYS) {
            keep(setting.propertyName(), merged, foundIn, placeholders, values, origins);
        }
        for (String key : List.of(URL, USERNAME, PASSWORD)) {
            keep(key, merged, foundIn, placeholders, values, origins);
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

    private static void keep(String key, Map<String, String> merged, Map<String, String> foundIn, Placeholders placeholders,
                             Map<String, String> values, Map<String, String> origins) {
        String value = merged.get(relaxed(key));
        if (value != null && !value.isBlank()) {
            values.put(key, placeholders.resolve(value));
            origins.put(key, key + " in " + foundIn.get(relaxed(key)));
        }
    }

    /** The profiles Spring Boot would activate: the environment's, else the files', else {@code default}. */
    private static List<String> activeProfiles(List<ConfigDocuments.Document> base, Map<String, String> environment) {
        String active = environment.get("SPRING_PROFILES_ACTIVE");
        if (active == null || active.isBlank()) {
            active = null;
            for (ConfigDocuments.Document document : base) {
                if (document.activation() == null) {
                    String value = document.properties().entrySet().stream().filter(e -> relaxed(e.getKey()).equals("spring.profiles.active"))
                            .map(Map.Entry::getValue).reduce((first, last) -> last).orElse(null);
                    active = value != null ? value : active;
                }
            }
        }
        List<String> profiles = active == null ? List.of() : Arrays.stream(active.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return profiles.isEmpty() ? List.of("default") : profiles;
    }

    /**
     * Spring's relaxed names, for the keys compared here: {@code retort.lock-timeout}, {@code retort.lockTimeout} and
     * {@code retort.lock_timeout} are one key.
     */
    static String relaxed(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
