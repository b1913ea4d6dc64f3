package dev.retort.platform;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import dev.retort.lint.LintRule;
import dev.retort.schema.ObjectComparator;

/**
 * Everything Retort knows about one database product, in one place: how operations become SQL, how the
 * live schema is read, how concurrent runs are kept apart, what Retort's own tables look like, and the
 * product's rules for types, expressions and default names. Retort picks the platform from the JDBC URL, a data
 * source's metadata or the {@code platform} setting ({@link Platforms}); the rest of the engine is written against
 * this interface only, so a database is a module of its own, not a fork.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: a module registers its class in
 * {@code META-INF/services/dev.retort.platform.Platform}. Core ships none; see the documentation page "Adding a
 * database" for what to implement and what to reuse ({@link dev.retort.schema.Comparators},
 * {@link dev.retort.lint.AbstractLintRule}).
 */
public interface Platform {

    /** The product's name as people and Hibernate's dialect resolution know it, e.g. {@code MariaDB}. */
    String name();

    /** The name settings and messages use for it, lower case, e.g. {@code mariadb}: by default the product name, lower-cased. */
    default String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this platform serves databases reached through the given JDBC URL. */
    boolean accepts(String jdbcUrl);

    /**
     * Whether this platform serves a database whose driver reports this product name
     * ({@link java.sql.DatabaseMetaData#getDatabaseProductName()}), for a data source whose URL says nothing.
     */
    default boolean acceptsProduct(String productName) {
        return name().equalsIgnoreCase(productName);
    }

    /**
     * For rolling deploys: the operations that keep two columns of a table equal while the old code writes
     * {@code oldColumn} and the new code {@code newColumn} (a trigger: a row written through either gets the other
     * filled in), run by the expand of a column renamed; empty where the platform has no such form, and then
     * {@code generate} writes the rename in place.
     */
    default List<dev.retort.operation.Operation> keepColumnsInStep(String schema, String table, String oldColumn, String newColumn) {
        return List.of();
    }

    /** What undoes {@link #keepColumnsInStep}: run by the contract, and by the expand's downgrade. */
    default List<dev.retort.operation.Operation> stopKeepingColumnsInStep(String schema, String table, String oldColumn, String newColumn) {
        return List.of();
    }

    /**
     * For rolling deploys: {@link #keepColumnsInStep} for two columns of different types, run by the expand of a column
     * whose type changes (a shadow column of the new type, renamed to the old name by the contract). A row written
     * through the old column gets the new one set to {@code toNew}, an expression over the old column's name (e.g.
     * {@code CAST(price AS bigint)}); a row written through the new column gets the old one set to {@code toOld}, an
     * expression over the new column's name. {@link #stopKeepingColumnsInStep} undoes it. Empty where the platform has
     * no such form (the default), and then {@code generate} writes the type change in place.
     */
    default List<dev.retort.operation.Operation> keepColumnsInStep(String schema, String table, String oldColumn, String newColumn,
                                                                   String toNew, String toOld) {
        return List.of();
    }

    /**
     * For rolling deploys: what keeps a renamed table reachable under its old name while the version still running uses
     * that name, run by the expand of a table renamed, right after the rename (PostgreSQL: a view {@code SELECT * FROM
     * new}, which PostgreSQL can insert into, update and delete from as if it were the table). Empty where the platform
     * has no such form (the default), and then {@code generate} writes the rename in place.
     */
    default List<dev.retort.operation.Operation> bridgeRenamedTable(String schema, String oldName, String newName) {
        return List.of();
    }

    /** What undoes {@link #bridgeRenamedTable}: run by the contract, and by the expand's downgrade before the rename is undone. */
    default List<dev.retort.operation.Operation> stopBridgingRenamedTable(String schema, String oldName, String newName) {
        return List.of();
    }

