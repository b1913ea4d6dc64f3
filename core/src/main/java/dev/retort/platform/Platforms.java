package dev.retort.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

import dev.retort.RetortException;

/** Finds the {@link Platform} for a database: the built-in ones and those registered with {@link ServiceLoader}. */
public final class Platforms {

    private Platforms() {
    }

    /** Every platform available, built-in ones first. */
    public static List<Platform> all() {
        List<Platform> platforms = new ArrayList<>();
        platforms.add(new dev.retort.internal.postgres.PostgresPlatform());
        ServiceLoader.load(Platform.class, Platforms.class.getClassLoader()).forEach(p -> {
            if (platforms.stream().noneMatch(known -> known.name().equalsIgnoreCase(p.name()))) {
                platforms.add(p);
            }
        });
        return platforms;
    }

    /** The platform Retort uses when nothing names one: PostgreSQL. */
    public static Platform defaultPlatform() {
        return all().get(0);
    }

    /**
     * The platform that serves a JDBC URL.
     *
     * @throws RetortException when none does
     */
    public static Platform forUrl(String jdbcUrl) {
        for (Platform platform : all()) {
            if (platform.accepts(jdbcUrl)) {
                return platform;
            }
        }
        throw new RetortException("No database platform serves the URL " + dev.retort.config.DatabaseUrl.mask(jdbcUrl)
                + "; Retort supports " + names() + ".");
    }

    /**
     * The platform of that name (case-insensitive).
     *
     * @throws RetortException when there is none
     */
    public static Platform named(String name) {
        for (Platform platform : all()) {
            if (platform.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return platform;
            }
        }
        throw new RetortException("There is no database platform named '" + name + "'; Retort supports " + names() + ".");
    }

    private static String names() {
        return String.join(", ", all().stream().map(Platform::name).toList());
    }
}
