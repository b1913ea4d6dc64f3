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

    /**
     * The revision's half of a change made in two deploys, for applications deployed rolling (old and new code running at
     * once): {@link Phase#EXPAND} adds what the new code needs and keeps the old code working; {@link Phase#CONTRACT}
     * removes what only the old code used, and {@code release} applies it only in a later deploy than its expand, once no
     * running instance was built before the expand ({@code docs/rolling-deploys.md}).
     */
    Phase phase() default Phase.ORDINARY;

    /** For a contract: the id of its expand revision, which must be one of its ancestors. */
    String expand() default "";

    /** Which half of an expand/contract change a revision is, if either. */
    enum Phase {
        /** An ordinary revision. */
        ORDINARY,
        /** The first half of a change: backward compatible, the old code keeps working after it. */
        EXPAND,
        /** The second half: not backward compatible, applied once no code older than its expand runs. */
        CONTRACT
    }
}
