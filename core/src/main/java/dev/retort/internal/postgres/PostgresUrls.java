package dev.retort.internal.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import dev.retort.RetortException;
import dev.retort.config.DatabaseUrl;

/** PostgreSQL's two URL forms: JDBC's {@code jdbc:postgresql://…} and libpq's {@code postgresql://user:pass@host:port/db}. */
final class PostgresUrls {

    static final String FORMS = "jdbc:postgresql://host:port/database or postgresql://user:password@host:port/database";

    private PostgresUrls() {
    }

    /** The URL read into its JDBC form and credentials, or null when it is not a PostgreSQL URL. */
    static DatabaseUrl parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, null, null);
        }
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            if (uri.getHost() == null) {
                throw new RetortException("The database URL " + DatabaseUrl.mask(url)
                        + " names no host; expected postgresql://user:password@host:port/database.");
            }
            String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new DatabaseUrl("jdbc:postgresql://" + host + path + query, user, password);
        } catch (URISyntaxException e) {
            throw new RetortException("The database URL " + DatabaseUrl.mask(url) + " is not a valid URL: " + e.getReason() + ".");
        }
    }

    /** Percent-decoding only: unlike form decoding, a {@code +} in a password stays a {@code +}. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
