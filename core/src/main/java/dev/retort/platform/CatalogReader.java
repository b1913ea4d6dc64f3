package dev.retort.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import dev.retort.schema.SchemaModel;

/** Reads a live schema into the database-neutral model. */
public interface CatalogReader {

    /** Reads the given schemas; only those that exist end up in the model's schema set. */
    SchemaModel read(Connection connection, Set<String> schemas) throws SQLException;

    /** The schemas that hold the database's own objects, the system's left out. */
    Set<String> userSchemas(Connection connection) throws SQLException;
}
