package dev.retort.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.retort.RetortException;
import dev.retort.platform.DatabaseUrl;
import dev.retort.platform.Platforms;

/**
 * Retort's configuration, the same for every entry point: built from explicit values (Java calls, Maven
 * parameters, command-line options), a {@code settings.xml} server, the environment ({@code RETORT_*},
 * {@code DATABASE_URL}), a properties file and the application's own configuration, in the order
 * {@link Precedence} documents. Values are checked when built, so a bad value fails before anything connects.
 */
public final class Settings {

    private final Map<Setting, String> values;
    private final Map<Setting, String> origins;
    private final DatabaseUrl database;
    private final Builder layers;
    private final Map<String, String> placeholders;

    Settings(Map<Setting, String> values, Map<Setting, String> origins, DatabaseUrl database, Builder layers,
             Map<String, String> placeholders) {
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
        this.database = database;
        this.layers = layers.copy();
        this.placeholders = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(placeholders));
    }

    /** Starts a configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults and nothing else: no database. */
    public static Settings defaults() {
        return builder().build();
    }

    /** The raw value of a setting after precedence, or its default; null when neither exists. */
    public String get(Setting setting) {
        return values.get(setting);
    }

    /** Where the value of a setting came from ({@code explicit}, {@code settings.xml server}, {@code RETORT_URL}, {@code DATABASE_URL}, ...), or null. */
    public String origin(Setting setting) {
        return origins.get(setting);
    }

    /** Whether a database is configured. */
    public boolean hasDatabase() {
        return database != null;
    }

    /** The database's JDBC URL without credentials, or null when none is configured. */
    public String jdbcUrl() {
        return database == null ? null : database.jdbcUrl();
    }

    /** The database user, or null. */
    public String user() {
        return values.get(Setting.USER);
    }

    /** The database password, or null. Never print it. */
    public String password() {
        return values.get(Setting.PASSWORD);
    }

    /** The database as it may be printed: the URL with any password masked, and the user. */
    public String describeDatabase() {
        if (database == null) {
            return "no database";
        }
        return DatabaseUrl.mask(database.jdbcUrl()) + (user() == null ? "" : " as " + user());
    }

    /** The schema of Retort's own tables, or null for the search path. */
    public String schema() {
        return values.get(Setting.SCHEMA);
    }

    /** The package of the migration classes. */
    public String migrationsPackage() {
        return values.get(Setting.PACKAGE);
    }

    /** Where SQL revision files are found on the class path: a resource path without leading or trailing slash. */
    public String sqlLocation() {
        return values.get(Setting.SQL_LOCATION);
    }

    /** Where new migration source files go. */
    public Path sourceDirectory() {
        return Path.of(values.get(Setting.SOURCE_DIRECTORY));
    }

    /** How long a writing run waits for another run's lock. */
    public Duration lockTimeout() {
        return Durations.parse(values.get(Setting.LOCK_TIMEOUT));
    }

    /** The packages of the JPA entities; empty when not configured. */
    public List<String> entityPackages() {
        return commaSeparated(Setting.ENTITY_PACKAGES);
    }

    /** The persistence unit to read the entities from, or null to scan the entity packages. */
    public String persistenceUnit() {
        String value = values.get(Setting.PERSISTENCE_UNIT);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The Spring Boot profiles to read a Boot application's configuration with; empty when not configured. */
    public List<String> springProfiles() {
        return commaSeparated(Setting.SPRING_PROFILES);
    }

    private List<String> commaSeparated(Setting setting) {
        String value = values.get(setting);
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The dev database ({@code docker} or a scratch server's URL), or null when none is configured. */
    public String devDatabase() {
        return values.get(Setting.DEV_DATABASE);
    }

    private static final java.util.regex.Pattern DEV_DATABASE_ENTRY = java.util.regex.Pattern.compile("([A-Za-z0-9_-]+)=(.+)");

    /**
     * The dev databases given for the platforms one history serves ({@code devDatabases}), by platform id, in order;
     * empty when not set.
     *
     * @throws RetortException when an entry is not {@code id=spec}
     */
    public Map<String, String> devDatabases() {
        String value = values.get(Setting.DEV_DATABASES);
        Map<String, String> specs = new java.util.LinkedHashMap<>();
        for (String entry : value == null || value.isBlank() ? new String[0] : value.strip().split("[\\s,]+")) {
            java.util.regex.Matcher m = DEV_DATABASE_ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new RetortException("devDatabases entry '" + entry + "' names no platform: write <platform id>=<spec>, the "
                        + "spec as devDatabase takes it (embedded, docker, or a scratch server's JDBC URL).");
            }
            specs.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
        }
        return specs;
    }

    /** The ids of the databases one history serves ({@code platforms}), lower case, in order; empty when not set. */
    public List<String> platforms() {
        String value = values.get(Setting.PLATFORMS);
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }

    /** The database platform's id when one is set ({@code platform}), or null. */
    public String platform() {
        return values.get(Setting.PLATFORM);
    }

    /** The dev database container's image, or null for the platform's own. */
    public String devImage() {
        return values.get(Setting.DEV_IMAGE);
    }

    /** How long connecting and logging in may take. */
    public Duration connectTimeout() {
        return Durations.parse(values.get(Setting.CONNECT_TIMEOUT));
    }

    /** How long Retort waits for answers to its own queries; zero for no limit. */
    public Duration readTimeout() {
        return Durations.parse(values.get(Setting.READ_TIMEOUT));
    }

    /** How many more times to try connecting when the database is not reachable yet. */
    public int connectRetries() {
        return Integer.parseInt(values.get(Setting.CONNECT_RETRIES));
    }

    /** How long a revision's statement waits for a table lock; zero for no limit. */
    public Duration statementLockTimeout() {
        return Durations.parse(values.get(Setting.STATEMENT_LOCK_TIMEOUT));
    }

    /** How long one statement of a revision may run; zero for no limit. */
    public Duration statementTimeout() {
        return Durations.parse(values.get(Setting.STATEMENT_TIMEOUT));
    }

    /** The environment the database belongs to, or null when not said. */
    public String environment() {
        return values.get(Setting.ENVIRONMENT);
    }

    /** Whether the environment is production ({@code production} or {@code prod}), where writes need confirmation. */
    public boolean isProduction() {
        return "production".equalsIgnoreCase(environment()) || "prod".equalsIgnoreCase(environment());
    }

    /** Whether writing to production is confirmed. */
    public boolean confirmed() {
        return yes(values.get(Setting.CONFIRM));
    }

    /** Whether commands that undo or rewrite history in production are confirmed as well. */
    public boolean confirmedDestructive() {
        return yes(values.get(Setting.CONFIRM_DESTRUCTIVE));
    }

    /** The values of the SQL files' placeholders, by name as given (matched without regard to case); empty when none is set. */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    /** The names and patterns of the objects Retort does not manage, as given; empty when none is set. */
    public List<String> excludeObjects() {
        return commaSeparated(Setting.EXCLUDE_OBJECTS);
    }

    /** The schemas Retort manages, as set; empty for the default ({@code schema}, else the connection's current schema). */
    public List<String> schemas() {
        return commaSeparated(Setting.SCHEMAS);
    }

    /** Whether clean is allowed (never in production, which clean checks itself). */
    public boolean cleanEnabled() {
        return yes(values.get(Setting.CLEAN_ENABLED));
    }

    /** The revision release adopts a database without Retort's tables at, after comparing schemas; null when not asked. */
    public String baselineOnRelease() {
        return values.get(Setting.BASELINE_ON_RELEASE);
    }

    /** Whether the application is deployed rolling: generate then writes expand, backfill and contract revisions. */
    public boolean rolling() {
        return yes(values.get(Setting.ROLLING));
    }

    /** Whether release applies contract revisions regardless of the two-deploy rule (confirmed like a destructive command in production). */
    public boolean forceContract() {
        return yes(values.get(Setting.FORCE_CONTRACT));
    }

    private static boolean yes(String value) {
        return value != null && (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true"));
    }

    /** A builder holding the same sources as these settings, for overriding some of them explicitly. */
    public Builder toBuilder() {
        return layers.copy();
    }

    /**
     * These settings pointing at another database (a dev database): its URL and credentials replace every
     * source of the current ones.
     */
    public Settings withDatabase(String jdbcUrl, String user, String password) {
        Builder copy = layers.copy();
        for (Map<Setting, String> layer : List.of(copy.explicit, copy.environment, copy.file, copy.application)) {
            layer.remove(Setting.URL);
            layer.remove(Setting.USER);
            layer.remove(Setting.PASSWORD);
            layer.remove(Setting.PASSWORD_FILE);
        }
        copy.databaseUrlVariable = null;
        copy.dataSource.clear();
        copy.serverUser = null;
        copy.serverPassword = null;
        return copy.set(Setting.URL, jdbcUrl).set(Setting.USER, user).set(Setting.PASSWORD, password).build();
    }

    @Override
    public String toString() {
        return "Settings[" + describeDatabase() + ", package " + migrationsPackage() + "]";
    }

    /**
     * Collects the layers of a configuration; {@link #build()} applies {@link Precedence}. Blank values
     * count as not set.
     */
    public static final class Builder {
        final Map<Setting, String> explicit = new EnumMap<>(Setting.class);
        final Map<Setting, String> environment = new EnumMap<>(Setting.class);
        final Map<Setting, String> file = new EnumMap<>(Setting.class);
        final Map<Setting, String> application = new EnumMap<>(Setting.class);
        final Map<Setting, String> applicationOrigins = new EnumMap<>(Setting.class);
        /** The application's data source: {@code url}, {@code username}, {@code password} (Spring's names), and their origins. */
        final Map<String, String> dataSource = new HashMap<>();
        final Map<String, String> dataSourceOrigins = new HashMap<>();
        /** Placeholders given one by one, per layer: explicit, the environment, the properties file, the application's configuration. */
        final Map<String, String> explicitPlaceholders = new HashMap<>();
        final Map<String, String> environmentPlaceholders = new HashMap<>();
        final Map<String, String> filePlaceholders = new HashMap<>();
        final Map<String, String> applicationPlaceholders = new HashMap<>();
        String databaseUrlVariable;
        String serverUser;
        String serverPassword;
        String serverId;

        private Builder() {
        }

        Builder copy() {
            Builder copy = new Builder();
            copy.explicit.putAll(explicit);
            copy.environment.putAll(environment);
            copy.file.putAll(file);
            copy.application.putAll(application);
            copy.applicationOrigins.putAll(applicationOrigins);
            copy.dataSource.putAll(dataSource);
            copy.dataSourceOrigins.putAll(dataSourceOrigins);
            copy.explicitPlaceholders.putAll(explicitPlaceholders);
            copy.environmentPlaceholders.putAll(environmentPlaceholders);
            copy.filePlaceholders.putAll(filePlaceholders);
            copy.applicationPlaceholders.putAll(applicationPlaceholders);
            copy.databaseUrlVariable = databaseUrlVariable;
            copy.serverUser = serverUser;
            copy.serverPassword = serverPassword;
            copy.serverId = serverId;
            return copy;
        }

        /** An explicit value (a Java call, a Maven parameter, a command-line option): it wins over every other source. */
        public Builder set(Setting setting, String value) {
            putIfSet(explicit, setting, value);
            return this;
        }

        /**
         * One placeholder's value, explicitly (a Java call, a Maven parameter): it wins over the same placeholder from every
         * other source. A null value removes it.
         */
        public Builder placeholder(String name, String value) {
            if (value == null) {
                explicitPlaceholders.remove(name);
            } else {
                explicitPlaceholders.put(name, value);
            }
            return this;
        }

        /** Explicit values by name: {@code url}, {@code retort.url} or {@code migrations.url}; unknown names are an error. */
        public Builder set(Map<String, String> values) {
            values.forEach((name, value) -> set(known(name), value));
            return this;
        }

        /**
         * The credentials of a Maven {@code settings.xml} {@code <server>}: below explicit user and password, above
         * the environment and the URL's own credentials.
         */
        public Builder server(String id, String user, String password) {
            this.serverId = id;
            this.serverUser = blankToNull(user);
            this.serverPassword = blankToNull(password);
            return this;
        }

        /** The environment: {@code RETORT_*} variables, and {@code DATABASE_URL} as the last source of the URL. */
        public Builder environment(Map<String, String> variables) {
            for (Setting setting : Setting.values()) {
                putIfSet(environment, setting, variables.get(setting.environmentVariable()));
            }
            named(variables, Setting.PLACEHOLDERS.environmentVariable() + "_", environmentPlaceholders);
            this.databaseUrlVariable = blankToNull(variables.get("DATABASE_URL"));
            return this;
        }

        /** A properties file's {@code retort.*} keys; other keys are ignored, so a file may hold more than Retort's settings. */
        public Builder properties(Properties properties) {
            Map<String, String> map = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
            return properties(map);
        }

        /** As {@link #properties(Properties)}, from a map. */
        public Builder properties(Map<String, String> properties) {
            for (Setting setting : Setting.values()) {
                putIfSet(file, setting, properties.get(setting.propertyName()));
            }
            named(properties, Setting.PLACEHOLDERS.propertyName() + ".", filePlaceholders);
            return this;
        }

        /** The entries whose names start with {@code prefix}, by the rest of their name (lower case for a variable's). */
        private static void named(Map<String, String> source, String prefix, Map<String, String> into) {
            source.forEach((name, value) -> {
                if (name.startsWith(prefix) && name.length() > prefix.length() && value != null) {
                    String key = name.substring(prefix.length());
                    into.put(prefix.endsWith("_") ? key.toLowerCase(java.util.Locale.ROOT) : key, value);
                }
            });
        }

        /**
         * The application's own configuration, as a Spring Boot application carries it ({@code application.properties}
         * or {@code .yml} and {@code SPRING_DATASOURCE_*}): its {@code retort.*} keys rank just below a properties
         * file's, and its data source ({@code spring.datasource.url}, {@code spring.datasource.username},
         * {@code spring.datasource.password}) is the last source of the database, after {@code DATABASE_URL}, its
         * user and password used only with its URL. Other keys are ignored.
         *
         * @param properties the values by those names
         * @param origins    where each was found, for messages ({@code spring.datasource.url in application.yml})
         */
        public Builder application(Map<String, String> properties, Map<String, String> origins) {
            for (Setting setting : Setting.values()) {
                putIfSet(application, setting, properties.get(setting.propertyName()));
                if (application.containsKey(setting)) {
                    applicationOrigins.put(setting, origins.getOrDefault(setting.propertyName(), setting.propertyName()));
                }
            }
            named(properties, Setting.PLACEHOLDERS.propertyName() + ".", applicationPlaceholders);
            for (String key : List.of("url", "username", "password")) {
                String name = "spring.datasource." + key;
                String value = properties.get(name);
                if (value != null && (key.equals("password") ? !value.isEmpty() : !value.isBlank())) {
                    dataSource.put(key, key.equals("password") ? value : value.strip());
                    dataSourceOrigins.put(key, origins.getOrDefault(name, name));
                } else {
                    dataSource.remove(key);
                    dataSourceOrigins.remove(key);
                }
            }
            return this;
        }

        /**
         * Resolves and checks the settings.
         *
         * @throws RetortException naming the setting whose value is not valid
         */
        public Settings build() {
            return Precedence.resolve(this);
        }

        private static Setting known(String name) {
            Setting setting = Setting.byName(name);
            if (setting == null) {
                throw new RetortException("There is no setting named '" + name + "'; known settings are "
                        + String.join(", ", Arrays.stream(Setting.values()).map(Setting::key).toList()) + ".");
            }
            return setting;
        }

        private static void putIfSet(Map<Setting, String> layer, Setting setting, String value) {
            String v = blankToNull(value);
            if (v == null) {
                layer.remove(setting);
            } else {
                layer.put(setting, setting == Setting.PASSWORD ? value : v);
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
