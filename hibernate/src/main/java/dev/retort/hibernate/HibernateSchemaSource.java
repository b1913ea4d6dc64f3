package dev.retort.hibernate;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.retort.RetortException;
import dev.retort.internal.hibernate.ApplicationHibernate;
import dev.retort.internal.hibernate.EntityScan;
import dev.retort.internal.hibernate.PersistenceUnits;
import dev.retort.internal.hibernate.ReadRequest;
import dev.retort.platform.Platform;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;

/**
 * The schema an application's JPA entities describe, read through the application's own Hibernate ORM: the source
 * {@code generate} and {@code check} compare the database with. Given the application's class path, the reader
 * runs against the Hibernate found there (6.4 or later), isolated from Retort's own, so the schema it describes is
 * the one the application validates against; only a class path without Hibernate is read with Retort's own. A Spring
 * Boot application is read with the naming and Hibernate settings its configuration files give it
 * ({@link SpringBootJpaSettings}).
 *
 * <pre>{@code
 * SchemaSource entities = HibernateSchemaSource.builder()
 *         .classPath(List.of(Path.of("target/classes"), Path.of("lib/hibernate-core-6.6.0.Final.jar"), ...))
 *         .packages(List.of("com.example.shop"))
 *         .log(System.out::println)       // "Reading the entities with Hibernate ORM 6.6.0.Final from the project's class path."
 *         .build();
 * retort.generate(entities, "add email to author");
 * }</pre>
 */
public final class HibernateSchemaSource implements SchemaSource {

    private final List<Path> classPath;
    private final ClassLoader loader;
    private final Collection<Class<?>> classes;
    private final List<String> packages;
    private final String persistenceUnit;
    private final Map<String, Object> properties;
    private final List<String> springProfiles;
    private final List<Path> resourceDirectories;
    private final Consumer<String> log;

    private HibernateSchemaSource(Builder builder, Collection<Class<?>> classes) {
        this.classPath = builder.classPath;
        this.loader = builder.loader;
        this.classes = classes;
        this.packages = builder.packages;
        this.persistenceUnit = builder.persistenceUnit;
        this.properties = Map.copyOf(builder.properties);
        this.springProfiles = builder.springProfiles;
        this.resourceDirectories = builder.resourceDirectories;
        this.log = builder.log;
    }

    /** A source to configure: where the application's classes are, and which of them are the entities. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The entities ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}, and {@code @Converter}s) of the packages, sub-packages
     * included, as the class loader sees them, read with the Hibernate that loader sees.
     *
     * @param settings Hibernate settings the application uses, e.g. {@code hibernate.physical_naming_strategy}
     */
    public static HibernateSchemaSource scan(ClassLoader loader, Collection<String> packages, Map<String, Object> settings) {
        return builder().classLoader(loader).packages(packages).properties(settings).build();
    }

    /** These entity classes, read with Retort's own Hibernate. */
    public static HibernateSchemaSource of(Collection<Class<?>> entityClasses, Map<String, Object> settings) {
        return new HibernateSchemaSource(new Builder().properties(settings), List.copyOf(entityClasses));
    }

    @Override
    public SchemaModel read(Platform platform) {
        if (classes != null) {
            return HibernateSchemaReader.read(classes, properties, platform);
        }
        try (ApplicationHibernate application = classPath != null ? ApplicationHibernate.forClassPath(classPath)
                : ApplicationHibernate.forClassLoader(loader)) {
            log.accept(application.description());
            Map<String, Object> settings = settings(application.loader());
            ReadRequest request = persistenceUnit != null
                    ? PersistenceUnits.request(application.loader(), persistenceUnit, settings)
                    : new ReadRequest(EntityScan.packages(application.loader(), packages), List.of(), settings, application.loader(),
                            "package(s) " + String.join(", ", packages));
            return application.reader().read(request, platform);
        }
    }

    /** The explicit settings, over those of a Spring Boot application's configuration files when it is one (and it says which naming). */
    private Map<String, Object> settings(ClassLoader application) {
        Optional<SpringBootJpaSettings> boot = SpringBootJpaSettings.read(application, springProfiles, resourceDirectories);
        boot.ifPresent(b -> log.accept(b.naming(properties)));
        return boot.map(b -> b.settings(properties)).orElse(properties);
    }

