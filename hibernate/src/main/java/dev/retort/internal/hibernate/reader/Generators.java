package dev.retort.internal.hibernate.reader;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.KeyValue;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.RootClass;

import dev.retort.RetortException;
import dev.retort.internal.Messages;

/**
 * Makes sure every entity's id generator could be created. While it builds metadata, Hibernate creates each generator
 * to learn the sequences and tables it needs, and ignores a generator that fails there (its session factory fails on
 * it later): the schema would then lack those objects without a word. So each generator is created again here, as
 * Hibernate does, and one that fails stops the read with the entity, the generator and the cause. The call differs
 * between versions (6.x takes the identifier generator factory, 7.x the dialect alone), so it is made reflectively.
 */
final class Generators {

    static final String SERVICE_CONTRIBUTORS = "retort.hibernate.service_contributors";

    private Generators() {
    }

    static void check(MetadataImplementor metadata, StandardServiceRegistry registry) {
        Dialect dialect = metadata.getDatabase().getDialect();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity instanceof RootClass root && root.getIdentifier() != null) {
                try {
                    create(root.getIdentifier(), dialect, root, registry);
                } catch (InvocationTargetException e) {
                    throw failed(root, e.getCause());
                }
            }
        }
    }

    private static void create(KeyValue identifier, Dialect dialect, RootClass root, StandardServiceRegistry registry)
            throws InvocationTargetException {
        try {
            Method since7 = method(identifier.getClass(), "createGenerator", Dialect.class, RootClass.class);
            if (since7 != null) {
                since7.invoke(identifier, dialect, root);
                return;
            }
            Class<?> factoryType = Class.forName("org.hibernate.id.factory.IdentifierGeneratorFactory", false, KeyValue.class.getClassLoader());
            Method before7 = method(identifier.getClass(), "createGenerator", factoryType, Dialect.class, RootClass.class);
            if (before7 != null) {
                @SuppressWarnings("unchecked")
                Object factory = registry.getService((Class<org.hibernate.service.Service>) factoryType);
                before7.invoke(identifier, factory, dialect, root);
            }
        } catch (ClassNotFoundException | IllegalAccessException e) {
            // A Hibernate without either form creates its generators some other way: nothing to check here.
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method method = type.getMethod(name, parameters);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static RetortException failed(RootClass root, Throwable cause) {
        String generator = generatorClass(cause);
        return new RetortException("The id generator " + (generator == null ? "" : generator + " ") + "of entity " + root.getEntityName()
                + " cannot be created: " + Messages.rootMessage(cause).replaceAll("\\.$", "") + ". Hibernate leaves out what such a generator needs (its sequences "
                + "or tables) when it only reads the entities, so the schema would be incomplete; if the generator needs a service the "
                + "application registers itself, register it through a ServiceContributor (in META-INF/services, or named by the Hibernate "
                + "setting " + SERVICE_CONTRIBUTORS + ").", cause);
    }

    /** The generator that failed, found where its code threw: the first class on the way that is one. */
    private static String generatorClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                try {
                    Class<?> type = Class.forName(frame.getClassName(), false, Thread.currentThread().getContextClassLoader());
                    if (org.hibernate.generator.Generator.class.isAssignableFrom(type) && !type.getName().startsWith("org.hibernate.")) {
                        return type.getName();
                    }
                } catch (ClassNotFoundException | LinkageError ignored) {
                    // a frame of a class this loader does not see is no generator of the application's
                }
            }
        }
        return null;
    }
}
