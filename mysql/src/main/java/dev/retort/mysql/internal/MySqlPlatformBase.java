package dev.retort.mysql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import dev.retort.MigrationListener;
import dev.retort.lint.LintRule;
import dev.retort.mysql.internal.lint.MySqlLintRules;
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
 * MariaDB and MySQL: one implementation, the flavour deciding where the two servers part. DDL commits statement by
 * statement ({@link #transactionalDdl()} is false); a database is what other platforms call a schema, and the
 * connection's own is the default one, {@code ""}.
 */
abstract class MySqlPlatformBase implements Platform {

    private final Flavour flavour;
    private final MySqlUrls urls;
    private final MySqlDialect dialect;
    private final MySqlSchemaRules rules;
    private final MySqlNamedLock lock = new MySqlNamedLock();

    MySqlPlatformBase(Flavour flavour) {
        this.flavour = flavour;
        this.urls = new MySqlUrls(flavour);
        this.dialect = new MySqlDialect(flavour);
        this.rules = new MySqlSchemaRules(flavour, dialect.types());
    }

    /** The image a docker dev database runs when none is configured. */
    static String devImage(Flavour flavour) {
        return flavour.mariaDb() ? "mariadb:11" : "mysql:8.4";
    }

    @Override
    public String name() {
        return flavour.product();
    }

    @Override
    public String id() {
        return flavour.id();
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return urls.accepts(jdbcUrl);
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public DatabaseUrl parseUrl(String url) {
        return urls.parse(url);
    }

    @Override
    public String urlForms() {
        return urls.forms();
    }

    /** The connection's own database; other databases are schemas by their names. */
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

    /**
     * The standard comparators but those of schemas and enum types: a database is no namespace Retort creates, and an
     * enum is a column type here, compared with the column. MySQL has no sequences either.
     */
    @Override
    public List<ObjectComparator> comparators() {
        return flavour.mariaDb()
                ? List.of(Comparators.sequences(), Comparators.tables(), Comparators.columns(), Comparators.keys(), Comparators.indexes(),
                        Comparators.comments())
                : List.of(Comparators.tables(), Comparators.columns(), Comparators.keys(), Comparators.indexes(), Comparators.comments());
    }

    /** Two triggers, before insert and before update, that fill and copy one column from the other ({@link MySqlColumnSync}). */
    @Override
    public List<Operation> keepColumnsInStep(String schema, String table, String oldColumn, String newColumn) {
        return MySqlColumnSync.keep(dialect, schema, table, oldColumn, newColumn);
    }

    /**
     * The same two triggers, converting each way: the column of the new type is set from the old one's value converted
     * and the reverse ({@link MySqlColumnSync}).
     */
    @Override
    public List<Operation> keepColumnsInStep(String schema, String table, String oldColumn, String newColumn, String toNew, String toOld) {
        return MySqlColumnSync.keep(dialect, schema, table, oldColumn, newColumn, toNew, toOld);
    }

    /**
     * A view under the old name, {@code SELECT *} from the renamed table: a view of one table without aggregates, joins or
     * DISTINCT is updatable and insertable on both servers, so the version still running inserts (AUTO_INCREMENT and the
     * table's defaults filling what it leaves out), updates and deletes through it. Creating it needs the CREATE VIEW
     * privilege; it runs as its definer, the migrating user.
     */
    @Override
    public List<Operation> bridgeRenamedTable(String schema, String oldName, String newName) {
        return List.of(new Operation.ExecuteSql("CREATE VIEW " + dialect.qualified(schema, oldName) + " AS SELECT * FROM "
                + dialect.qualified(schema, newName), List.of()));
    }

    /**
     * The rename and the view under the old name switched in by one {@code RENAME TABLE}, which renames all its pairs at
     * once, so the running version never finds its table missing: each statement commits on its own here, and a
     * {@code CREATE VIEW} after the rename would leave a moment with neither ({@link MySqlTableBridge}).
     */
    @Override
    public List<Operation> renameTableBridged(String schema, String oldName, String newName) {
        return MySqlTableBridge.rename(dialect, schema, oldName, newName);
    }

    /** The view and the table switched back by one {@code RENAME TABLE}, the view then dropped. */
    @Override
    public List<Operation> undoRenameTableBridged(String schema, String oldName, String newName) {
        return MySqlTableBridge.undo(dialect, schema, oldName, newName);
    }

    /**
     * The operations between {@code LOCK TABLES … WRITE} and {@code UNLOCK TABLES}: the running version's statements on
     * the table wait for the last of them, as they would for one {@code ALTER TABLE}. Retort records the statements
     * under the lock as one ({@link MySqlDialect#takesTableLocks}).
     */
    @Override
    public List<Operation> withWritesHeld(String schema, String table, List<Operation> operations) {
        List<Operation> held = new java.util.ArrayList<>();
        held.add(new Operation.ExecuteSql("LOCK TABLES " + dialect.qualified(schema, table) + " WRITE", List.of()));
        held.addAll(operations);
        held.add(new Operation.ExecuteSql("UNLOCK TABLES", List.of()));
        return held;
    }

    @Override
    public List<Operation> stopBridgingRenamedTable(String schema, String oldName, String newName) {
        return List.of(new Operation.ExecuteSql("DROP VIEW IF EXISTS " + dialect.qualified(schema, oldName), List.of()));
    }

    @Override
    public List<Operation> stopKeepingColumnsInStep(String schema, String table, String oldColumn, String newColumn) {
        return MySqlColumnSync.stop(dialect, schema, table, oldColumn, newColumn);
    }

    /**
     * InnoDB's online DDL (ALGORITHM, LOCK) as the version this platform assumes runs it, data loss and rolling-deploy
     * breakers.
     */
    @Override
    public List<LintRule> lintRules() {
        return MySqlLintRules.all(flavour.mariaDb(), flavour.major(), flavour.minor());
    }

    /** As {@link #lintRules()}, with InnoDB's online DDL as the version the server reports runs it. */
    @Override
    public List<LintRule> lintRules(java.sql.DatabaseMetaData server) throws SQLException {
        return MySqlLintRules.forServer(server.getDatabaseProductVersion(), flavour.mariaDb(), flavour.major(), flavour.minor());
    }

    @Override
    public CatalogReader catalogReader(Predicate<String> tableFilter) {
        return new MySqlCatalogReader(flavour, dialect.types(), tableFilter);
    }

    @Override
    public VersionTableSql versionTables(String schema, String versionTable, String historyTable) {
        return new MySqlVersionTables(dialect, schema, versionTable, historyTable);
    }

    @Override
    public MigrationLock lock() {
        return lock;
    }

    /** Time-outs for connecting (TCP and login) and the program name the server's process list shows; both drivers read these. */
    @Override
    public Properties connectionProperties(String applicationName, Duration connectTimeout) {
        String millis = Long.toString(Math.max(1000, connectTimeout.toMillis()));
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", millis);
        properties.setProperty("connectionAttributes", "program_name:" + applicationName.replace(",", " ").replace(":", " "));
        return properties;
    }

    @Override
    public String driver() {
        return flavour.mariaDb() ? "org.mariadb.jdbc:mariadb-java-client" : "com.mysql:mysql-connector-j (or org.mariadb.jdbc:mariadb-java-client)";
    }

    @Override
    public String explain(SQLException error) {
        return MySqlDiagnosis.explain(error, flavour);
    }

    @Override
    public boolean notReachableYet(SQLException error) {
        return MySqlDiagnosis.notReachableYet(error);
    }

    @Override
    public boolean alreadyExists(SQLException error) {
        return MySqlDiagnosis.alreadyExists(error);
    }

    /** Nothing: an interrupted statement leaves no half-built object (an online index build that dies is rolled back). */
    @Override
    public List<SqlStatement> leftovers(Connection connection, List<Operation> operations) {
        return List.of();
    }

    @Override
    public DevDatabase startDevDatabase(String spec, String image, MigrationListener listener) {
        return MySqlDevDatabases.start(flavour, spec, image, listener);
    }

    @Override
    public String defaultDevImage() {
        return devImage(flavour);
    }

    /**
     * The product name picks Hibernate's MariaDBDialect or MySQLDialect offline, and the version its features: without
     * one, Hibernate assumes its oldest supported server (MariaDB 10.6, which has no {@code uuid} type).
     */
    @Override
    public Map<String, String> hibernateSettings(boolean versionRequired) {
        return Map.of("jakarta.persistence.database-product-name", flavour.product(), "jakarta.persistence.database-major-version",
                Integer.toString(flavour.major()), "jakarta.persistence.database-minor-version", Integer.toString(flavour.minor()));
    }

    @Override
    public String toString() {
        return name();
    }
}
