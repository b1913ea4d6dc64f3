package dev.retort.h2.internal;

import java.util.Locale;

import dev.retort.RetortException;
import dev.retort.platform.DatabaseUrl;

/**
 * H2's URL forms: {@code jdbc:h2:file:/path/db} (or {@code ./db}, {@code ~/db}), {@code jdbc:h2:mem:name} and
 * {@code jdbc:h2:tcp://host/path}, with settings after semicolons ({@code ;AUTO_SERVER=TRUE}). An in-memory database
 * lives as long as a connection to it does unless the URL says otherwise; Retort opens and closes connections as it
 * goes, so {@code ;DB_CLOSE_DELAY=-1} is added to keep it for the life of the process.
 */
final class H2Urls {

    static final String FORMS = "jdbc:h2:file:/path/to/db, jdbc:h2:./relative/db, jdbc:h2:mem:name or jdbc:h2:tcp://host:9092/path";

    private H2Urls() {
    }

    static boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.strip().regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
    }

    static DatabaseUrl parse(String url) {
        if (!accepts(url)) {
            return null;
        }
        String rest = url.strip().substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String location = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String lower = location.toLowerCase(Locale.ROOT);
        if (location.isEmpty()) {
            throw new RetortException("The database URL " + DatabaseUrl.mask(url) + " names no database; use " + FORMS + ".");
        }
        if (lower.equals("mem:") || lower.equals("mem")) {
            throw new RetortException("The database URL " + DatabaseUrl.mask(url) + " is an unnamed in-memory database, which each connection "
                    + "gets a private one of, so migrations would vanish with their connection; name it: jdbc:h2:mem:app.");
        }
        if (lower.startsWith("mem:")) {
            String keep = url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_DELAY") ? "" : ";DB_CLOSE_DELAY=-1";
            return new DatabaseUrl(url.strip() + keep, null, null);
        }
        if (!lower.startsWith("file:") && !lower.startsWith("tcp:") && !lower.startsWith("ssl:") && !lower.startsWith("zip:")
                && !lower.startsWith("nio") && !lower.startsWith("split:") && !lower.startsWith("async:") && !lower.startsWith("memfs:")
                && !lower.startsWith("memlzf:") && !lower.startsWith("./") && !lower.startsWith("../") && !lower.startsWith("~")
                && !lower.startsWith("/") && !lower.startsWith("\\") && !lower.matches("[a-z]:[/\\\\].*")) {
            throw new RetortException("The database URL " + DatabaseUrl.mask(url) + " names a file relative to no directory, which H2 2.x "
                    + "refuses; write jdbc:h2:./" + location + " (relative to the working directory), jdbc:h2:~/" + location
                    + " or an absolute path.");
        }
        return new DatabaseUrl(url.strip(), null, null);
    }
}