    /**
     * For rolling deploys: the whole expand of a table renamed, the rename and {@link #bridgeRenamedTable its bridge},
     * written so that no statement of the running version finds neither name. By default the rename, then the bridge:
     * where DDL is transactional they commit together. Where each statement commits on its own, a platform gives a form
     * that switches both names in one statement.
     */
    default List<dev.retort.operation.Operation> renameTableBridged(String schema, String oldName, String newName) {
        List<dev.retort.operation.Operation> operations = new java.util.ArrayList<>();
        operations.add(new dev.retort.operation.Operation.RenameTable(schema, oldName, newName));
        operations.addAll(bridgeRenamedTable(schema, oldName, newName));
        return operations;
    }

    /** What undoes {@link #renameTableBridged}, by the expand's downgrade: by default the bridge dropped, then the rename undone. */
    default List<dev.retort.operation.Operation> undoRenameTableBridged(String schema, String oldName, String newName) {
        List<dev.retort.operation.Operation> operations = new java.util.ArrayList<>(stopBridgingRenamedTable(schema, oldName, newName));
        operations.add(new dev.retort.operation.Operation.RenameTable(schema, newName, oldName));
        return operations;
    }

    /**
     * For rolling deploys: the operations on one table a contract runs, written so that the running version's statements
     * on it wait until the last one is done instead of landing between two of them (a trigger dropped before the column
     * it fills, say). By default as they are: where DDL is transactional the contract's transaction does that. Where each
     * statement commits on its own, a platform holds the table's writers around them (MariaDB and MySQL: {@code LOCK
     * TABLES … WRITE} and {@code UNLOCK TABLES}).
     */
    default List<dev.retort.operation.Operation> withWritesHeld(String schema, String table, List<dev.retort.operation.Operation> operations) {
        return operations;
    }

    /**
     * Whether a schema change (DDL) locks the database's whole catalog until its transaction ends, so that changes to
     * different schemas of one database wait for one another: a fleet of schemas on such a database migrates them one at
     * a time, which is as fast as it can go there, instead of timing out on the catalog's lock.
     */
    default boolean catalogLockedBySchemaChanges() {
        return false;
    }

    /**
     * Whether the database runs DDL inside a transaction and rolls it back with it. Where it does, the engine runs each
     * revision and its bookkeeping in one transaction, so a failed revision leaves nothing behind; where it does not
     * (each DDL statement commits on its own), a revision that fails part-way has applied the statements before the
     * failure.
     */
    default boolean transactionalDdl() {
        return true;
    }

    /**
     * Reads a database URL in one of this platform's forms (its JDBC URL, or the {@code scheme://user:password@host/db}
     * form {@code DATABASE_URL} often holds) into a JDBC URL and credentials.
     *
     * @return the URL read, or null when it is not one of this platform's forms
     * @throws dev.retort.RetortException when it is one of them but malformed
     */
    DatabaseUrl parseUrl(String url);

    /** The URL forms {@link #parseUrl} reads, for messages: {@code jdbc:postgresql://host:port/database or ...}. */
    String urlForms();

    /** The schema that objects without an explicit schema belong to (PostgreSQL: {@code public}). */
    String defaultSchema();

    /** Rendering of operations, identifiers and literals. */
    SqlDialect dialect();

    /** The product's rules for comparing types and expressions and for naming what the user did not name. */
    SchemaRules rules();

    /**
     * The comparators autogenerate runs, in order, one per kind of object this database has: together they turn
     * two schema models into the changes between them.
     */
    List<ObjectComparator> comparators();

    /**
     * The lint rules for this database: what is dangerous to run on it (which operations take which locks, rewrite
     * or scan a table, lose data or break the version of an application still running), and the safe forms.
     */
    List<LintRule> lintRules();

    /**
     * The lint rules as they judge operations on the server a connection reached: for a database whose answers depend on
     * the server's version (which changes run without blocking writes, say), those of the version it reports, named in
     * the findings. Retort asks this where it has a connection at hand (lint and release against a database, generate's
     * safe forms on the database or dev database it compares with), and {@link #lintRules()} offline.
     *
     * @param server the live connection's metadata: its product name and version
     * @return by default {@link #lintRules()}, whatever the server
     * @throws SQLException when the metadata cannot be read
     */
    default List<LintRule> lintRules(DatabaseMetaData server) throws SQLException {
        return lintRules();
    }

