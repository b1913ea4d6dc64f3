package dev.retort.hibernate;

import java.util.Collection;
import java.util.Map;

import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import dev.retort.testing.TestDatabase;

/** Creates the entities' schema the way {@code hibernate.hbm2ddl.auto=create} does, for comparison. */
final class Hbm2ddl {

    private Hbm2ddl() {
    }

    static void create(TestDatabase db, Collection<Class<?>> classes, Map<String, Object> extra) {
        java.util.Map<String, Object> settings = new java.util.HashMap<>(extra);
        settings.putAll(Map.of(
                "hibernate.connection.url", db.jdbcUrl(),
                "hibernate.connection.username", db.user(),
                "hibernate.connection.password", db.password(),
                "hibernate.hbm2ddl.auto", "create-only",
                "hibernate.hbm2ddl.halt_on_error", "true",
                "hibernate.hbm2ddl.create_namespaces", "true"));
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
}
