package dev.retort.hibernate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import dev.retort.testing.TestDatabase;

/** Creates the entities' schema the way Hibernate itself does ({@code hibernate.hbm2ddl.auto=create}), for comparison. */
final class Hbm2ddl {

    private Hbm2ddl() {
    }

    /** The schema tool alone, over the boot metadata: fast on big models, without integrators such as Bean Validation. */
    static void create(TestDatabase db, Collection<Class<?>> classes, Map<String, Object> extra) {
        Map<String, Object> settings = settings(db, extra);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(HibernateSchemaReader.bootstrap(classes)).applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            // The schema tool alone: a SessionFactory would also build every entity loader, which is slow on big models.
            // Building a SessionFactory with hbm2ddl.auto=create orders the columns first; do the same.
            org.hibernate.boot.spi.MetadataImplementor metadata = (org.hibernate.boot.spi.MetadataImplementor) sources.buildMetadata();
            metadata.orderColumns(false);
            SchemaManagementToolCoordinator.process(metadata, registry, settings, action -> { });
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** As an application's session factory creates the schema at start-up: Bean Validation's constraints included. */
    static void createAtStartup(TestDatabase db, Collection<Class<?>> classes, Map<String, Object> extra) {
        createAtStartup(db, classes, extra, builder -> { });
    }

    /** As {@link #createAtStartup(TestDatabase, Collection, Map)}, with the services the application registers on its registry builder. */
    static void createAtStartup(TestDatabase db, Collection<Class<?>> classes, Map<String, Object> extra,
                                java.util.function.Consumer<StandardServiceRegistryBuilder> services) {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(HibernateSchemaReader.bootstrap(classes))
                .applySettings(settings(db, extra));
        services.accept(builder);
        StandardServiceRegistry registry = builder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                factory.getMetamodel();
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** As a Jakarta Persistence application creates the schema of a persistence unit through {@code Persistence}. */
    static void createUnit(TestDatabase db, ClassLoader loader, String unit, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(extra);
        settings.putAll(Map.of("jakarta.persistence.nonJtaDataSource", db.dataSource(), "jakarta.persistence.schema-generation.database.action", "create",
                "hibernate.hbm2ddl.halt_on_error", "true", "hibernate.hbm2ddl.create_namespaces", "true"));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory(unit, settings)) {
            factory.getMetamodel();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Map<String, Object> settings(TestDatabase db, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(extra);
        settings.putAll(Map.of(
                "hibernate.connection.datasource", db.dataSource(),
                "hibernate.hbm2ddl.auto", "create-only",
                "hibernate.hbm2ddl.halt_on_error", "true",
                "hibernate.hbm2ddl.create_namespaces", "true"));
        return settings;
    }
}
