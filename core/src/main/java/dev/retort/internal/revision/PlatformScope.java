package dev.retort.internal.revision;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which databases the statements under a {@code -- retort:platform} line of a SQL revision file run on: every one
 * ({@code all}, what statements before any such line get), the ones named ({@code postgresql}, {@code mariadb,mysql}), or
 * all but the ones named ({@code not postgresql}). The SQL file's form of {@code op.onlyOn} and {@code op.notOn}.
 *
 * @param except true when the statements run everywhere but on {@code ids}
 * @param ids    platform ids; empty with {@code except} for every database
 */
record PlatformScope(boolean except, Set<String> ids) {

    static final PlatformScope ALL = new PlatformScope(true, Set.of());

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    PlatformScope {
        ids = Set.copyOf(ids);
    }

    /**
     * Reads the value of a {@code -- retort:platform} line.
     *
     * @throws IllegalArgumentException (a sentence) when it names no platform or a malformed id
     */
    static PlatformScope parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("all")) {
            return ALL;
        }
        boolean except = text.startsWith("not ") || text.equals("not");
        String list = except ? text.substring(3).strip() : text;
        if (list.isEmpty()) {
            throw new IllegalArgumentException("-- retort:platform names no database; write platform ids as the platforms setting "
                    + "names them (comma-separated), not <ids> for every other database, or all");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : Arrays.stream(list.split(",")).map(String::strip).toList()) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("-- retort:platform has '" + id + "', not a platform id; separate ids with commas, "
                        + "no spaces");
            }
            ids.add(id);
        }
        return new PlatformScope(except, ids);
    }

    /**
     * Whether statements in this scope run on the platform. For no database in particular (null) only statements for
     * every database but some do, as {@code op.notOn} records them.
     */
    boolean includes(String platform) {
        if (platform == null) {
            return except;
        }
        return except != ids.contains(platform);
    }
}
