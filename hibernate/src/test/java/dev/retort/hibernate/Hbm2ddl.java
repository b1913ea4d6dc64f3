package dev.retort.hibernate;

import java.util.Collection;
import java.util.Map;

import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

import dev.retort.testing.TestDatabase;

/** Creates the entities' schema the way {@code hibernate.hbm2ddl.auto=create} does, for comparison. */
final class Hbm2ddl {

    private Hbm2ddl() {
    }

    static void create(TestDatabase db, Collection<Class<?>> classes) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(Map.of(
                "hibernate.connection.url", db.jdbcUrl(),
                "hibernate.connection.username", db.user(),
                "hibernate.connection.password", db.password(),
                "hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect",
                "hibernate.hbm2ddl.auto", "create",
                "hibernate.hbm2ddl.halt_on_error", "true")).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            sources.buildMetadata().buildSessionFactory().close();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
