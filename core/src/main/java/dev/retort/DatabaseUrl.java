package dev.retort;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A database location from configuration, in JDBC form ({@code jdbc:postgresql://host:port/db?user=…})
 * or in the {@code postgresql://user:pass@host:port/db} form that {@code DATABASE_URL} usually holds.
 *
 * @param jdbcUrl  the JDBC URL, without credentials taken from the userinfo part
 * @param user     the user from the URL, or null
 * @param password the password from the URL, or null
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    /** Masks up to the last {@code @}: a password may itself contain {@code @}, {@code /} or {@code ?}, and over-masking is safe. */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(://[^:/@?#]*:).*@");

    /**
     * Reads a URL in either form.
     *
     * @throws RetortException naming the (masked) URL and the accepted forms
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RetortException("No database URL is configured; set migrations.url or DATABASE_URL.");
        }
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
            try {
                URI uri = new URI(trimmed);
                String user = null;
                String password = null;
                if (uri.getRawUserInfo() != null) {
                    String[] parts = uri.getRawUserInfo().split(":", 2);
                    user = decode(parts[0]);
                    password = parts.length > 1 ? decode(parts[1]) : null;
                }
                if (uri.getHost() == null) {
                    throw new RetortException("The database URL " + mask(trimmed) + " names no host; expected postgresql://user:password@host:port/database.");
                }
                String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
                String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                return new DatabaseUrl("jdbc:postgresql://" + host + path + query, user, password);
            } catch (URISyntaxException e) {
                throw new RetortException("The database URL " + mask(trimmed) + " is not a valid URL: " + e.getReason() + ".");
            }
        }
        throw new RetortException("The database URL " + mask(trimmed) + " is not a PostgreSQL URL; use "
                + "jdbc:postgresql://host:port/database or postgresql://user:password@host:port/database.");
    }

    /** Percent-decoding only: unlike form decoding, a {@code +} in a password stays a {@code +}. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static final Pattern JDBC_PARTS = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    /**
     * The same server and settings with another database, whether or not this URL names one.
     *
     * @throws RetortException when the JDBC URL has no recognisable server part
     */
    public DatabaseUrl withDatabase(String database) {
        java.util.regex.Matcher m = JDBC_PARTS.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new RetortException("The database URL " + mask(jdbcUrl) + " has no server part; use jdbc:postgresql://host:port/database.");
        }
        return new DatabaseUrl(m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3)), user, password);
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
