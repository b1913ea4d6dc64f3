package dev.retort.config;

import java.util.EnumMap;
import java.util.Map;

import dev.retort.RetortException;

/**
 * Where each setting's value comes from, in one place. For every setting, the first source that has a value wins:
 *
 * <ol>
 *   <li>an explicit value: a Java call, a Maven parameter (pom or {@code -D}), a command-line option;</li>
 *   <li>for {@code user} and {@code password} only: the Maven {@code settings.xml} server named by {@code serverId};</li>
 *   <li>the environment variable {@code RETORT_<KEY>};</li>
 *   <li>the {@code retort.<key>} entry of a properties file;</li>
 *   <li>for {@code url} only: the {@code DATABASE_URL} environment variable;
 *       for {@code user} and {@code password} only: the credentials written in the URL itself;</li>
 *   <li>the default.</li>
 * </ol>
 */
final class Precedence {

    private Precedence() {
    }

    static Settings resolve(Settings.Builder layers) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> origins = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (take(values, origins, setting, layers.explicit.get(setting), "explicit")) {
                continue;
            }
            if (setting == Setting.USER && take(values, origins, setting, layers.serverUser, "settings.xml server " + layers.serverId)
                    || setting == Setting.PASSWORD && take(values, origins, setting, layers.serverPassword, "settings.xml server " + layers.serverId)) {
                continue;
            }
            if (take(values, origins, setting, layers.environment.get(setting), setting.environmentVariable())
                    || take(values, origins, setting, layers.file.get(setting), setting.propertyName())) {
                continue;
            }
            if (setting == Setting.URL && take(values, origins, setting, layers.databaseUrlVariable, "DATABASE_URL")) {
                continue;
            }
            take(values, origins, setting, setting.defaultValue(), "default");
        }
        DatabaseUrl database = null;
        if (values.containsKey(Setting.URL)) {
            database = DatabaseUrl.parse(values.get(Setting.URL));
            take(values, origins, Setting.USER, values.containsKey(Setting.USER) ? null : database.user(), "URL");
            take(values, origins, Setting.PASSWORD, values.containsKey(Setting.PASSWORD) ? null : database.password(), "URL");
            values.put(Setting.URL, database.jdbcUrl());
        }
        check(values, origins);
        return new Settings(values, origins, database, layers);
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
        for (Setting duration : new Setting[] {Setting.LOCK_TIMEOUT, Setting.STATEMENT_LOCK_TIMEOUT, Setting.STATEMENT_TIMEOUT}) {
            String value = values.get(duration);
            if (Durations.parse(value) == null) {
                throw new RetortException("{" + duration.key() + "} is '" + value + "' (from " + origins.get(duration)
                        + "); give a whole number of seconds, 0 or more (e.g. 60), or a duration such as 500ms or 2m.");
            }
        }
        for (Setting confirmation : new Setting[] {Setting.CONFIRM, Setting.CONFIRM_DESTRUCTIVE}) {
            String value = values.get(confirmation);
            if (value != null && !value.matches("(?i)yes|true|no|false")) {
                throw new RetortException("{" + confirmation.key() + "} is '" + value + "' (from " + origins.get(confirmation)
                        + "); give yes or true to confirm, or leave it unset.");
            }
        }
        String pkg = values.get(Setting.PACKAGE);
        if (!pkg.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new RetortException("{package} is '" + pkg + "', which is not a Java package name; e.g. db.migrations.");
        }
    }
}
