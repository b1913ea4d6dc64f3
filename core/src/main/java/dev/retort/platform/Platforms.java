package dev.retort.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

import javax.sql.DataSource;

import dev.retort.RetortException;

/**
 * Finds the {@link Platform} for a database among those on the class path. Each database is a module of its own
 * ({@code retort-postgresql}, …) that registers its platform in {@code META-INF/services/dev.retort.platform.Platform};
 * core knows none by name.
 */
public final class Platforms {

    /** What to add when no platform is on the class path, for messages. */
    static final String ADD_ONE = "add Retort's module for your database (dev.retort:retort-<database>) to the application's "
            + "dependencies";

    private Platforms() {
    }

    /** Every platform on the class path (Retort's own class loader and the thread's), in the order they were found. */
    public static List<Platform> all() {
        List<Platform> platforms = new ArrayList<>();
        load(Platforms.class.getClassLoader(), platforms);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != Platforms.class.getClassLoader()) {
            load(context, platforms);
        }
        return platforms;
    }

    private static void load(ClassLoader loader, List<Platform> platforms) {
        ServiceLoader.load(Platform.class, loader).forEach(p -> {
            if (platforms.stream().noneMatch(known -> known.name().equalsIgnoreCase(p.name()))) {
                platforms.add(p);
            }
        });
    }

    /**
     * The platform when only one is on the class path, for work that names no database (offline scripts, lint without
     * a database).
     *
     * @throws RetortException when there is none, or several and nothing says which
     */
    public static Platform only() {
        List<Platform> platforms = all();
        if (platforms.size() == 1) {
            return platforms.get(0);
        }
        if (platforms.isEmpty()) {
            throw new RetortException("No database platform is on the class path: " + ADD_ONE + ".");
        }
        throw new RetortException("Several database platforms are on the class path (" + names(platforms) + ") and nothing says which "
                + "database this is: set {url}, or {platform} to one of them (or list the databases the history serves in {platforms}, the "
                + "first the one at hand).");
    }

    /**
     * Reads a database URL in any form a platform on the class path knows: its JDBC URL, or the
     * {@code scheme://user:pass@host/db} form {@code DATABASE_URL} usually holds.
     *
     * @throws RetortException naming the (masked) URL and the accepted forms
     */
    public static DatabaseUrl parseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new RetortException("No database URL is configured; set {url} or DATABASE_URL.");
        }
        String trimmed = url.strip();
        List<Platform> platforms = all();
        if (platforms.isEmpty()) {
            throw new RetortException("No database platform is on the class path to read the database URL " + DatabaseUrl.mask(trimmed)
                    + ": " + ADD_ONE + ".");
        }
        for (Platform platform : platforms) {
            DatabaseUrl parsed = platform.parseUrl(trimmed);
            if (parsed != null) {
                return parsed;
            }
        }
        throw new RetortException("The database URL " + DatabaseUrl.mask(trimmed) + " is not a " + either(platforms.stream()
                .map(Platform::name).toList(), " or ") + " URL; use " + either(platforms.stream().map(Platform::urlForms).toList(), ", or ")
                + ".");
    }

    /**
     * The platform that serves a JDBC URL.
     *
     * @throws RetortException when none does
     */
    public static Platform forUrl(String jdbcUrl) {
        List<Platform> platforms = all();
        for (Platform platform : platforms) {
            if (platform.accepts(jdbcUrl)) {
                return platform;
            }
        }
        throw new RetortException("No database platform on the class path serves the URL " + DatabaseUrl.mask(jdbcUrl) + (platforms.isEmpty()
                ? "; " + ADD_ONE + "." : "; the platforms there are " + names(platforms) + ": add the module of this database."));
    }

    /**
     * The platform of the database a data source connects to, read from one connection's metadata (its URL, else the
     * product name the driver reports).
     *
     * @throws RetortException when the connection fails or no platform serves that database
     */
    public static Platform forDataSource(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String url = metadata.getURL();
            String product = metadata.getDatabaseProductName();
            List<Platform> platforms = all();
            for (Platform platform : platforms) {
                if ((url != null && platform.accepts(url)) || platform.acceptsProduct(product)) {
                    return platform;
                }
            }
            throw new RetortException("No database platform on the class path serves the data source's database (" + product + (platforms.isEmpty()
                    ? "); " + ADD_ONE + "." : "); the platforms there are " + names(platforms) + ": add the module of this database."));
        } catch (SQLException e) {
            throw new RetortException("Could not connect to the data source to learn which database it is: " + e.getMessage()
                    + " (give the platform explicitly to skip this).", e);
        }
    }

    /**
     * The platform of that name (case-insensitive).
     *
     * @throws RetortException when there is none
     */
    public static Platform named(String name) {
        List<Platform> platforms = all();
        for (Platform platform : platforms) {
            if (platform.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))
                    || platform.id().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return platform;
            }
        }
        throw new RetortException("There is no database platform named '" + name + "' on the class path" + (platforms.isEmpty()
                ? "; " + ADD_ONE + "." : "; the platforms there are " + names(platforms) + "."));
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}: a list as a sentence says it, joined last by {@code last}. */
    private static String either(List<String> items, String last) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    private static String names(List<Platform> platforms) {
        return String.join(", ", platforms.stream().map(Platform::id).toList());
    }
}
