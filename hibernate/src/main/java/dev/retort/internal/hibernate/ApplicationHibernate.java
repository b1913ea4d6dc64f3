package dev.retort.internal.hibernate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.RetortException;

/**
 * The application's classes and the Hibernate ORM that reads them: the application's own when its class path has
 * one (6.4 or later), Retort's own otherwise. Says in one line which it is and which version. Closing it releases
 * the class loader it made.
 */
public final class ApplicationHibernate implements AutoCloseable {

    private static final String HIBERNATE = "org/hibernate/Version.class";
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+).*");

    private final ClassLoader loader;
    private final EntityReading reader;
    private final String description;
    private final URLClassLoader owned;

    private ApplicationHibernate(ClassLoader loader, EntityReading reader, String description, URLClassLoader owned) {
        this.loader = loader;
        this.reader = reader;
        this.description = description;
        this.owned = owned;
    }

    /**
     * The application's runtime class path (class directories and jars): its Hibernate, looked for there alone,
     * reads the entities; without one, Retort's own does, over the same classes.
     */
    public static ApplicationHibernate forClassPath(List<Path> classPath) {
        URL[] urls = urls(classPath);
        URLClassLoader isolated = new URLClassLoader("application", urls, ClassLoader.getPlatformClassLoader());
        if (isolated.getResource(HIBERNATE) != null) {
            return isolated(isolated, isolated);
        }
        close(isolated);
        URLClassLoader overRetort = new URLClassLoader("application", urls, retortLoader());
        return fallback(overRetort, overRetort);
    }

    /** The application's classes as this loader sees them, read with the Hibernate it sees (or Retort's, if none). */
    public static ApplicationHibernate forClassLoader(ClassLoader loader) {
        Class<?> theirs;
        try {
            theirs = Class.forName("org.hibernate.Version", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return fallback(loader, null);
        }
        if (theirs.getClassLoader() == retortHibernateLoader()) {
            EntityReading direct = newReader(retortLoader());
            return new ApplicationHibernate(loader, direct, line(direct.hibernateVersion(), "the application's class loader"), null);
        }
        return isolated(loader, null);
    }

    private static ApplicationHibernate isolated(ClassLoader application, URLClassLoader owned) {
        String version = version(application);
        Matcher m = VERSION.matcher(version);
        int major = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        int minor = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        if (major < 6 || major == 6 && minor < 4) {
            close(owned);
            throw new RetortException("The project uses Hibernate ORM " + version + "; Retort reads entities with Hibernate ORM 6.4 or later "
                    + "(6.x, 7.x): upgrade the project's Hibernate.");
        }
        EntityReading reader = newReader(new ReaderLoader(retortLoader(), application));
        return new ApplicationHibernate(application, reader, line(version, "the project's class path"), owned);
    }

    private static ApplicationHibernate fallback(ClassLoader application, URLClassLoader owned) {
        EntityReading reader = newReader(retortLoader());
        return new ApplicationHibernate(application, reader, "The project has no Hibernate ORM on its class path; reading the entities with "
                + "Retort's own Hibernate ORM " + reader.hibernateVersion() + ".", owned);
    }

    private static String line(String version, String where) {
        return "Reading the entities with Hibernate ORM " + version + " from " + where + ".";
    }

    private static String version(ClassLoader application) {
        try {
            return (String) Class.forName("org.hibernate.Version", true, application).getMethod("getVersionString").invoke(null);
        } catch (LinkageError | ReflectiveOperationException e) {
            throw new RetortException("Cannot tell which Hibernate ORM the project has (org.hibernate.Version fails: " + e + ").", e);
        }
    }

    private static EntityReading newReader(ClassLoader loader) {
        try {
            return (EntityReading) Class.forName(EntityReading.IMPLEMENTATION, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new RetortException("Cannot start the entity reader against the project's Hibernate ORM: " + e + ".", e);
        }
    }

    private static ClassLoader retortLoader() {
        return ApplicationHibernate.class.getClassLoader();
    }

    private static ClassLoader retortHibernateLoader() {
        try {
            return Class.forName("org.hibernate.Version", false, retortLoader()).getClassLoader();
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static URL[] urls(List<Path> classPath) {
        List<URL> urls = new ArrayList<>();
        for (Path element : classPath) {
            try {
                urls.add(element.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new RetortException("Class path element " + element + " is not a valid location: " + e.getMessage(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** The application's classes, and the Hibernate that reads them. */
    public ClassLoader loader() {
        return loader;
    }

    /** The reader, running against that Hibernate. */
    public EntityReading reader() {
        return reader;
    }

    /** One line: which Hibernate ORM reads the entities, and its version. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        close(owned);
    }

    private static void close(URLClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
