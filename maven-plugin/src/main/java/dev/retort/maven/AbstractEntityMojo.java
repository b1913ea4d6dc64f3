package dev.retort.maven;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.retort.Retort;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.runtime.Summary;
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

    /**
     * A throwaway database to compare against instead of the configured one: {@code docker} (a
     * PostgreSQL container, removed afterwards) or the JDBC URL of a scratch server (a fresh database
     * is created on it and dropped). It is upgraded to head with the project's migrations first, so
     * the result never depends on the state of anyone's own database.
     */
    @Parameter(property = "migrations.devDatabase")
    protected String devDatabase;

    /** The image of the dev database container; default {@code postgres:17}. */
    @Parameter(property = "migrations.devImage", defaultValue = DevDatabase.DEFAULT_IMAGE)
    protected String devImage;

    /** Whether a dev database is configured. */
    protected boolean usesDevDatabase() {
        return devDatabase != null && !devDatabase.isBlank();
    }

    /** Starts the dev database; the caller closes it. */
    protected DevDatabase startDevDatabase() throws MojoFailureException {
        return DevDatabase.start(devDatabase, devImage, getLog());
    }

    /** A Retort over the dev database and the project's migrations. */
    protected Retort devRetort(DevDatabase dev) throws MojoFailureException {
        return openRetort(dev.jdbcUrl, dev.user, dev.password);
    }

    /** Brings the dev database to head with the project's migrations. */
    protected void upgradeDevToHead(Retort devRetort) {
        if (!devRetort.graph().isEmpty()) {
            getLog().info("Dev database: " + Summary.of(devRetort.upgrade()));
        }
    }

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
