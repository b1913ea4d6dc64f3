package dev.retort.fleet;

import java.util.Objects;

import dev.retort.platform.DatabaseUrl;

/**
 * One member of a fleet: a database of its own (its URL) or a schema on the fleet's database.
 *
 * @param name   how output names it: the schema, or the database's URL without credentials
 * @param url    the database's URL (a JDBC URL or the {@code scheme://user:password@host/db} form), or null for a schema on
 *               the fleet's database
 * @param schema the schema its migrations run in and its version and history tables live in, or null for the
 *               database's default
 */
public record Target(String name, String url, String schema) {

    /** Checks that a target names a database or a schema. */
    public Target {
        Objects.requireNonNull(name, "name");
        if (url == null && (schema == null || schema.isBlank())) {
            throw new IllegalArgumentException("A target names a database URL or a schema.");
        }
    }

    /** A schema on the fleet's database (schema per tenant). */
    public static Target schema(String name) {
        return new Target(name.strip(), null, name.strip());
    }

    /** A database of its own; its name is the URL with user and password left out. */
    public static Target database(String url) {
        String stripped = url.strip();
        return new Target(DatabaseUrl.mask(withoutCredentials(stripped)), stripped, null);
    }

    /**
     * An entry of a target list or a row of a targets query: a URL ({@code jdbc:…} or {@code scheme://…}) is a database,
     * anything else the name of a schema on the fleet's database.
     */
    public static Target parse(String entry) {
        String stripped = entry.strip();
        return isUrl(stripped) ? database(stripped) : schema(stripped);
    }

    /** Whether an entry is a database's URL rather than a schema's name. */
    public static boolean isUrl(String entry) {
        return entry.startsWith("jdbc:") || entry.contains("://");
    }

    /** Whether this target is a schema on the fleet's database. */
    public boolean isSchema() {
        return url == null;
    }

    private static String withoutCredentials(String url) {
        // scheme://user:secret@host/db and jdbc:scheme://user:secret@host/db alike: drop what precedes the '@'.
        int scheme = url.indexOf("://");
        int at = url.indexOf('@', Math.max(scheme, 0));
        int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
            url = url.substring(0, scheme + 3) + url.substring(at + 1);
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return name;
    }
}
