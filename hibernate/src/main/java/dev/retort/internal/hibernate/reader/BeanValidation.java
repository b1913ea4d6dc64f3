package dev.retort.internal.hibernate.reader;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hibernate.boot.internal.ClassLoaderAccessImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.dialect.Dialect;

import dev.retort.RetortException;
import dev.retort.internal.Messages;

/**
 * Bean Validation's share of the schema: with a Jakarta Validation provider on the class path, a Hibernate session
 * factory turns {@code @NotNull}, {@code @Size(max)}, {@code @Min}/{@code @Max}, {@code @Digits} and the like into
 * NOT NULL, lengths and CHECK constraints before it creates anything. Reading metadata builds no session factory,
 * so this calls the very routine Hibernate's integration calls ({@code TypeSafeActivator.applyRelationalConstraints},
 * the same signature from 6.4 to 7.x), under the same rules: validation mode {@code auto} (the default) or
 * {@code ddl}, and {@code hibernate.validator.apply_to_ddl} not false.
 */
final class BeanValidation {

    static final String MODE = "jakarta.persistence.validation.mode";
    private static final String LEGACY_MODE = "javax.persistence.validation.mode";
    private static final String APPLY_TO_DDL = "hibernate.validator.apply_to_ddl";

    private BeanValidation() {
    }

    static void apply(MetadataImplementor metadata, StandardServiceRegistry registry, Map<String, Object> settings, ClassLoader loader) {
        Set<String> modes = modes(settings);
        boolean ddl = modes.contains("ddl");
        if (!ddl && !modes.contains("auto") || "false".equalsIgnoreCase(String.valueOf(settings.getOrDefault(APPLY_TO_DDL, "true")).trim())) {
            return;
        }
        // Hibernate resolves Jakarta Validation from its own class loader; so does its activator, called below.
        ClassLoader hibernate = MetadataImplementor.class.getClassLoader();
        Class<?> validation;
        try {
            validation = Class.forName("jakarta.validation.Validation", true, hibernate);
        } catch (ClassNotFoundException | LinkageError e) {
            if (ddl) {
                throw new RetortException("The validation mode is ddl but there is no Jakarta Validation on the project's class path; add a provider "
                        + "such as org.hibernate.validator:hibernate-validator, or set " + MODE + " to auto.");
            }
            return;
        }
        Object factory = factory(validation, ddl);
        if (factory == null) {
            return;
        }
        try {
            Class<?> factoryType = Class.forName("jakarta.validation.ValidatorFactory", false, hibernate);
            Class<?> activator = Class.forName("org.hibernate.boot.beanvalidation.TypeSafeActivator", true, hibernate);
            Method applyConstraints = activator.getMethod("applyRelationalConstraints", factoryType, Collection.class, Map.class, Dialect.class,
                    ClassLoaderAccess.class);
            // The class is package-private; the method is public and static, and has kept this signature since 6.0.
            applyConstraints.setAccessible(true);
            applyConstraints.invoke(null, factory, metadata.getEntityBindings(), settings, metadata.getDatabase().getDialect(),
                    new ClassLoaderAccessImpl(null, registry.getService(ClassLoaderService.class)));
        } catch (InvocationTargetException e) {
            throw new RetortException("Hibernate cannot apply the Bean Validation constraints: " + Messages.rootMessage(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new RetortException("This Hibernate ORM has no TypeSafeActivator.applyRelationalConstraints to apply Bean Validation with ("
                    + e + "); set " + MODE + " to none to read the entities without it.", e);
        } finally {
            close(factory);
        }
    }

    /** The modes as Hibernate reads them: comma-separated, {@code auto} when unset. */
    static Set<String> modes(Map<String, Object> settings) {
        Object value = settings.get(MODE) != null ? settings.get(MODE) : settings.get(LEGACY_MODE);
        Set<String> modes = value == null ? Set.of() : Arrays.stream(value.toString().split(","))
                .map(m -> m.trim().toLowerCase(Locale.ROOT)).filter(m -> !m.isEmpty()).collect(Collectors.toSet());
        return modes.isEmpty() ? Set.of("auto") : modes;
    }

    /**
     * The default validator factory, as Hibernate builds it; null where Hibernate would go on without one: no
     * provider in mode auto, or (before Hibernate 7) any failure to start one in mode auto.
     */
    private static Object factory(Class<?> validation, boolean ddl) {
        try {
            return validation.getMethod("buildDefaultValidatorFactory").invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            boolean noProvider = cause.getClass().getName().equals("jakarta.validation.NoProviderFoundException");
            if (!ddl && (noProvider || majorVersion() < 7)) {
                return null;
            }
            throw new RetortException("Bean Validation cannot start, so the constraints it adds to the schema are unknown: "
                    + Messages.rootMessage(cause) + (noProvider ? "; add a provider such as org.hibernate.validator:hibernate-validator"
                    : "; Hibernate Validator also needs an Expression Language implementation such as org.glassfish.expressly:expressly")
                    + ", or set " + MODE + " to none.", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int majorVersion() {
        String version = org.hibernate.Version.getVersionString();
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    private static void close(Object factory) {
        try {
            factory.getClass().getMethod("close").invoke(factory);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // the factory holds no resources the read needs released
        }
    }
}
