package dev.retort.internal.hibernate.reader;

import java.util.Map;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.engine.jdbc.env.spi.NameQualifierSupport;

import dev.retort.platform.Platform;
import dev.retort.platform.SchemaRules;

/**
 * The schema each object lands in, as Hibernate's DDL qualifies it: its own schema, else {@code hibernate.default_schema},
 * else the platform's default. On a database whose dialect qualifies names by catalog alone (MySQL's databases), the
 * catalog and {@code hibernate.default_catalog} take that part; where schemas qualify names, a catalog is the database
 * itself and plays no part.
 */
final class Namespaces {

    private final Platform platform;
    private final SchemaRules rules;
    private final SqlStringGenerationContext context;
    private final boolean bySchema;
    private final boolean byCatalog;

    Namespaces(Metadata metadata, Platform platform, Map<String, Object> settings) {
        this.platform = platform;
        this.rules = platform.rules();
        Database database = metadata.getDatabase();
        this.context = SqlStringGenerationContextImpl.fromConfigurationMap(database.getJdbcEnvironment(), database, settings);
        NameQualifierSupport support = database.getJdbcEnvironment().getNameQualifierSupport();
        this.bySchema = support == null || support.supportsSchemas();
        this.byCatalog = !bySchema && support.supportsCatalogs();
    }

    /** The context Hibernate renders qualified names with, the defaults applied. */
    SqlStringGenerationContext context() {
        return context;
    }

    /** The schema of an object with this explicit catalog and schema (either null). */
    String of(Identifier catalog, Identifier schema) {
        Identifier part = bySchema ? orDefault(schema, context.getDefaultSchema()) : byCatalog ? orDefault(catalog, context.getDefaultCatalog()) : null;
        return part == null ? platform.defaultSchema() : rules.storedName(part.getText(), part.isQuoted());
    }

    /** As {@link #of(Identifier, Identifier)}, from a mapping's names and their quoting. */
    String of(String catalog, boolean catalogQuoted, String schema, boolean schemaQuoted) {
        return of(catalog == null ? null : Identifier.toIdentifier(catalog, catalogQuoted), schema == null ? null : Identifier.toIdentifier(schema, schemaQuoted));
    }

    private static Identifier orDefault(Identifier given, Identifier fallback) {
        return given != null ? given : fallback;
    }
}
