package dev.retort.internal.appconfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Spring Boot application's configuration as its packaged files give it, read the way Boot reads it but without
 * Spring: {@code application.properties}, {@code application.yml} and {@code application.yaml} at the class path's
 * root and in {@code config/}, then the {@code application-{profile}} files of the active profiles, each document
 * applying only to the profiles its {@code spring.config.activate.on-profile} is for. Later sources win, as in Boot:
 * {@code config/} over the root, {@code .properties} over YAML, profile files over the plain ones, the last active
 * profile over the earlier. Names are matched in Boot's relaxed forms, and {@code ${NAME:default}} placeholders are
 * resolved from the environment given and the files.
 *
 * <p>The active profiles are those given (as {@code SPRING_PROFILES_ACTIVE} gives them), else the files'
 * {@code spring.profiles.active}; {@code spring.profiles.include} adds to them and {@code spring.profiles.group.*}
 * expands them; with none, {@code spring.profiles.default}, else {@code default}, is the one whose files are read.
 *
 * <p>Not read: configuration outside the application ({@code spring.config.location}, {@code ./config/}),
 * {@code spring.config.import}, system properties and command-line arguments. Two callers read it: the command line
 * run from a Boot jar ({@link SpringBootConfig}) and the Hibernate reader, for the naming and
 * {@code spring.jpa.properties} the application's JPA runs with.
 */
public final class BootConfiguration {

    private final Map<String, String> values;
    private final Map<String, String> origins;
    private final List<String> files;
    private final List<String> profiles;
    private final Placeholders placeholders;

    private BootConfiguration(Map<String, String> values, Map<String, String> origins, List<String> files, List<String> profiles,
                              Placeholders placeholders) {
        this.values = values;
        this.origins = origins;
        this.files = files;
        this.profiles = profiles;
        this.placeholders = placeholders;
    }

    /**
     * Reads the files the application's class loader sees; a file it does not see is looked for in the resource
     * directories instead (a project not rebuilt since the file was added).
     *
     * @param application         the application's class path: its files, its SnakeYAML and its Spring
     * @param resourceDirectories a project's resource directories; empty for an application jar
     * @param givenProfiles       profiles the application is started with; when empty, those of {@code spring.profiles.active}
     * @param environment         the environment variables the application runs with, for placeholders; empty where
     *                            that is not this process's environment (a build)
     * @throws dev.retort.RetortException when a file cannot be read, or a document's profile expression is not one
     */
    public static BootConfiguration read(ClassLoader application, List<Path> resourceDirectories, List<String> givenProfiles,
                                         Map<String, String> environment) {
        ConfigFiles files = new ConfigFiles(application, resourceDirectories);
        List<ConfigDocument> base = files.documents("application");
        Map<String, String> plain = new LinkedHashMap<>();
        base.stream().filter(d -> d.onProfile().isEmpty()).forEach(d -> plain.putAll(d.properties()));
        Placeholders inPlain = new Placeholders(environment, plain);

        List<String> active = new ArrayList<>(ConfigDocument.list(plain, "spring.profiles.include"));
        active.addAll(givenProfiles.isEmpty() ? ConfigDocument.list(plain, "spring.profiles.active") : givenProfiles);
        active = withGroups(active.stream().map(inPlain::resolve).toList(), plain);
        List<String> loaded = active.isEmpty() ? ConfigDocument.list(plain, "spring.profiles.default") : active;
        if (loaded.isEmpty()) {
            loaded = List.of("default");
        }

        List<ConfigDocument> documents = new ArrayList<>(base);
        for (String profile : loaded) {
            documents.addAll(files.documents("application-" + profile));
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        Set<String> applied = new LinkedHashSet<>();
        for (ConfigDocument document : documents) {
            List<String> on = document.onProfile();
            if (on.isEmpty() || ProfileExpressions.matches(on, loaded, document.file(), application)) {
                values.putAll(document.properties());
                document.properties().keySet().forEach(key -> origins.put(key, document.file()));
                applied.add(document.file());
            }
        }
        return new BootConfiguration(values, origins, List.copyOf(applied), List.copyOf(active), new Placeholders(environment, values));
    }

    /** Each profile followed by the members of its group ({@code spring.profiles.group.<name>}), as Boot expands them. */
    private static List<String> withGroups(List<String> profiles, Map<String, String> plain) {
        Set<String> expanded = new LinkedHashSet<>();
        for (String profile : profiles) {
            if (expanded.add(profile)) {
                expanded.addAll(withGroups(ConfigDocument.list(plain, "spring.profiles.group." + profile), plain));
            }
        }
        return List.copyOf(expanded);
    }

    /** The value of a property (any relaxed form of its name), placeholders resolved where they can be; null when unset. */
    public String get(String key) {
        String value = values.get(RelaxedNames.canonical(key));
        return value == null ? null : placeholders.resolve(value);
    }

    /** The file that set the property, e.g. {@code application-prod.yml}; null when unset. */
    public String origin(String key) {
        return origins.get(RelaxedNames.canonical(key));
    }

    /** The entries of a map property ({@code spring.jpa.properties}): map key to value, placeholders resolved where they can be. */
    public Map<String, String> map(String key) {
        String prefix = RelaxedNames.canonical(key) + ".";
        Map<String, String> entries = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                entries.put(name.substring(prefix.length()), placeholders.resolve(value));
            }
        });
        return entries;
    }

    /** The files read, in the order they apply: {@code application.properties}, {@code application-prod.yml}. */
    public List<String> files() {
        return files;
    }

    /** The active profiles (none when the default profile applies), groups expanded. */
    public List<String> profiles() {
        return profiles;
    }

    /** Whether a value {@link #get} returned still holds a placeholder: one nothing here sets (the running application's). */
    public static boolean unresolved(String value) {
        return Placeholders.unresolved(value);
    }
}