    /**
     * Reads a live schema.
     *
     * @param tableFilter accepts the names of the tables to read (Retort's own tables are left out this way)
     */
    CatalogReader catalogReader(Predicate<String> tableFilter);

    /** The SQL of Retort's version and history tables at the given place. */
    VersionTableSql versionTables(String schema, String versionTable, String historyTable);

    /** The lock that keeps two writing runs on one database apart. */
    MigrationLock lock();

    /**
     * The driver properties Retort connects with when it is given a URL rather than a data source: time-outs and
     * the application name the server shows.
     *
     * @param connectTimeout how long connecting, logging in included, may take
     */
    Properties connectionProperties(String applicationName, java.time.Duration connectTimeout);

    /** The JDBC driver this platform works with, as Maven coordinates for messages ({@code org.example:driver}); null to say nothing. */
    default String driver() {
        return null;
    }

    /**
     * What a database error means for the person running Retort, as a sentence to add to Retort's own message (a
     * user without rights, a read-only standby, a statement timeout), or null when the error says it all.
     */
    String explain(java.sql.SQLException error);

    /**
     * Whether an error while connecting means the server is not reachable or not ready yet (worth retrying), rather than
     * refusing this user or this URL being wrong.
     */
    boolean notReachableYet(java.sql.SQLException error);

    /**
     * What a failure to connect means, as one sentence that replaces the driver's own words in Retort's message (an
     * embedded database file another process holds), or null to keep the driver's.
     */
    default String connectFailure(java.sql.SQLException error) {
        return null;
    }

    /** Whether an error says that an object a statement creates exists already (a table, column, constraint, schema). */
    boolean alreadyExists(java.sql.SQLException error);

    /**
     * Statements that clear what an interrupted earlier run of these operations left half-done outside a transaction
     * (PostgreSQL: an index an interrupted {@code CREATE INDEX CONCURRENTLY} left INVALID), found by looking at the
     * database; empty when there is nothing to clear.
     */
    java.util.List<SqlStatement> leftovers(java.sql.Connection connection, java.util.List<dev.retort.operation.Operation> operations)
            throws java.sql.SQLException;

    /**
     * Starts a throwaway database for {@code generate} and {@code check}.
     *
     * @param spec     {@code embedded} for a server run in-process from packaged binaries, {@code docker} for a container,
     *                 or the JDBC URL of a scratch server to create a fresh database on
     * @param image    the container image, for {@code docker}; null for {@link #defaultDevImage()}
     * @param listener told what was started and removed
     * @throws dev.retort.RetortException when it cannot be had, saying why and what to set instead
     */
    DevDatabase startDevDatabase(String spec, String image, dev.retort.MigrationListener listener);

    /**
     * The dev database {@code verify} uses for this platform when the history serves several databases and none is
     * given for it ({@code devDatabases}): a spec of {@link #startDevDatabase} that needs nothing installed and no
     * server (PostgreSQL: {@code embedded} where its library is on the class path; H2: in memory), or null when the
     * platform has none.
     */
    default String defaultDevDatabase() {
        return null;
    }

    /** The image a {@code docker} dev database runs when none is configured, e.g. {@code mariadb:11}; null when it has none. */
    default String defaultDevImage() {
        return null;
    }

    /**
     * Hibernate settings that make Hibernate ORM's dialect for this database resolve without connecting, as the entity
     * reader needs it: the product name, and, where the Hibernate at hand resolves no dialect without one, a version.
     *
     * @param versionRequired whether the Hibernate at hand needs a version to pick a dialect offline (6.4 does)
     */
    default java.util.Map<String, String> hibernateSettings(boolean versionRequired) {
        return java.util.Map.of("jakarta.persistence.database-product-name", name());
    }

