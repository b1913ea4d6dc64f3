package dev.retort.internal.hibernate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;

/**
 * Loads the entity reader next to the application's Hibernate: the reader's own package is defined here from
 * Retort's class files (child-first), every other Retort class comes from Retort's loader (so the request, the
 * platform and the schema model are the same classes on both sides), and everything else (Hibernate, Jakarta
 * Persistence and Validation, the entities and the JDK) from the application's loader.
 */
final class ReaderLoader extends ClassLoader {

    private static final String READER_PACKAGE = "dev.retort.internal.hibernate.reader.";
    private static final String RETORT = "dev.retort.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader retort;
    private final ClassLoader application;

    ReaderLoader(ClassLoader retort, ClassLoader application) {
        super("retort-entity-reader", null);
        this.retort = retort;
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (name.startsWith(READER_PACKAGE)) {
                    loaded = findClass(name);
                } else if (name.startsWith(RETORT)) {
                    loaded = retort.loadClass(name);
                } else {
                    loaded = application.loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = retort.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    @Override
    public URL getResource(String name) {
        return application.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return application.getResources(name);
    }
}
