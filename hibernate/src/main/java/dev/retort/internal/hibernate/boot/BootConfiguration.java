package dev.retort.internal.hibernate.boot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.RetortException;

/**
 * A Spring Boot application's configuration as its packaged files give it: {@code application.properties} and
 * {@code application.yml} at the class path's root and in {@code config/}, then the {@code application-{profile}}
 * files of the active profiles, each document applying only to the profiles it is for. Later sources win, as in
 * Boot: {@code config/} over the root, {@code .properties} over {@code .yml}, profile files over the plain ones, the
 * last active profile over the earlier. Environment variables, command-line arguments and files outside the jar are
 * what the application is given where it runs, and are not read.
 */
public final class BootConfiguration {

    private static final List<String> LOCATIONS = List.of("", "config/");
    /** Lowest precedence first: {@code .properties} wins over YAML in the same place. */
    private static final List<String> EXTENSIONS = List.of("yaml", "yml", "properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private final Map<String, String> values;
    private final Map<String, String> origins;
    private final List<String> files;
    private final List<String> profiles;

    private BootConfiguration(Map<String, String> values, Map<String, String> origins, List<String> files, List<String> profiles) {
        this.values = values;
        this.origins = origins;
        this.files = files;
        this.profiles = profiles;
    }

    /**
     * Reads the files the application's class loader sees (its output directory, where the build copied them); a
     * file it does not see is looked for in the resource directories instead (a project not rebuilt since the file
     * was added).
     *
     * @param givenProfiles profiles the application is started with; when empty, those of {@code spring.profiles.active}
     */
    public static BootConfiguration read(ClassLoader application, List<Path> resourceDirectories, List<String> givenProfiles) {
        Reader reader = new Reader(application, resourceDirectories);
        List<ConfigDocument> base = reader.documents("application");
        Map<String, String> plain = new LinkedHashMap<>();
        base.stream().filter(d -> d.onProfile().isEmpty()).forEach(d -> plain.putAll(d.properties()));

        List<String> active = new ArrayList<>(ConfigDocument.list(plain, "spring.profiles.include"));
        active.addAll(givenProfiles.isEmpty() ? ConfigDocument.list(plain, "spring.profiles.active") : givenProfiles);
        active = withGroups(active.stream().map(p -> resolve(p, plain)).toList(), plain);
        List<String> loaded = active.isEmpty() ? ConfigDocument.list(plain, "spring.profiles.default") : active;
        if (loaded.isEmpty()) {
            loaded = List.of("default");
        }

        List<ConfigDocument> documents = new ArrayList<>(base);
        for (String profile : loaded) {
            documents.addAll(reader.documents("application-" + profile));
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        Set<String> files = new LinkedHashSet<>();
        for (ConfigDocument document : documents) {
            List<String> on = document.onProfile();
            if (on.isEmpty() || ProfileExpressions.matches(on, loaded, document.file(), application)) {
                values.putAll(document.properties());
                document.properties().keySet().forEach(key -> origins.put(key, document.file()));
                files.add(document.file());
            }
        }
        return new BootConfiguration(values, origins, List.copyOf(files), List.copyOf(active));
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

    /** The value of a property (any relaxed form of its name), placeholders resolved where the files can; null when unset. */
    public String get(String key) {
        String value = values.get(RelaxedNames.canonical(key));
        return value == null ? null : resolve(value, values);
    }

    /** The file that set the property, e.g. {@code application-prod.yml}. */
    public String origin(String key) {
        return origins.get(RelaxedNames.canonical(key));
    }

    /** The entries of a map property ({@code spring.jpa.properties}): map key to value, placeholders resolved where they can be. */
    public Map<String, String> map(String key) {
        String prefix = RelaxedNames.canonical(key) + ".";
        Map<String, String> entries = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                entries.put(name.substring(prefix.length()), resolve(value, values));
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

    /** Whether the value still holds a placeholder the files do not resolve (one for the environment the application runs in). */
    public static boolean unresolved(String value) {
        return value != null && PLACEHOLDER.matcher(value).find();
    }

    private static String resolve(String value, Map<String, String> values) {
        String current = value;
        for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
            Matcher m = PLACEHOLDER.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String found = values.get(RelaxedNames.canonical(m.group(1).strip()));
                String replacement = found != null ? found : m.group(2) != null ? m.group(2) : m.group();
                changed |= !replacement.equals(m.group());
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            current = out.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }

    /** Finds a configuration file by name on the class path, or in the resource directories, and reads its documents. */
    private record Reader(ClassLoader application, List<Path> resourceDirectories) {

        List<ConfigDocument> documents(String name) {
            List<ConfigDocument> documents = new ArrayList<>();
            for (String location : LOCATIONS) {
                for (String extension : EXTENSIONS) {
                    String file = location + name + "." + extension;
                    byte[] content = content(file);
                    if (content != null) {
                        try {
                            documents.addAll(extension.equals("properties") ? PropertiesFile.documents(file, content)
                                    : YamlFile.documents(file, content, application));
                        } catch (IOException | IllegalArgumentException e) {
                            throw new RetortException("Cannot read the application's " + file + ": " + e.getMessage() + "; fix the file.", e);
                        }
                    }
                }
            }
            return documents;
        }

        private byte[] content(String file) {
            try {
                URL url = application.getResource(file);
                if (url != null) {
                    try (InputStream in = url.openStream()) {
                        return in.readAllBytes();
                    }
                }
                for (Path directory : resourceDirectories) {
                    Path candidate = directory.resolve(file);
                    if (Files.isRegularFile(candidate)) {
                        return Files.readAllBytes(candidate);
                    }
                }
                return null;
            } catch (IOException e) {
                throw new RetortException("Cannot read the application's " + file + ": " + e.getMessage() + ".", e);
            }
        }
    }
}
