package dev.retort.config;

/**
 * How an entry point names a setting in its messages. Core messages refer to settings as {@code {key}}
 * (e.g. {@code {lockTimeout}}); each entry point renders them in its own words, so a Maven user reads
 * {@code migrations.lockTimeout} and a command-line user {@code --lock-timeout}.
 */
@FunctionalInterface
public interface SettingNames {

    /** The name of the setting in this entry point. */
    String name(Setting setting);

    /** Properties-file names ({@code retort.lockTimeout}), for the Java API and Spring Boot. */
    SettingNames PROPERTIES = Setting::propertyName;

    /** The Maven plugin's user properties ({@code migrations.lockTimeout}). */
    SettingNames MAVEN = Setting::mavenProperty;

    /** The command line: option and environment variable ({@code --lock-timeout (RETORT_LOCK_TIMEOUT)}). */
    SettingNames COMMAND_LINE = s -> s.option() + " (" + s.environmentVariable() + ")";

    /** Replaces every {@code {key}} of a known setting in the text by this entry point's name for it. */
    default String render(String text) {
        if (text == null || text.indexOf('{') < 0) {
            return text;
        }
        String out = text;
        for (Setting setting : Setting.values()) {
            out = out.replace("{" + setting.key() + "}", name(setting));
        }
        return out;
    }
}
