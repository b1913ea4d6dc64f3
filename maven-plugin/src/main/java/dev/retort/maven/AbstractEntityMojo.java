package dev.retort.maven;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.schema.SchemaModel;

/** Goals that compare the entities with a database: {@code generate} and {@code check}. */
abstract class AbstractEntityMojo extends AbstractRetortMojo {

    /**
     * Packages holding the JPA entities (sub-packages included), comma-separated on the command line.
     * Default: the project's groupId.
     */
    @Parameter(property = "migrations.entityPackages")
    protected List<String> entityPackages;

    /**
     * Hibernate settings for reading the entities, as the application uses them, e.g.
     * {@code hibernate.physical_naming_strategy}.
     */
    @Parameter
    protected Map<String, String> hibernateProperties;

    /** The schema the project's entities describe. */
    protected SchemaModel entities(ClassLoader loader) throws MojoFailureException {
        List<String> packages = entityPackages == null || entityPackages.isEmpty() ? List.of(project.getGroupId()) : entityPackages;
        Map<String, Object> settings = new HashMap<>();
        if (hibernateProperties != null) {
            settings.putAll(hibernateProperties);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            SchemaModel model = HibernateSchemaReader.scan(loader, packages, settings);
            getLog().info("Entities: " + model.tables().size() + " table(s) from package(s) " + String.join(", ", packages) + ".");
            return model;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