    /**
     * The enum type a statement of Hibernate's dialect declares, where the dialect writes named enum types as statements
     * of their own (PostgreSQL's {@code create type … as enum}); empty for any other statement.
     */
    default java.util.Optional<dev.retort.schema.EnumType> enumTypeDeclaredBy(String statement) {
        return java.util.Optional.empty();
    }

    /**
     * The schema that names without a schema resolve to on this connection: what {@code clean} empties and a baseline on
     * release compares when the {@code schemas} setting names none. By default the connection's schema, else its catalog
     * (where a database is a schema, as in MySQL).
     */
    default String currentSchema(java.sql.Connection connection) throws java.sql.SQLException {
        String schema = connection.getSchema();
        return schema != null ? schema : connection.getCatalog();
    }

    /**
     * Every object in the given schemas, as {@code clean} reports what it drops: everything a person or a migration may
     * have made there, Retort's own tables included, and nothing the database itself or an extension owns. By default the
     * tables, the sequences no column owns and the enum types the catalog reader reads; a platform whose schemas hold
     * more (views, routines, domains) lists them too.
     */
    default java.util.List<DatabaseObject> objects(java.sql.Connection connection, java.util.Set<String> schemas) throws java.sql.SQLException {
        dev.retort.schema.SchemaModel model = catalogReader(table -> true).read(connection, schemas);
        java.util.List<DatabaseObject> objects = new java.util.ArrayList<>();
        model.tables().forEach(t -> objects.add(new DatabaseObject("table", t.schema(), t.name())));
        model.sequences().stream().filter(s -> s.ownedBy() == null)
                .forEach(s -> objects.add(new DatabaseObject("sequence", s.schema(), s.name())));
        model.enums().forEach(e -> objects.add(new DatabaseObject("type", e.schema(), e.name())));
        return objects;
    }

    /**
     * The statements that drop every object {@link #objects} lists in the given schemas, in an order the database
     * accepts; the schemas themselves stay. {@code clean} runs them under the migration lock, in one transaction where
     * the DDL is transactional. By default, from what the catalog reader reads, rendered by the dialect: the foreign
     * keys first, then the tables, the sequences no column owns and the enum types.
     */
    default java.util.List<SqlStatement> dropAll(java.sql.Connection connection, java.util.Set<String> schemas) throws java.sql.SQLException {
        dev.retort.schema.SchemaModel model = catalogReader(table -> true).read(connection, schemas);
        java.util.List<dev.retort.operation.Operation> drops = new java.util.ArrayList<>();
        for (dev.retort.schema.Table table : model.tables()) {
            table.foreignKeys().forEach(fk -> drops.add(new dev.retort.operation.Operation.DropConstraint(table.schema(), table.name(),
                    fk.name(), fk)));
        }
        model.tables().forEach(t -> drops.add(new dev.retort.operation.Operation.DropTable(t.schema(), t.name(), null)));
        model.sequences().stream().filter(s -> s.ownedBy() == null)
                .forEach(s -> drops.add(new dev.retort.operation.Operation.DropSequence(s.schema(), s.name(), s)));
        model.enums().forEach(e -> drops.add(new dev.retort.operation.Operation.DropEnum(e.schema(), e.name(), e.values())));
        java.util.List<SqlStatement> statements = new java.util.ArrayList<>();
        drops.forEach(drop -> statements.addAll(dialect().render(drop)));
        return statements;
    }

    /**
     * The object a statement creates when it is of a kind repeatable revisions own (a view, a materialized view, a
     * function, a procedure), so autogenerate leaves it out of its comparison: an entity mapped onto a view a repeatable
     * makes is not written as a table, and a view is never dropped for want of an entity. Empty for every other
     * statement; by default, for every statement.
     */
    default java.util.Optional<DatabaseObject> createdBy(String statement) {
        return java.util.Optional.empty();
    }
}
