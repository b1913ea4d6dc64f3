package dev.retort.internal.hibernate.reader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.engine.config.spi.ConfigurationService;

import dev.retort.RetortException;
import dev.retort.internal.Messages;
import dev.retort.internal.hibernate.EntityReading;
import dev.retort.internal.hibernate.OfflineSettings;
import dev.retort.internal.hibernate.ReadRequest;
import dev.retort.platform.Platform;
import dev.retort.schema.SchemaModel;

/**
 * Builds Hibernate's boot metadata for the requested entities the way the application's own bootstrap does, applies
 * Bean Validation's constraints as its session factory would, and walks the result into Retort's schema model.
 * Runs against whichever Hibernate ORM 6.4+ its class loader resolves.
 */
public final class EntityReader implements EntityReading {

    private static final List<String> VERSION_OR_DIALECT = List.of("hibernate.dialect", "jakarta.persistence.database-product-version",
            "jakarta.persistence.database-major-version", "javax.persistence.database-product-version", "javax.persistence.database-major-version");
    private static final String LOGGING_PROVIDER = "org.jboss.logging.provider";

    @Override
    public String hibernateVersion() {
        return org.hibernate.Version.getVersionString();
    }

    @Override
    public SchemaModel read(ReadRequest request, Platform platform) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Hibernate, Bean Validation and the entities' own types look classes up through the context class loader.
        thread.setContextClassLoader(request.loader());
        // An application's Logback (without its Spring Boot configuration) would log Hibernate at DEBUG; java.util.logging
        // is where each entry point sets Hibernate's level, unless the caller chose a provider.
        boolean chooseLogging = System.getProperty(LOGGING_PROVIDER) == null;
        if (chooseLogging) {
            System.setProperty(LOGGING_PROVIDER, "jdk");
        }
        try {
            List<Class<?>> classes = LoadCheck.load(request.classNames(), request.loader());
            return read(classes, request, platform);
        } finally {
            thread.setContextClassLoader(previous);
            if (chooseLogging) {
                System.clearProperty(LOGGING_PROVIDER);
            }
        }
    }

    private SchemaModel read(List<Class<?>> classes, ReadRequest request, Platform platform) {
        Map<String, Object> settings = settings(request.settings(), platform);
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(request.loader()).build()).applySettings(settings);
        ServiceContributors.apply(builder, settings.get(Generators.SERVICE_CONTRIBUTORS), request.loader());
        StandardServiceRegistry registry = builder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            request.mappingFiles().forEach(sources::addResource);
            MetadataImplementor metadata = (MetadataImplementor) sources.getMetadataBuilder().build();
            Map<String, Object> effective = registry.getService(ConfigurationService.class).getSettings();
            // A session factory runs the Bean Validation integration before it orders the columns; so do we.
            BeanValidation.apply(metadata, registry, effective, request.loader());
            metadata.orderColumns(true);
            SchemaModel model = new MetadataWalker(metadata, platform, effective).read();
            // After the walk: creating the generators again may register what they need a second time.
            Generators.check(metadata, registry);
            return model;
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof RetortException retort) {
                throw retort;
            }
            String missing = LoadCheck.missingClass(e);
            if (missing != null && missing.startsWith("org.hibernate.") && e instanceof LinkageError) {
                throw new RetortException("Retort's entity reader does not work with Hibernate ORM " + hibernateVersion() + " (it lacks "
                        + missing + "); read the entities with a supported version (6.4 or later) or report this.", e);
            }
            if (missing != null) {
                throw new RetortException("Hibernate cannot read the entities of " + request.origin() + ": class " + missing
                        + " is missing from the project's class path; add the dependency that holds it.", e);
            }
            throw new RetortException("Hibernate cannot read the entities of " + request.origin() + ": " + Messages.rootMessage(e)
                    + (unknownService(e) ? "; a service the application registers on its own registry can be supplied through a "
                    + "ServiceContributor (in META-INF/services, or named by the Hibernate setting " + Generators.SERVICE_CONTRIBUTORS + ")" : ""), e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** Whether Hibernate failed for want of a service nobody registered. */
    private static boolean unknownService(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals("org.hibernate.service.UnknownServiceException")) {
                return true;
            }
        }
        return false;
    }

    /** The application's settings, resolving the platform's dialect offline and leaving out what would connect. */
    static Map<String, Object> settings(Map<String, Object> application, Platform platform) {
        Map<String, Object> all = new HashMap<>();
        all.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        all.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
        application.forEach((key, value) -> {
            if (!OfflineSettings.connects(key)) {
                all.put(key, value);
            }
        });
        // Offline, Hibernate 6.4 resolves a dialect only from a product name and a version; the platform gives one for it.
        boolean versionRequired = org.hibernate.Version.getVersionString().startsWith("6.4.") && VERSION_OR_DIALECT.stream().noneMatch(all::containsKey);
        platform.hibernateSettings(versionRequired).forEach(all::putIfAbsent);
        return all;
    }
}
