package dev.retort.internal.hibernate.reader;

import java.lang.reflect.Method;

/**
 * JPA 3.2's {@code options} of a mapping object (a table, column, sequence, index or key), the SQL Hibernate 7 appends to
 * its DDL verbatim. Read reflectively: Hibernate 6 has no such thing, and then every object has none.
 */
final class Options {

    private Options() {
    }

    /** The object's options, or null when it has none (or this Hibernate knows none). */
    static String of(Object mapped) {
        if (mapped == null) {
            return null;
        }
        try {
            Method getter = mapped.getClass().getMethod("getOptions");
            Object value = getter.invoke(mapped);
            return value instanceof String text && !text.isBlank() ? text.strip() : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the options of " + mapped + ": " + e, e);
        }
    }
}
