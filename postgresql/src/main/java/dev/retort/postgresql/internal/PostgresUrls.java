package dev.retort.postgresql.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.RetortException;
import dev.retort.platform.DatabaseUrl;

/** PostgreSQL's two URL forms: JDBC's {@code jdbc:postgresql://…} and libpq's {@code postgresql://user:pass@host:port/db}. */
final class PostgresUrls {

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/?]*)(?:/([^?]*))?(?:\\?.*)?");
    private static final Pattern LIBPQ = Pattern.compile("postgres(?:ql)?://(?:[^@/?]*@)?([^/?]*)(?:/([^?]*))?(?:\\?.*)?");
    /** A host (a name, an IPv4 address or a bracketed IPv6 address) and an optional port, as written. */
    private static final Pattern SERVER = Pattern.compile("(\\[[^\\]]*\\]|[^:]*)(?::(.*))?");

    static final String FORMS = "jdbc:postgresql://host:port/database or postgresql://user:password@host:port/database";

    private PostgresUrls() {
    }

    /** The URL read into its JDBC form and credentials, or null when it is not a PostgreSQL URL. */
    static DatabaseUrl parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            Matcher m = JDBC.matcher(url);
            if (m.matches()) {
                if (m.group(1).contains("@")) {
                    throw new RetortException("The database URL " + DatabaseUrl.mask(url) + " puts the user and password before the host, "
                            + "which a JDBC URL does not take: write jdbc:postgresql://host:port/database?user=…&password=…, or drop the "
                            + "jdbc: prefix for the postgresql://user:password@host:port/database form (DATABASE_URL's).");
                }
                checkServers(url, m.group(1));
            }
            return new DatabaseUrl(url, null, null);
        }
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            return null;
        }
        Matcher m = LIBPQ.matcher(url);
        if (m.matches()) {
            checkServers(url, m.group(1));
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

    /** Every {@code host[:port]} of a (possibly multi-host) server list has a port that is a port number. */
    private static void checkServers(String url, String servers) {
        for (String server : servers.split(",")) {
            Matcher m = SERVER.matcher(server);
            if (!m.matches() || m.group(2) == null) {
                continue;
            }
            String port = m.group(2);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new RetortException("The database URL " + DatabaseUrl.mask(url) + " has port '" + port + "'"
                        + (port.matches("\\d+") ? ", out of the range 1 to 65535" : ", which is not a number")
                        + "; PostgreSQL's default is 5432.");
            }
        }
    }

    /** Percent-decoding only: unlike form decoding, a {@code +} in a password stays a {@code +}. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
