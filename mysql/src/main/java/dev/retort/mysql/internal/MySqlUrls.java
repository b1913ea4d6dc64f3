package dev.retort.mysql.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.RetortException;
import dev.retort.platform.DatabaseUrl;

/**
 * A flavour's two URL forms: the JDBC URL ({@code jdbc:mariadb://…}, {@code jdbc:mysql://…}) and the
 * {@code mariadb://user:pass@host:3306/db} or {@code mysql://…} form {@code DATABASE_URL} holds. Either driver may be the
 * one the application brings: MariaDB's serves {@code jdbc:mysql:} URLs only with {@code permitMysqlScheme}, which is
 * added when it is the only one there.
 */
final class MySqlUrls {

    /** A host (a name, an IPv4 address or a bracketed IPv6 address) and an optional port, as written. */
    private static final Pattern SERVER = Pattern.compile("(\\[[^\\]]*\\]|[^:]*)(?::(.*))?");
    private static final String MARIADB_DRIVER = "org.mariadb.jdbc.Driver";
    private static final String MYSQL_DRIVER = "com.mysql.cj.jdbc.Driver";

    private final Flavour flavour;
    private final String scheme;
    private final Pattern jdbc;

    MySqlUrls(Flavour flavour) {
        this.flavour = flavour;
        this.scheme = flavour.id();
        this.jdbc = Pattern.compile("jdbc:" + scheme + "://([^/?]*)(?:/([^?]*))?(?:\\?.*)?");
    }

    /** The forms, for messages. */
    String forms() {
        return "jdbc:" + scheme + "://host:3306/database or " + scheme + "://user:password@host:3306/database";
    }

    boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.strip().startsWith("jdbc:" + scheme + ":");
    }

    /** The URL read into its JDBC form and credentials, or null when it is not one of this flavour's forms. */
    DatabaseUrl parse(String url) {
        if (url.startsWith("jdbc:" + scheme + ":")) {
            Matcher m = jdbc.matcher(url);
            if (!m.matches()) {
                throw new RetortException("The database URL " + DatabaseUrl.mask(url) + " is not a " + flavour.product() + " JDBC URL; use "
                        + forms() + ".");
            }
            if (m.group(1).contains("@")) {
                throw new RetortException("The database URL " + DatabaseUrl.mask(url) + " puts the user and password before the host, "
                        + "which a JDBC URL does not take: write jdbc:" + scheme + "://host:3306/database?user=…&password=…, or drop the "
                        + "jdbc: prefix for the " + scheme + "://user:password@host:3306/database form (DATABASE_URL's).");
            }
            checkServers(url, m.group(1));
            return new DatabaseUrl(forDriverAtHand(url), null, null);
        }
        if (!url.startsWith(scheme + "://")) {
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
                Matcher m = Pattern.compile(Pattern.quote(scheme) + "://(?:[^@/?]*@)?([^/?]*).*").matcher(url);
                if (m.matches() && !m.group(1).isEmpty()) {
                    checkServers(url, m.group(1));
                }
                throw new RetortException("The database URL " + DatabaseUrl.mask(url) + " names no host; expected " + scheme
                        + "://user:password@host:3306/database.");
            }
            if (uri.getPort() == 0 || uri.getPort() > 65535) {
                throw badPort(url, Integer.toString(uri.getPort()));
            }
            String host = (uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost())
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new DatabaseUrl(forDriverAtHand("jdbc:" + scheme + "://" + host + path + query), user, password);
        } catch (URISyntaxException e) {
            Matcher m = Pattern.compile(Pattern.quote(scheme) + "://(?:[^@/?]*@)?([^/?]*).*").matcher(url);
            if (m.matches()) {
                checkServers(url, m.group(1));
            }
            throw new RetortException("The database URL " + DatabaseUrl.mask(url) + " is not a valid URL: " + e.getReason() + ".");
        }
    }

    /**
     * The JDBC URL as the driver on the class path takes it: MariaDB's driver accepts {@code jdbc:mysql:} only with
     * {@code permitMysqlScheme}, so a MySQL URL gets it where MySQL's own driver is missing and MariaDB's is there.
     */
    private String forDriverAtHand(String url) {
        if (flavour.mariaDb() || url.contains("permitMysqlScheme") || present(MYSQL_DRIVER) || !present(MARIADB_DRIVER)) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    private static boolean present(String driver) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), MySqlUrls.class.getClassLoader()}) {
            try {
                if (loader != null) {
                    Class.forName(driver, false, loader);
                    return true;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // look in the next loader
            }
        }
        return false;
    }

    /** Every {@code host[:port]} of a (possibly multi-host) server list has a port that is a port number. */
    private void checkServers(String url, String servers) {
        for (String server : servers.split(",")) {
            Matcher m = SERVER.matcher(server.contains("@") ? server.substring(server.lastIndexOf('@') + 1) : server);
            if (m.matches() && m.group(2) != null) {
                String port = m.group(2);
                if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                    throw badPort(url, port);
                }
            }
        }
    }

    private RetortException badPort(String url, String port) {
        return new RetortException("The database URL " + DatabaseUrl.mask(url) + " has port '" + port + "'"
                + (port.matches("\\d+") ? ", out of the range 1 to 65535" : ", which is not a number") + "; " + flavour.product()
                + "'s default is 3306.");
    }

    /** Percent-decoding only: unlike form decoding, a {@code +} in a password stays a {@code +}. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
