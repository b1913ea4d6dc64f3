package dev.retort.platform;

import java.util.regex.Pattern;

import dev.retort.RetortException;

/**
 * A database location from configuration, in JDBC form ({@code jdbc:<database>://host:port/db?user=…})
 * or in the {@code <scheme>://user:pass@host:port/db} form that {@code DATABASE_URL} usually holds. Which
 * forms are understood is each {@link Platform}'s to say; {@link Platforms#parseUrl} reads a URL with the platforms on the
 * class path.
 *
 * @param jdbcUrl  the JDBC URL, without credentials taken from the userinfo part
 * @param user     the user from the URL, or null
 * @param password the password from the URL, or null
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    /** Masks up to the last {@code @}: a password may itself contain {@code @}, {@code /} or {@code ?}, and over-masking is safe. */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(://[^:/@?#]*:).*@");

    private static final Pattern JDBC_PARTS = Pattern.compile("(jdbc:[a-z0-9]+://[^/?]*)(/[^?]*)?(\\?.*)?");

    /**
     * The same server and settings with another database, whether or not this URL names one.
     *
     * @throws RetortException when the JDBC URL has no recognisable server part
     */
    public DatabaseUrl withDatabase(String database) {
        java.util.regex.Matcher m = JDBC_PARTS.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new RetortException("The database URL " + mask(jdbcUrl) + " has no server part; use jdbc:<database>://host:port/database.");
        }
        return new DatabaseUrl(m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3)), user, password);
    }

    /** The database the URL names, or null when it names only a server. */
    public String database() {
        java.util.regex.Matcher m = JDBC_PARTS.matcher(jdbcUrl);
        if (!m.matches() || m.group(2) == null || m.group(2).length() < 2) {
            return null;
        }
        return m.group(2).substring(1);
    }

    /** The URL with any password replaced by {@code ***}, safe to print. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USERINFO_PASSWORD.matcher(url).replaceAll("$1***@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return mask(jdbcUrl) + (user == null ? "" : " as " + user);
    }
}
