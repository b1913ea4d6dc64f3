package dev.retort.internal.hibernate;

import dev.retort.platform.Platform;
import dev.retort.schema.SchemaModel;

/**
 * The entity reader as Retort's side sees it. Its implementation is compiled against Hibernate but loaded next to
 * whichever Hibernate the application has ({@link ReaderLoader}); this interface, the request and the schema model
 * are Retort's own classes, shared by both sides.
 */
public interface EntityReading {

    /** The implementation's class name, loaded by name on the application's side. */
    String IMPLEMENTATION = "dev.retort.internal.hibernate.reader.EntityReader";

    /**
     * Reads the schema the request's entities describe.
     *
     * @throws dev.retort.RetortException when Hibernate cannot read them, saying why in one line
     */
    SchemaModel read(ReadRequest request, Platform platform);

    /** The version of the Hibernate ORM this reader runs against, e.g. {@code 6.6.0.Final}. */
    String hibernateVersion();
}
