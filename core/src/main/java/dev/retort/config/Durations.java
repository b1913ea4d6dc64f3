package dev.retort.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as settings write them: whole seconds ({@code 60}), with a unit ({@code 500ms}, {@code 30s}, {@code 2m}), or ISO-8601 ({@code PT1M}). */
final class Durations {

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /** The duration, or null when the text is none of the accepted forms or negative. */
    static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = WITH_UNIT.matcher(t);
        if (m.matches()) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return null;
            }
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        if (t.startsWith("pt")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                return d.isNegative() ? null : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
