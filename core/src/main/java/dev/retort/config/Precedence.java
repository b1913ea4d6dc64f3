package dev.retort.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.retort.RetortException;
import dev.retort.platform.DatabaseUrl;
import dev.retort.platform.Platforms;

/**
 * Where each setting's value comes from, in one place. For every setting, the first source that has a value wins:
 *
 * <ol>
 *   <li>an explicit value: a Java call, a Maven parameter (pom or {@code -D}), a command-line option;</li>
 *   <li>for {@code user} and {@code password} only: the Maven {@code settings.xml} server named by {@code serverId};</li>
 *   <li>the environment variable {@code RETORT_<KEY>};</li>
 *   <li>the {@code retort.<key>} entry of a properties file;</li>
 *   <li>the {@code retort.<key>} entry of the application's own configuration (a Spring Boot application's
 *       {@code application.properties} or {@code .yml}, read by the command line);</li>
 *   <li>for {@code url} only: the {@code DATABASE_URL} environment variable, then the application's data source
 *       ({@code SPRING_DATASOURCE_URL}, then {@code spring.datasource.url} in its configuration);
 *       for {@code user} and {@code password} only: the credentials written in the URL itself, then, with the
 *       application's data source URL, that data source's {@code username} and {@code password};</li>
 *   <li>the default.</li>
 * </ol>
 *
 * <p>So anything said for Retort (an option, {@code RETORT_*}, a properties file, {@code DATABASE_URL}) wins over what
 * the application says for itself, and the application's data source is used, whole, only when nothing else names a
 * database: Flyway's and Liquibase's Spring Boot integrations fall back to the application's data source the same way.
 */
final class Precedence {

    private Precedence() {
    }

