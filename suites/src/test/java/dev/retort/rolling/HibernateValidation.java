package dev.retort.rolling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/** Hibernate's own check of a database against entities, as an application starting with {@code ddl-auto=validate} makes it. */
public final class HibernateValidation {

    private HibernateValidation() {
    }

    /** Fails when the database does not hold what the entities map, read with these Hibernate settings (a naming strategy). */
    public static void validate(DataSource dataSource, List<Class<?>> entities, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("hibernate.connection.datasource", dataSource);
        all.put("hibernate.hbm2ddl.auto", "validate");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(all).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                factory.getMetamodel();
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
