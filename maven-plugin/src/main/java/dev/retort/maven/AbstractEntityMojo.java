package dev.retort.maven;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.hibernate.HibernateSchemaSource;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;

/**
 * Goals that read the project's compiled entities: {@code generate}, {@code check} and {@code verify}. They run after
 * {@code compile} ({@code mvn compile migrations:generate}), which they do not trigger themselves.
 */
abstract class AbstractEntityMojo extends AbstractDatabaseMojo {

    /**
     * Packages holding the JPA entities (sub-packages included), comma-separated on the command line.
     * Default: the project's groupId. Not used when {@code persistenceUnit} is set.
     */
    @Parameter(property = "migrations.entityPackages")
    protected List<String> entityPackages;

    /**
     * A persistence unit of the project's {@code META-INF/persistence.xml} to read the entities from instead of
     * scanning {@code entityPackages}: the classes it lists (and, unless it sets {@code exclude-unlisted-classes},
     * the annotated classes beside its persistence.xml), its mapping files ({@code orm.xml}), its properties (naming
     * strategies, validation mode, ...). {@code hibernateProperties} win over the unit's properties.
     */
    @Parameter(property = "migrations.persistenceUnit")
    protected String persistenceUnit;

    /**
     * Hibernate settings for reading the entities, as the application uses them, e.g.
     * {@code hibernate.physical_naming_strategy} or {@code jakarta.persistence.validation.mode}.
     */
    @Parameter
    protected Map<String, String> hibernateProperties;

    /**
     * Spring Boot profiles, comma-separated, the application runs with. A Spring Boot application with JPA is read
     * with the naming strategies and {@code spring.jpa.properties.*} of its {@code application.properties} or
     * {@code application.yml}; these profiles add their {@code application-{profile}} files, in place of the
     * {@code spring.profiles.active} those files set. {@code hibernateProperties} win over everything read there.
     */
    @Parameter(property = "migrations.springProfiles")
    protected List<String> springProfiles;

    /**
     * The databases one history serves, platform ids comma-separated ({@code postgresql,mariadb,h2}): {@code check}
     * fails on an operation one of them cannot run, {@code generate} marks what runs on the database at hand only, and
     * {@code verify} proves the history on each that has a dev database.
     */
    @Parameter(property = "migrations.platforms")
    protected List<String> platforms;

    /**
     * A throwaway database to compare against instead of the configured one: {@code embedded} (a PostgreSQL run from
     * Maven artifacts, nothing to install), {@code docker} (a PostgreSQL container of {@code devImage}, removed
     * afterwards) or the JDBC URL of a scratch server (a fresh database is created on it and dropped). It is upgraded to
     * head with the project's migrations first, so the result never depends on the state of anyone's own database.
     */
    @Parameter(property = "migrations.devDatabase")
    protected String devDatabase;

    /**
     * Where the history serves several databases ({@code platforms}), the dev databases {@code verify} also proves it
     * on: {@code id=spec} entries ({@code mariadb=jdbc:mariadb://127.0.0.1:3306/}, {@code h2=embedded}), each spec as
     * {@code devDatabase} takes it. Default: each platform's own that needs nothing installed (H2 in memory, embedded
     * PostgreSQL); a platform with none is skipped, and said so.
     */
    @Parameter(property = "migrations.devDatabases")
    protected List<String> devDatabases;

    /** The image of the dev database container; default {@code postgres:17}. */
    @Parameter(property = "migrations.devImage")
    protected String devImage;

    /**
     * Tables and other objects Retort does not manage, comma-separated names or patterns with {@code *} and {@code ?}
     * (optionally schema-qualified): generate never writes them, check and verify do not call them drift. Flyway's,
     * Liquibase's and Alembic's tables are always left out.
     */
    @Parameter(property = "migrations.excludeObjects")
    protected String excludeObjects;

    @Override
    protected void configure(Settings.Builder builder) throws MojoFailureException {
        super.configure(builder);
        builder.set(Setting.DEV_DATABASE, devDatabase).set(Setting.DEV_IMAGE, devImage).set(Setting.PERSISTENCE_UNIT, persistenceUnit)
                .set(Setting.EXCLUDE_OBJECTS, excludeObjects)
                .set(Setting.SPRING_PROFILES, springProfiles == null ? null : String.join(",", springProfiles))
                .set(Setting.PLATFORMS, platforms == null ? null : String.join(",", platforms))
                .set(Setting.DEV_DATABASES, devDatabases == null ? null : String.join(" ", devDatabases))
                .set(Setting.ENTITY_PACKAGES, entityPackages == null ? null : String.join(",", entityPackages));
    }

    /**
     * The project's entities, read when a command needs them by the Hibernate ORM on the project's class path (or
     * the plugin's own when it has none), with a Spring Boot application's naming; says which Hibernate, which naming
     * (for a Boot application), and how many tables it found.
     */
    protected SchemaSource entities() throws MojoFailureException {
        List<String> packages = settings().entityPackages().isEmpty() ? List.of(project.getGroupId()) : settings().entityPackages();
        Map<String, Object> properties = new HashMap<>();
        if (hibernateProperties != null) {
            properties.putAll(hibernateProperties);
        }
        List<Path> resources = project.getResources().stream().map(resource -> Path.of(resource.getDirectory())).toList();
        HibernateSchemaSource hibernate = HibernateSchemaSource.builder().classPath(classPath()).packages(packages)
                .persistenceUnit(settings().persistenceUnit()).properties(properties).springProfiles(settings().springProfiles())
                .resourceDirectories(resources).log(getLog()::info).build();
        return platform -> {
            SchemaModel model = hibernate.read(platform);
            getLog().info("Entities: " + model.tables().size() + " table(s) from " + hibernate.location() + ".");
            return model;
        };
    }

    /** The runtime class path, and the provided dependencies after it: an application server's Hibernate is the application's. */
    private List<Path> classPath() throws MojoFailureException {
        projectClassLoader(); // fails first, and clearly, when the project is not compiled
        Set<String> elements = new LinkedHashSet<>();
        try {
            elements.addAll(project.getRuntimeClasspathElements());
            elements.addAll(project.getCompileClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoFailureException("Cannot build the project's class path: " + e.getMessage(), e);
        }
        return elements.stream().map(Path::of).toList();
    }
}
