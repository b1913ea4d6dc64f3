package dev.retort.internal.appconfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document of a Spring Boot configuration file (a {@code .properties} file and a YAML file may hold several,
 * separated by {@code #---} and {@code ---}): its flattened properties ({@code spring.profiles.active[0]}), by their
 * canonical names.
 *
 * @param file       the file, as the application names it: {@code application.yml}, {@code config/application-prod.properties}
 * @param properties canonical name to value
 */
record ConfigDocument(String file, Map<String, String> properties) {

    static final String ON_PROFILE = "spring.config.activate.onprofile";

    ConfigDocument {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A document of the raw keys and values as the file spells them. */
    static ConfigDocument of(String file, Map<String, String> raw) {
        Map<String, String> canonical = new LinkedHashMap<>();
        raw.forEach((key, value) -> canonical.put(RelaxedNames.canonical(key), value));
        return new ConfigDocument(file, canonical);
    }

    /** The profile expressions the document is for ({@code spring.config.activate.on-profile}); empty for every profile. */
    List<String> onProfile() {
        return list(properties, ON_PROFILE);
    }

    /** A list property, as Boot binds one: comma-separated, or indexed ({@code key[0]}, {@code key[1]}, ...). */
    static List<String> list(Map<String, String> properties, String canonicalKey) {
        String value = properties.get(canonicalKey);
        if (value != null) {
            return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; properties.containsKey(canonicalKey + "[" + i + "]"); i++) {
            items.add(properties.get(canonicalKey + "[" + i + "]").strip());
        }
        return items;
    }
}
