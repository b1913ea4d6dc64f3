package dev.retort.hibernate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;

import dev.retort.RetortException;
import dev.retort.internal.hibernate.EntityScan;
import dev.retort.internal.hibernate.ReadRequest;
import dev.retort.internal.hibernate.reader.EntityReader;
import dev.retort.platform.Platform;
import dev.retort.platform.Platforms;
import dev.retort.schema.SchemaModel;

/**
 * Turns JPA entities into Retort's schema model with the Hibernate ORM Retort itself is loaded with: the relational
 * model, type names and constraint names {@code hibernate.hbm2ddl.auto=create} would use, Bean Validation's
 * constraints included. To read an application's entities with the application's own Hibernate, use
 * {@link HibernateSchemaSource#builder()}.
 */
public final class HibernateSchemaReader {

    private HibernateSchemaReader() {
    }

    /**
     * Finds the entities ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}, and {@code @Converter}s) in the given
     * packages, sub-packages included, and reads the schema they describe.
     *
     * @throws RetortException when the packages hold no entity
     */
    public static SchemaModel scan(ClassLoader loader, Collection<String> packages, Map<String, Object> settings) {
        return scan(loader, packages, settings, Platforms.only());
    }

    /** As {@link #scan(ClassLoader, Collection, Map)}, for the given database platform. */
    public static SchemaModel scan(ClassLoader loader, Collection<String> packages, Map<String, Object> settings, Platform platform) {
        return new EntityReader().read(new ReadRequest(EntityScan.packages(loader, packages), List.of(), settings, loader,
                "package(s) " + String.join(", ", packages)), platform);
    }

    /**
     * Reads the schema the given entity classes describe.
     *
     * @param entityClasses entities, embeddables and mapped superclasses, from one class loader
     * @param settings      Hibernate settings, e.g. {@code hibernate.physical_naming_strategy}; may be empty
     */
    public static SchemaModel read(Collection<Class<?>> entityClasses, Map<String, Object> settings) {
        return read(entityClasses, settings, Platforms.only());
    }

    /** As {@link #read(Collection, Map)}, for the given database platform. */
    public static SchemaModel read(Collection<Class<?>> entityClasses, Map<String, Object> settings, Platform platform) {
        ClassLoader loader = entityClasses.stream().map(Class::getClassLoader).filter(Objects::nonNull).findFirst()
                .orElse(HibernateSchemaReader.class.getClassLoader());
        return new EntityReader().read(new ReadRequest(entityClasses.stream().map(Class::getName).toList(), List.of(), settings, loader,
                entityClasses.size() + " entity class(es)"), platform);
    }

    /** A bootstrap registry that loads classes through the entities' own class loaders (a project's, not Retort's). */
    static BootstrapServiceRegistry bootstrap(Collection<Class<?>> entityClasses) {
        BootstrapServiceRegistryBuilder builder = new BootstrapServiceRegistryBuilder();
        entityClasses.stream().map(Class::getClassLoader).filter(Objects::nonNull).distinct().forEach(builder::applyClassLoader);
        return builder.build();
    }
}
