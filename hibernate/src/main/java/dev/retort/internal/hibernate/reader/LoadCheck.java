package dev.retort.internal.hibernate.reader;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.RetortException;
import dev.retort.internal.Messages;

/**
 * Loads the entity classes and touches everything Hibernate will reflect on (fields, methods, annotations and the
 * classes annotations name, such as entity listeners and converters), so that a class missing from the class path
 * is reported as the entity or listener that needs it and the class it lacks, not as a reflection failure deep in
 * Hibernate.
 */
final class LoadCheck {

    private static final String ENTITY_LISTENERS = "jakarta.persistence.EntityListeners";

    private LoadCheck() {
    }

    static List<Class<?>> load(List<String> names, ClassLoader loader) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw missing("Entity class " + name, e, null);
            }
            touch(type, "Entity class " + name);
            for (Class<?> listener : listeners(type)) {
                touch(listener, "Entity listener " + listener.getName() + " of " + name);
            }
            classes.add(type);
        }
        return classes;
    }

    /** The name of the class whose absence caused the failure, or null when it was something else. */
    static String missingClass(Throwable failure) {
        return Messages.missingClass(failure);
    }

    private static void touch(Class<?> type, String who) {
        try {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                c.getGenericSuperclass();
                c.getGenericInterfaces();
                values(c);
                for (var field : c.getDeclaredFields()) {
                    field.getGenericType();
                    values(field);
                }
                for (var method : c.getDeclaredMethods()) {
                    method.getGenericReturnType();
                    method.getGenericParameterTypes();
                    values(method);
                }
            }
        } catch (NamedByAnnotation e) {
            throw missing(who, e.getCause(), e.getMessage());
        } catch (LinkageError | TypeNotPresentException e) {
            throw missing(who, e, null);
        }
    }

    /** A class an annotation names could not be loaded; the message says which annotation, and where. */
    private static final class NamedByAnnotation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NamedByAnnotation(Annotation annotation, AnnotatedElement element, Throwable cause) {
            super("@" + annotation.annotationType().getSimpleName() + " on " + name(element), cause, false, false);
        }

        private static String name(AnnotatedElement element) {
            if (element instanceof java.lang.reflect.Member member) {
                return member.getDeclaringClass().getName() + "." + member.getName() + (element instanceof Method ? "()" : "");
            }
            return element instanceof Class<?> type ? type.getName() : element.toString();
        }
    }

    /** Reads every annotation element, which is when an annotation naming a missing class fails. */
    private static void values(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            for (Method member : annotation.annotationType().getDeclaredMethods()) {
                if (member.getParameterCount() == 0) {
                    try {
                        member.setAccessible(true);
                        member.invoke(annotation);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof TypeNotPresentException || e.getCause() instanceof LinkageError) {
                            throw new NamedByAnnotation(annotation, element, e.getCause());
                        }
                        if (e.getCause() instanceof RuntimeException runtime) {
                            throw runtime;
                        }
                        if (e.getCause() instanceof Error error) {
                            throw error;
                        }
                    } catch (IllegalAccessException | RuntimeException ignored) {
                        // an annotation Java will not let us read is one Hibernate does not read either
                    }
                }
            }
        }
    }

    private static List<Class<?>> listeners(Class<?> entity) {
        Map<String, Class<?>> listeners = new LinkedHashMap<>();
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation annotation : c.getDeclaredAnnotations()) {
                if (annotation.annotationType().getName().equals(ENTITY_LISTENERS)) {
                    try {
                        for (Class<?> listener : (Class<?>[]) annotation.annotationType().getMethod("value").invoke(annotation)) {
                            listeners.putIfAbsent(listener.getName(), listener);
                        }
                    } catch (ReflectiveOperationException e) {
                        throw missing("Entity class " + entity.getName() + " (its @EntityListeners)", e, null);
                    }
                }
            }
        }
        return List.copyOf(listeners.values());
    }

    /** The failure as one sentence: who cannot be loaded, the class it lacks and, when an annotation named it, which. */
    private static RetortException missing(String who, Throwable e, String namedBy) {
        String missing = missingClass(e);
        String needed = namedBy == null ? "" : " (needed by the class " + namedBy + " names)";
        return new RetortException(who + " cannot be loaded: "
                + (missing != null ? "class " + missing + " is missing from the project's class path" + needed
                        + "; add the dependency that holds it."
                : e.toString().replaceAll("\\s*\\R\\s*", " ") + needed + "."), e);
    }
}
