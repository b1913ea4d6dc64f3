package dev.retort.postgresql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

import dev.retort.MigrationListener;
import dev.retort.platform.DatabaseObject;
import dev.retort.platform.DatabaseUrl;
import dev.retort.schema.Comparators;
import dev.retort.postgresql.internal.lint.PostgresLintRules;
import dev.retort.lint.LintRule;
import dev.retort.platform.CatalogReader;
import dev.retort.platform.DevDatabase;
import dev.retort.operation.Operation;
import dev.retort.platform.MigrationLock;
import dev.retort.platform.Platform;
import dev.retort.platform.SchemaRules;
import dev.retort.platform.SqlDialect;
import dev.retort.platform.SqlStatement;
import dev.retort.platform.VersionTableSql;
import dev.retort.schema.EnumType;
import dev.retort.schema.ObjectComparator;

/** PostgreSQL: the platform Retort is built for first, and the one every other is measured against. */
public final class PostgresPlatform implements Platform {

    /** The image a docker dev database runs when none is configured. */
    static final String DEV_IMAGE = "postgres:17";
    private static final String PRODUCT_NAME_SETTING = "jakarta.persistence.database-product-name";

    private final PostgresDialect dialect = new PostgresDialect();
    private final PostgresSchemaRules rules = new PostgresSchemaRules(dialect);
    private final PostgresAdvisoryLock lock = new PostgresAdvisoryLock();

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.strip().startsWith("jdbc:postgresql:");
    }

    @Override
    public DatabaseUrl parseUrl(String url) {
        return PostgresUrls.parse(url);
    }

    @Override
    public String urlForms() {
        return PostgresUrls.FORMS;
    }

    @Override
    public String defaultSchema() {
        return "public";
    }

    @Override
    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public SchemaRules rules() {
        return rules;
    }

    @Override
    public List<ObjectComparator> comparators() {
        // The standard kinds of object, and composite types, which PostgreSQL alone of Retort's databases has.
        List<ObjectComparator> comparators = new java.util.ArrayList<>(Comparators.standard());
        comparators.add(new CompositeTypeComparator());
        return List.copyOf(comparators);
    }

    @Override
    public List<dev.retort.operation.Operation> keepColumnsInStep(String schema, String table, String oldColumn, String newColumn) {
        return PostgresColumnSync.keep(dialect(), schema, table, oldColumn, newColumn);
    }

    @Override
    public List<dev.retort.operation.Operation> stopKeepingColumnsInStep(String schema, String table, String oldColumn, String newColumn) {
        return PostgresColumnSync.stop(dialect(), schema, table, oldColumn, newColumn);
    }

    @Override
    public List<dev.retort.operation.Operation> keepColumnsInStep(String schema, String table, String oldColumn, String newColumn, String toNew,
                                                                  String toOld) {
        return PostgresColumnSync.keep(dialect(), schema, table, oldColumn, newColumn, toNew, toOld);
    }

    /**
     * A view under the old name: {@code SELECT *} from one table is automatically updatable, so the version still running
     * inserts, updates and deletes through it; the table's defaults, identities and triggers apply to what it writes.
     */
    @Override
    public List<dev.retort.operation.Operation> bridgeRenamedTable(String schema, String oldName, String newName) {
        return List.of(new Operation.ExecuteSql("CREATE VIEW " + dialect.qualified(schema, oldName) + " AS SELECT * FROM "
                + dialect.qualified(schema, newName), List.of()));
    }

    @Override
    public List<dev.retort.operation.Operation> stopBridgingRenamedTable(String schema, String oldName, String newName) {
        return List.of(new Operation.ExecuteSql("DROP VIEW IF EXISTS " + dialect.qualified(schema, oldName), List.of()));
    }

    @Override
    public List<LintRule> lintRules() {
        return PostgresLintRules.all();
    }

    @Override
    public CatalogReader catalogReader(Predicate<String> tableFilter) {
        return new PostgresCatalogReader(tableFilter);
    }

    @Override
    public VersionTableSql versionTables(String schema, String versionTable, String historyTable) {
        return new PostgresVersionTables(dialect, schema, versionTable, historyTable);
    }

    @Override
    public MigrationLock lock() {
        return lock;
    }

    @Override
    public Properties connectionProperties(String applicationName, Duration connectTimeout) {
        // connectTimeout bounds the TCP connect, loginTimeout the whole login (a server that accepts and never answers).
        long seconds = Math.max(1, (connectTimeout.toMillis() + 999) / 1000);
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("loginTimeout", Long.toString(seconds));
        properties.setProperty("ApplicationName", applicationName);
        return properties;
    }

    @Override
    public String explain(SQLException error) {
        return PostgresDiagnosis.explain(error);
    }

    @Override
    public boolean notReachableYet(SQLException error) {
        return PostgresDiagnosis.notReachableYet(error);
    }

    @Override
    public boolean alreadyExists(SQLException error) {
        return PostgresDiagnosis.alreadyExists(error);
    }

    @Override
    public List<SqlStatement> leftovers(Connection connection, List<Operation> operations) throws SQLException {
        return new PostgresLeftovers(dialect).find(connection, operations);
    }

    @Override
    public DevDatabase startDevDatabase(String spec, String image, MigrationListener listener) {
        return PostgresDevDatabases.start(spec, image, listener);
    }

    @Override
    public String driver() {
        return "org.postgresql:postgresql";
    }

    @Override
    public String defaultDevDatabase() {
        return PostgresDevDatabases.embeddedAvailable() ? "embedded" : null;
    }

    @Override
    public String defaultDevImage() {
        return DEV_IMAGE;
    }

    @Override
    public Map<String, String> hibernateSettings(boolean versionRequired) {
        // Offline, Hibernate 6.4 resolves a dialect only from a product name and a version; later versions assume the
        // dialect's oldest supported version when none is given, and this gives 6.4 the same: its PostgreSQL minimum.
        return versionRequired ? Map.of(PRODUCT_NAME_SETTING, name(), "jakarta.persistence.database-major-version", "12")
                : Map.of(PRODUCT_NAME_SETTING, name());
    }

    @Override
    public Optional<EnumType> enumTypeDeclaredBy(String statement) {
        return PostgresEnumTypes.declaredBy(statement);
    }

    @Override
    public List<DatabaseObject> objects(Connection connection, Set<String> schemas) throws SQLException {
        return new PostgresObjects(dialect).objects(connection, schemas);
    }

    @Override
    public List<SqlStatement> dropAll(Connection connection, Set<String> schemas) throws SQLException {
        return new PostgresObjects(dialect).dropAll(connection, schemas);
    }

    @Override
    public Optional<DatabaseObject> createdBy(String statement) {
        return PostgresObjects.createdBy(statement);
    }

    /** The advisory-lock key of a version table (as written in SQL), for tools and tests that need to see or hold Retort's lock. */
    public static long advisoryLockKey(String versionTable) {
        return PostgresAdvisoryLock.key(versionTable);
    }

    @Override
    public String toString() {
        return name();
    }
}