    @Override
    public String describe() {
        if (classes != null) {
            return classes.size() + " entity class(es)";
        }
        return (persistenceUnit != null ? "the entities of " : "the entities in ") + location();
    }

    /** Where the entities are found: {@code persistence unit shop}, {@code package(s) app.model}, or the classes given. */
    public String location() {
        if (classes != null) {
            return classes.size() + " entity class(es)";
        }
        return persistenceUnit != null ? "persistence unit " + persistenceUnit : "package(s) " + String.join(", ", packages);
    }

    /** Configures a {@link HibernateSchemaSource}. */
    public static final class Builder {
        private List<Path> classPath;
        private ClassLoader loader;
        private List<String> packages = List.of();
        private String persistenceUnit;
        private Map<String, Object> properties = Map.of();
        private List<String> springProfiles = List.of();
        private List<Path> resourceDirectories = List.of();
        private Consumer<String> log = line -> { };

        private Builder() {
        }

        /**
         * The application's runtime class path: class directories and jars, its dependencies included. The Hibernate
         * ORM found there reads the entities, in a class loader of its own; without one, Retort's own does.
         */
        public Builder classPath(Collection<Path> value) {
            this.classPath = List.copyOf(value);
            this.loader = null;
            return this;
        }

        /**
         * The application's classes as this loader sees them (instead of a class path), read with the Hibernate ORM
         * the loader sees, or Retort's own when it sees none.
         */
        public Builder classLoader(ClassLoader value) {
            this.loader = value;
            this.classPath = null;
            return this;
        }

        /** Packages holding the entities, sub-packages included: scanned unless a persistence unit is named. */
        public Builder packages(Collection<String> value) {
            this.packages = List.copyOf(value);
            return this;
        }

        /**
         * A persistence unit of the application's {@code META-INF/persistence.xml} to read instead of scanning
         * packages: its listed classes (and, unless it excludes unlisted classes, the annotated classes beside its
         * persistence.xml), its mapping files, its properties and its validation mode.
         */
        public Builder persistenceUnit(String value) {
            this.persistenceUnit = value == null || value.isBlank() ? null : value.strip();
            return this;
        }

        /**
         * Hibernate settings as the application uses them (naming strategies, {@code jakarta.persistence.validation.mode},
         * ...); they win over a persistence unit's own properties.
         */
        public Builder properties(Map<String, ?> value) {
            this.properties = Map.copyOf(value);
            return this;
        }

        /**
         * The Spring Boot profiles the application runs with, as {@code SPRING_PROFILES_ACTIVE} would give them. A Spring
         * Boot application with JPA (found on its class path) is always read with the naming strategies and
         * {@code spring.jpa.properties} of its {@code application.properties} or {@code application.yml} (see
         * {@link SpringBootJpaSettings}); these profiles choose its {@code application-{profile}} files instead of the
         * {@code spring.profiles.active} of those files. The explicit {@link #properties(Map) properties} win.
         */
        public Builder springProfiles(Collection<String> value) {
            this.springProfiles = List.copyOf(value);
            return this;
        }

        /**
         * Where a Spring Boot application's configuration files are when its class path lacks them (a project's
         * {@code src/main/resources}, not yet copied to its output directory).
         */
        public Builder resourceDirectories(Collection<Path> value) {
            this.resourceDirectories = List.copyOf(value);
            return this;
        }

        /** Where to say which Hibernate ORM reads the entities, and a Spring Boot application's naming (a line each per read). */
        public Builder log(Consumer<String> value) {
            this.log = value;
            return this;
        }

        /**
         * The source.
         *
         * @throws RetortException when neither a class path nor a class loader, or neither packages nor a persistence unit, is given
         */
        public HibernateSchemaSource build() {
            if (classPath == null && loader == null) {
                throw new RetortException("Give the application's class path or class loader to read its entities from.");
            }
            if (persistenceUnit == null && packages.isEmpty()) {
                throw new RetortException("Name the packages holding the entities ({entityPackages}) or a persistence unit ({persistenceUnit}).");
            }
            return new HibernateSchemaSource(this, null);
        }
    }
}
