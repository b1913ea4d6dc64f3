package dev.retort.h2.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import dev.retort.MigrationListener;
import dev.retort.h2.H2;
import dev.retort.lint.LintRule;
import dev.retort.operation.Operation;
import dev.retort.platform.CatalogReader;
import dev.retort.platform.DatabaseUrl;
import dev.retort.platform.DevDatabase;
import dev.retort.platform.MigrationLock;
import dev.retort.platform.Platform;
import dev.retort.platform.SchemaRules;
import dev.retort.platform.SqlDialect;
import dev.retort.platform.SqlStatement;
import dev.retort.platform.VersionTableSql;
import dev.retort.schema.Comparators;
import dev.retort.schema.ObjectComparator;

/**
 * H2 2.x, in a file or in memory. Every DDL statement commits on its own ({@link #transactionalDdl()} is false), so a
 * revision's statements are recorded one by one as they run, as on MariaDB; the connection's current schema
 * ({@code PUBLIC}) is the default one, {@code ""}; runs are kept apart by a lock row whose holder's session must be alive
 * ({@link H2Lock}).
 */
public final class H2Platform implements Platform {

    private final H2Dialect dialect = new H2Dialect();
    private final H2SchemaRules rules = new H2SchemaRules(dialect.types());
    private final H2Lock lock = new H2Lock();

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public String id() {
        return H2.PLATFORM;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return H2Urls.accepts(jdbcUrl);
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** H2 locks its meta table ({@code SYS}) for every DDL statement until it commits, whatever the schema. */
    @Override
    public boolean catalogLockedBySchemaChanges() {
        return true;
    }

    @Override
    public DatabaseUrl parseUrl(String url) {
        return H2Urls.parse(url);
    }

    @Override
    public String urlForms() {
        return H2Urls.FORMS;
    }

    /** The connection's current schema ({@code PUBLIC} unless the URL says {@code ;SCHEMA=…}); other schemas by their names. */
    @Override
    public String defaultSchema() {
        return "";
    }

    @Override
    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public SchemaRules rules() {
        return rules;
    }

    /** The standard comparators but those of schemas and enum types: H2's enums are column types, compared with the column. */
    @Override
    public List<ObjectComparator> comparators() {
        return List.of(Comparators.sequences(), Comparators.tables(), Comparators.columns(), Comparators.keys(), Comparators.indexes(),
                Comparators.comments());
    }

    /** None: H2 is embedded, and its DDL blocks only the application that runs it, at start-up. */
    @Override
    public List<LintRule> lintRules() {
        return List.of();
    }

    @Override
    public CatalogReader catalogReader(Predicate<String> tableFilter) {
        return new H2CatalogReader(dialect.types(), tableFilter);
    }

    @Override
    public VersionTableSql versionTables(String schema, String versionTable, String historyTable) {
        return new H2VersionTables(dialect, schema, versionTable, historyTable);
    }

    @Override
    public MigrationLock lock() {
        return lock;
    }

    /** No time-out property: an embedded database opens at once, and a file another process holds is an error at once. */
    @Override
    public Properties connectionProperties(String applicationName, Duration connectTimeout) {
        return new Properties();
    }

    @Override
    public String driver() {
        return "com.h2database:h2";
    }

    @Override
    public String explain(SQLException error) {
        return H2Diagnosis.explain(error);
    }

    /** A file another process holds, said in one sentence at once, instead of H2's advice to use its server mode. */
    @Override
    public String connectFailure(SQLException error) {
        return H2Diagnosis.connectFailure(error);
    }

    @Override
    public boolean notReachableYet(SQLException error) {
        return H2Diagnosis.notReachableYet(error);
    }

    @Override
    public boolean alreadyExists(SQLException error) {
        return H2Diagnosis.alreadyExists(error);
    }

    /** Nothing: an interrupted H2 statement leaves no half-built object. */
    @Override
    public List<SqlStatement> leftovers(Connection connection, List<Operation> operations) {
        return List.of();
    }

    /** Views, tables, sequences, domains and Java aliases; Retort's lock table stays, as the run that cleans holds it. */
    @Override
    public List<dev.retort.platform.DatabaseObject> objects(Connection connection, java.util.Set<String> schemas) throws SQLException {
        return H2Objects.objects(connection, schemas);
    }

    @Override
    public List<SqlStatement> dropAll(Connection connection, java.util.Set<String> schemas) throws SQLException {
        return H2Objects.dropAll(H2Objects.objects(connection, schemas));
    }

    /** {@code CREATE [OR REPLACE] [FORCE] VIEW} and {@code CREATE ALIAS}. */
    @Override
    public java.util.Optional<dev.retort.platform.DatabaseObject> createdBy(String statement) {
        return H2Objects.createdBy(statement);
    }

    @Override
    public DevDatabase startDevDatabase(String spec, String image, MigrationListener listener) {
        return H2DevDatabases.start(spec, listener);
    }

    /** In memory, in this process. */
    @Override
    public String defaultDevDatabase() {
        return "mem";
    }

    /** The product name picks Hibernate's H2Dialect offline; 6.4 also needs a version. */
    @Override
    public Map<String, String> hibernateSettings(boolean versionRequired) {
        String product = "jakarta.persistence.database-product-name";
        return versionRequired ? Map.of(product, "H2", "jakarta.persistence.database-major-version", "2",
                "jakarta.persistence.database-minor-version", "2") : Map.of(product, "H2");
    }

    @Override
    public String toString() {
        return name();
    }
}
