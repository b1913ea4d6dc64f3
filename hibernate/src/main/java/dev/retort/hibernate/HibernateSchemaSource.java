package dev.retort.hibernate;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.retort.platform.Platform;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;

/**
 * The schema an application's JPA entities describe, read through Hibernate ORM: the source {@code generate}
 * and {@code check} compare the database with.
 *
 * <pre>{@code
 * retort.generate(HibernateSchemaSource.scan(loader, List.of("com.example.shop"), Map.of()), "add email to author");
 * }</pre>
 */
public final class HibernateSchemaSource implements SchemaSource {

    private final ClassLoader loader;
    private final List<String> packages;
    private final Collection<Class<?>> classes;
    private final Map<String, Object> settings;

    private HibernateSchemaSource(ClassLoader loader, List<String> packages, Collection<Class<?>> classes, Map<String, Object> settings) {
        this.loader = loader;
        this.packages = packages;
        this.classes = classes;
        this.settings = Map.copyOf(settings);
    }

    /**
     * The entities ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}) of the packages, sub-packages
     * included, as the class loader sees them.
     *
     * @param settings Hibernate settings the application uses, e.g. {@code hibernate.physical_naming_strategy}
     */
    public static HibernateSchemaSource scan(ClassLoader loader, Collection<String> packages, Map<String, Object> settings) {
        return new HibernateSchemaSource(loader, List.copyOf(packages), null, settings);
    }

    /** These entity classes. */
    public static HibernateSchemaSource of(Collection<Class<?>> entityClasses, Map<String, Object> settings) {
        return new HibernateSchemaSource(null, List.of(), List.copyOf(entityClasses), settings);
    }

    @Override
    public SchemaModel read(Platform platform) {
        if (classes != null) {
            return HibernateSchemaReader.read(classes, settings, platform);
        }
        // Hibernate resolves the entities' own types (converters, user types) through the context class loader.
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return HibernateSchemaReader.scan(loader, packages, settings, platform);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public String describe() {
        return classes != null ? classes.size() + " entity class(es)" : "the entities in package(s) " + String.join(", ", packages);
    }
}
