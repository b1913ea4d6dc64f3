package dev.retort.internal.appconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spring Boot's relaxed property names: {@code physical-strategy}, {@code physicalStrategy} and
 * {@code physical_strategy} name the same property. Below a map property ({@code spring.jpa.properties}, a profile
 * group) the keys are the map's own and keep their form, as Boot keeps them when it binds a map.
 */
final class RelaxedNames {

    /** Maps of strings: everything below them is the key, kept as written (brackets aside). */
    private static final List<String> MAPS = List.of("spring.jpa.properties");
    /** Maps of lists: the key kept as written, then the list's indexes ({@code spring.profiles.group.prod[0]}). */
    private static final List<String> MAPS_OF_LISTS = List.of("spring.profiles.group");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private RelaxedNames() {
    }

    /** One form per property: {@code spring.jpa.hibernate.naming.physicalstrategy}, {@code spring.jpa.properties.hibernate.x}. */
    static String canonical(String key) {
        List<String> elements = elements(key);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            String element = elements.get(i);
            String prefix = out.toString();
            if (MAPS.contains(prefix)) {
                return prefix + "." + mapKey(elements.subList(i, elements.size()));
            }
            if (MAPS_OF_LISTS.contains(prefix)) {
                int indexes = elements.size();
                while (indexes > i + 1 && INDEX.matcher(elements.get(indexes - 1)).matches()) {
                    indexes--;
                }
                return prefix + "." + mapKey(elements.subList(i, indexes)) + String.join("", elements.subList(indexes, elements.size()));
            }
            if (element.startsWith("[")) {
                out.append(element);
            } else {
                out.append(out.length() == 0 ? "" : ".").append(element.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""));
            }
        }
        return out.toString();
    }

    /** The map key the elements below a map property spell: {@code hibernate.physical_naming_strategy}. */
    private static String mapKey(List<String> elements) {
        List<String> parts = new ArrayList<>();
        for (String element : elements) {
            parts.add(element.startsWith("[") ? element.substring(1, element.length() - 1) : element);
        }
        return String.join(".", parts);
    }

    /** The key's elements: split at dots, a bracketed part ({@code [0]}, {@code [hibernate.x]}) an element of its own. */
    private static List<String> elements(String key) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '[') {
                int close = key.indexOf(']', i);
                if (close < 0) {
                    close = key.length() - 1;
                }
                flush(current, elements);
                elements.add(key.substring(i, close + 1));
                i = close;
            } else if (c == '.') {
                flush(current, elements);
            } else {
                current.append(c);
            }
        }
        flush(current, elements);
        return elements;
    }

    private static void flush(StringBuilder current, List<String> elements) {
        if (current.length() > 0) {
            elements.add(current.toString());
            current.setLength(0);
        }
    }
}
