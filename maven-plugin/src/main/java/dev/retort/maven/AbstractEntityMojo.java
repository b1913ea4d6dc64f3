package dev.retort.maven;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.hibernate.HibernateSchemaSource;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;

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
    @Parameter(property = "migrations.devImage", defaultValue = "postgres:17")
    protected String devImage;

    @Override
    protected void configure(Settings.Builder builder) {
        builder.set(Setting.DEV_DATABASE, devDatabase).set(Setting.DEV_IMAGE, devImage)
                .set(Setting.ENTITY_PACKAGES, entityPackages == null ? null : String.join(",", entityPackages));
    }

    /** The project's entities, read through Hibernate when a command needs them; says how many tables it found. */
    protected SchemaSource entities() throws MojoFailureException {
        List<String> packages = entityPackages == null || entityPackages.isEmpty() ? List.of(project.getGroupId()) : entityPackages;
        Map<String, Object> settings = new HashMap<>();
        if (hibernateProperties != null) {
            settings.putAll(hibernateProperties);
        }
        SchemaSource hibernate = HibernateSchemaSource.scan(projectClassLoader(), packages, settings);
        return platform -> {
            SchemaModel model = hibernate.read(platform);
            getLog().info("Entities: " + model.tables().size() + " table(s) from package(s) " + String.join(", ", packages) + ".");
            return model;
        };
    }
}
