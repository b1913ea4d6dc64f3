package dev.retort.internal.revision;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.RetortException;

/**
 * The values of the {@code ${name}} placeholders in SQL revision files, repeatables and callbacks, from the
 * {@code placeholders} setting. Names are matched without regard to case, so {@code RETORT_PLACEHOLDERS_APP_ROLE}
 * sets {@code ${app_role}}; {@code $${name}} stands for the text {@code ${name}} itself. Checksums are taken over the
 * text before substitution, so a value that differs between environments does not make a revision count as edited.
 */
public final class PlaceholderValues {

    /** A placeholder, or its escaped form (group 1 holds the extra {@code $}). */
    private static final Pattern PLACEHOLDER = Pattern.compile("(\\$?)\\$\\{([A-Za-z_][A-Za-z0-9_.:-]*)}");

    private final Map<String, String> values = new TreeMap<>();

    private PlaceholderValues(Map<String, String> values) {
        values.forEach((name, value) -> this.values.put(name.toLowerCase(Locale.ROOT), value));
    }

    /** These values, by name. */
    public static PlaceholderValues of(Map<String, String> values) {
        return new PlaceholderValues(values);
    }

    /** No values: a file that uses a placeholder fails when it is rendered. */
    public static PlaceholderValues none() {
        return new PlaceholderValues(Map.of());
    }

    /**
     * The statement with every placeholder replaced by its value.
     *
     * @param source the file it comes from, for the error
     * @throws RetortException naming the first placeholder no value is set for, and how to set one
     */
    public String apply(String statement, String source) {
        if (statement.indexOf("${") < 0) {
            return statement;
        }
        Matcher m = PLACEHOLDER.matcher(statement);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + name + "}";
            } else {
                replacement = values.get(name.toLowerCase(Locale.ROOT));
                if (replacement == null) {
                    throw new RetortException(source + " uses the placeholder ${" + name + "}, which has no value: set it with {placeholders} ("
                            + name + "=<value>), retort.placeholders." + name + " or RETORT_PLACEHOLDERS_" + name.toUpperCase(Locale.ROOT)
                            .replaceAll("[^A-Z0-9]", "_") + ", or write $${" + name + "} for the text itself. Nothing was executed.");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder names that have a value, lower case. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }
}
