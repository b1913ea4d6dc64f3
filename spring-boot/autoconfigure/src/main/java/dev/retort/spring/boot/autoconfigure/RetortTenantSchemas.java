package dev.retort.spring.boot.autoconfigure;

import java.util.Collection;

/**
 * The tenants of a schema-per-tenant application: with a bean of this type, start-up migrates each schema it lists
 * (the same migrations in each, each with its own version and history tables) instead of the data source's default
 * schema, {@code retort.parallel} at once, and fails if any of them fails, naming which.
 *
 * <pre>{@code
 * @Bean
 * RetortTenantSchemas tenants(JdbcTemplate catalog) {
 *     return () -> catalog.queryForList("select schema_name from tenants where active", String.class);
 * }
 * }</pre>
 *
 * It is asked once, at start-up; a tenant added later is migrated by the next start or by the command line's
 * {@code --tenant-schemas} or {@code --targets-query}.
 */
@FunctionalInterface
public interface RetortTenantSchemas {

    /** The schemas to migrate. */
    Collection<String> schemas();
}
