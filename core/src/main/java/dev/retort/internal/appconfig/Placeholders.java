package dev.retort.internal.appconfig;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spring's {@code ${NAME}} and {@code ${NAME:default}} placeholders, nested ones included, resolved as a Spring Boot
 * application resolves them: from the environment (the name as written, then as an environment variable:
 * {@code db.host} is {@code DB_HOST}, {@code db.fallback-host} {@code DB_FALLBACKHOST} or {@code DB_FALLBACK_HOST}),
 * then from the configuration files' own keys. One that nothing sets is left as it is, so whoever uses the value can
 * say which name is missing.
 */
final class Placeholders {

    private static final int MAX_DEPTH = 10;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]+}");

    private final Map<String, String> environment;
    private final Map<String, String> properties;

    /**
     * @param environment the environment variables the application runs with; empty where that is not this process's
     * @param properties  the files' keys, by {@link RelaxedNames#canonical canonical} name
     */
    Placeholders(Map<String, String> environment, Map<String, String> properties) {
        this.environment = environment;
        this.properties = properties;
    }

    String resolve(String value) {
        return resolve(value, 0);
    }

    /** Whether the value holds a placeholder (one {@link #resolve} left: nothing sets it). */
    static boolean unresolved(String value) {
        return value != null && PLACEHOLDER.matcher(value).find();
    }

    private String resolve(String value, int depth) {
        if (depth > MAX_DEPTH) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = value.indexOf("${", at);
            if (start < 0) {
                return out.append(value, at, value.length()).toString();
            }
            int end = closing(value, start + 2);
            if (end < 0) {
                return out.append(value, at, value.length()).toString();
            }
            out.append(value, at, start);
            String inner = value.substring(start + 2, end);
            int colon = topLevelColon(inner);
            String name = (colon < 0 ? inner : inner.substring(0, colon)).strip();
            String found = lookup(resolve(name, depth + 1));
            if (found != null) {
                out.append(resolve(found, depth + 1));
            } else if (colon >= 0) {
                out.append(resolve(inner.substring(colon + 1), depth + 1));
            } else {
                out.append(value, start, end + 1);
            }
            at = end + 1;
        }
    }

    private String lookup(String name) {
        String exact = environment.get(name);
        if (exact != null) {
            return exact;
        }
        // Boot maps db.fallback-host to DB_FALLBACKHOST, and to the older DB_FALLBACK_HOST as well.
        String upper = name.toUpperCase(Locale.ROOT).replace('.', '_');
        String variable = environment.get(upper.replace("-", ""));
        if (variable == null) {
            variable = environment.get(upper.replace('-', '_'));
        }
        return variable != null ? variable : properties.get(RelaxedNames.canonical(name));
    }

    /** The index of the brace closing the placeholder whose name starts at {@code from}, or -1. */
    private static int closing(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            if (value.startsWith("${", i)) {
                depth++;
                i++;
            } else if (value.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The colon separating name and default, outside nested placeholders (a default may be a URL with colons). */
    private static int topLevelColon(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            if (inner.startsWith("${", i)) {
                depth++;
                i++;
            } else if (inner.charAt(i) == '}') {
                depth--;
            } else if (inner.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