    static Settings resolve(Settings.Builder layers) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> origins = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (setting == Setting.PASSWORD_FILE) {
                continue;
            }
            if (setting == Setting.PASSWORD) {
                resolvePassword(layers, values, origins);
                continue;
            }
            if (take(values, origins, setting, layers.explicit.get(setting), "explicit")) {
                continue;
            }
            if (setting == Setting.USER && take(values, origins, setting, layers.serverUser, "settings.xml server " + layers.serverId)
                    || setting == Setting.PASSWORD && take(values, origins, setting, layers.serverPassword, "settings.xml server " + layers.serverId)) {
                continue;
            }
            if (take(values, origins, setting, layers.environment.get(setting), setting.environmentVariable())
                    || take(values, origins, setting, layers.file.get(setting), setting.propertyName())
                    || takeApplication(values, origins, setting, layers.application.get(setting), layers.applicationOrigins.get(setting))) {
                continue;
            }
            if (setting == Setting.URL && (take(values, origins, setting, layers.databaseUrlVariable, "DATABASE_URL")
                    || takeApplication(values, origins, setting, layers.dataSource.get("url"), layers.dataSourceOrigins.get("url")))) {
                continue;
            }
            take(values, origins, setting, setting.defaultValue(), "default");
        }
        DatabaseUrl database = null;
        if (values.containsKey(Setting.URL)) {
            database = Platforms.parseUrl(values.get(Setting.URL));
            if (database.database() == null && database.jdbcUrl().contains("://")) {
                throw new RetortException("{url} (from " + origins.get(Setting.URL) + ") is " + DatabaseUrl.mask(values.get(Setting.URL))
                        + ", which names a server but no database; add /<database> after the host and port.");
            }
            take(values, origins, Setting.USER, values.containsKey(Setting.USER) ? null : database.user(), "URL");
            take(values, origins, Setting.PASSWORD, values.containsKey(Setting.PASSWORD) ? null : database.password(), "URL");
            if (origins.get(Setting.URL).equals(layers.dataSourceOrigins.get("url"))) {
                // The application's data source comes whole: its user and password go with its URL, never with another.
                takeApplication(values, origins, Setting.USER, values.containsKey(Setting.USER) ? null : layers.dataSource.get("username"),
                        layers.dataSourceOrigins.get("username"));
                takeApplication(values, origins, Setting.PASSWORD, values.containsKey(Setting.PASSWORD) ? null : layers.dataSource.get("password"),
                        layers.dataSourceOrigins.get("password"));
            }
            values.put(Setting.URL, database.jdbcUrl());
        }
        check(values, origins);
        return new Settings(values, origins, database, layers, placeholders(layers));
    }

    /**
     * The placeholders' values, each name on its own: explicit (the list and one by one) over the environment
     * ({@code RETORT_PLACEHOLDERS} and {@code RETORT_PLACEHOLDERS_<NAME>}) over the properties file over the application's
     * configuration.
     */
    private static Map<String, String> placeholders(Settings.Builder layers) {
        Map<String, String> resolved = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Map.Entry<Map<Setting, String>, Map<String, String>>> order = List.of(
                Map.entry(layers.application, layers.applicationPlaceholders), Map.entry(layers.file, layers.filePlaceholders),
                Map.entry(layers.environment, layers.environmentPlaceholders), Map.entry(layers.explicit, layers.explicitPlaceholders));
        for (Map.Entry<Map<Setting, String>, Map<String, String>> layer : order) {
            resolved.putAll(parsePlaceholders(layer.getKey().get(Setting.PLACEHOLDERS)));
            resolved.putAll(layer.getValue());
        }
        return resolved;
    }

    /** A {@code name=value,name=value} list. */
    private static Map<String, String> parsePlaceholders(String list) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (list == null) {
            return values;
        }
        for (String pair : list.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_.:-]*")) {
                throw new RetortException("{placeholders} has '" + pair.strip() + "'; give name=value pairs separated by commas, "
                        + "e.g. app_role=reader,schema=app.");
            }
            values.put(name, pair.substring(equals + 1).strip());
        }
        return values;
    }

    /**
     * The password, where each layer may give it as a value or as a file to read (a mounted secret): explicit, the
     * settings.xml server, the environment, the properties file; the URL's own comes last, after the URL is known.
     */
    private static void resolvePassword(Settings.Builder layers, Map<Setting, String> values, Map<Setting, String> origins) {
        if (take(values, origins, Setting.PASSWORD, layers.explicit.get(Setting.PASSWORD), "explicit")
                || takeFile(values, origins, layers.explicit.get(Setting.PASSWORD_FILE), "explicit")
                || take(values, origins, Setting.PASSWORD, layers.serverPassword, "settings.xml server " + layers.serverId)
                || take(values, origins, Setting.PASSWORD, layers.environment.get(Setting.PASSWORD), "RETORT_PASSWORD")
                || takeFile(values, origins, layers.environment.get(Setting.PASSWORD_FILE), "RETORT_PASSWORD_FILE")
                || take(values, origins, Setting.PASSWORD, layers.file.get(Setting.PASSWORD), "retort.password")
                || takeFile(values, origins, layers.file.get(Setting.PASSWORD_FILE), "retort.passwordFile")
                || takeApplication(values, origins, Setting.PASSWORD, layers.application.get(Setting.PASSWORD),
                        layers.applicationOrigins.get(Setting.PASSWORD))) {
            return;
        }
        String file = layers.application.get(Setting.PASSWORD_FILE);
        if (file != null) {
            unresolved(Setting.PASSWORD_FILE, file, layers.applicationOrigins.get(Setting.PASSWORD_FILE));
            takeFile(values, origins, file, layers.applicationOrigins.get(Setting.PASSWORD_FILE));
        }
    }

    /**
     * A value from the application's configuration; one whose placeholder nothing sets fails here, when it is the value
     * used, rather than when the file is read, so an unused key with an unset placeholder does no harm.
     */
    private static boolean takeApplication(Map<Setting, String> values, Map<Setting, String> origins, Setting setting, String value,
                                           String origin) {
        if (value == null) {
            return false;
        }
        unresolved(setting, value, origin);
        return take(values, origins, setting, value, origin);
    }

    private static void unresolved(Setting setting, String value, String origin) {
        java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\$\\{([^}]*)}").matcher(value);
        if (placeholder.find()) {
            String name = placeholder.group(1).split(":", 2)[0];
            throw new RetortException("{" + setting.key() + "} comes from " + origin + ", whose placeholder ${" + name + "} is set neither "
                    + "in the environment nor in the application's configuration; set " + name + ", or name the database for Retort "
                    + "(DATABASE_URL).");
        }
    }

    private static boolean takeFile(Map<Setting, String> values, Map<Setting, String> origins, String file, String origin) {
        if (file == null) {
            return false;
        }
        try {
            String content = java.nio.file.Files.readString(java.nio.file.Path.of(file), java.nio.charset.StandardCharsets.UTF_8);
            values.put(Setting.PASSWORD, content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content);
            origins.put(Setting.PASSWORD, "the file " + file + " (" + origin + ")");
            return true;
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            throw new RetortException("{passwordFile} names " + file + " (from " + origin + "), which cannot be read: "
                    + (e.getMessage() == null ? e : e.getMessage()) + ".");
        }
    }

    private static boolean take(Map<Setting, String> values, Map<Setting, String> origins, Setting setting, String value, String origin) {
        if (value == null) {
            return false;
        }
        values.put(setting, value);
        origins.put(setting, origin);
        return true;
    }

    private static void check(Map<Setting, String> values, Map<Setting, String> origins) {
        for (Setting duration : new Setting[] {Setting.LOCK_TIMEOUT, Setting.STATEMENT_LOCK_TIMEOUT, Setting.STATEMENT_TIMEOUT,
                Setting.CONNECT_TIMEOUT, Setting.READ_TIMEOUT}) {
            String value = values.get(duration);
            if (Durations.parse(value) == null) {
                throw new RetortException("{" + duration.key() + "} is '" + value + "' (from " + origins.get(duration)
                        + "); give a whole number of seconds, 0 or more (e.g. 60), or a duration such as 500ms or 2m.");
            }
        }
        for (Setting confirmation : new Setting[] {Setting.CONFIRM, Setting.CONFIRM_DESTRUCTIVE, Setting.CLEAN_ENABLED, Setting.FORCE_CONTRACT}) {
            String value = values.get(confirmation);
            if (value != null && !value.matches("(?i)yes|true|no|false")) {
                throw new RetortException("{" + confirmation.key() + "} is '" + value + "' (from " + origins.get(confirmation)
                        + "); give yes or true to confirm, or leave it unset.");
            }
        }
        String rolling = values.get(Setting.ROLLING);
        if (!rolling.matches("(?i)yes|true|no|false")) {
            throw new RetortException("{rolling} is '" + rolling + "' (from " + origins.get(Setting.ROLLING)
                    + "); give true where the application is deployed rolling, or false.");
        }
        String excluded = values.get(Setting.EXCLUDE_OBJECTS);
        if (excluded != null && !excluded.matches("[A-Za-z0-9_$*?.,\\s-]+")) {
            throw new RetortException("{excludeObjects} is '" + excluded + "' (from " + origins.get(Setting.EXCLUDE_OBJECTS) + "); give "
                    + "names or patterns with * and ?, optionally schema-qualified, separated by commas, e.g. audit_*,reporting.*.");
        }
        String retries = values.get(Setting.CONNECT_RETRIES);
        if (!retries.matches("\\d{1,3}")) {
            throw new RetortException("{connectRetries} is '" + retries + "' (from " + origins.get(Setting.CONNECT_RETRIES)
                    + "); give a whole number of retries, 0 or more, e.g. 5.");
        }
        String location = values.get(Setting.SQL_LOCATION).strip();
        // Flyway users write classpath:db/migration; the class path is the only place Retort looks, so the prefix is redundant.
        location = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        location = location.replaceAll("^/+|/+$", "");
        if (location.isEmpty() || location.contains("\\") || java.util.Arrays.asList(location.split("/")).stream()
                .anyMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."))) {
            throw new RetortException("{sqlLocation} is '" + values.get(Setting.SQL_LOCATION) + "' (from " + origins.get(Setting.SQL_LOCATION)
                    + "), which is not a class path location; give a resource path with / between its parts, e.g. db/migrations.");
        }
        values.put(Setting.SQL_LOCATION, location);
        String pkg = values.get(Setting.PACKAGE);
        if (!pkg.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new RetortException("{package} is '" + pkg + "', which is not a Java package name; e.g. db.migrations.");
        }
    }
}
