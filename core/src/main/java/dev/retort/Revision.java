package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares a {@link Migration} class's place in the revision graph. */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Revision {

    /** The revision id: unique, made of letters, digits and underscores (generated ids are 12 hex digits). */
    String id();

    /** The parent revision ids: none for a root, one for an ordinary revision, two or more for a merge. */
    String[] parents() default {};

    /** A one-line description, shown by {@code history}. */
    String message() default "";

    /** When the revision was created, as an ISO-8601 instant. */
    String created() default "";

    /**
     * Whether the revision runs inside one transaction together with its version-table update (the default).
     * Set to {@code false} for work the database refuses inside a transaction, such as PostgreSQL's {@code CREATE INDEX CONCURRENTLY}.
     */
    boolean transactional() default true;
}
