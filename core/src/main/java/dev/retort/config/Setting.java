package dev.retort.config;

import java.util.Locale;

/**
 * Every setting Retort reads, with the one canonical name each entry point derives its own from: the Maven
 * plugin's {@code migrations.<key>} user property, the {@code retort.<key>} key of a properties file (and of
 * Spring Boot), the {@code RETORT_<KEY>} environment variable and the command line's {@code --<key>} option.
 */
public enum Setting {

    /** The database: its JDBC URL, or the {@code scheme://user:password@host:port/db} form of {@code DATABASE_URL}. */
    URL("url", "The database: its JDBC URL, or the scheme://user:password@host:port/database form DATABASE_URL usually holds. "
            + "Default: the DATABASE_URL environment variable.", null),
    /** The database user; wins over one in the URL. */
    USER("user", "The database user; wins over one given in the URL.", null),
    /** The database password; wins over one in the URL. Never printed. */
    PASSWORD("password", "The database password; wins over one given in the URL. Never printed.", null),
    /** A file holding the database password (a Docker or Kubernetes secret), read at the same precedence as {@code password}. */
    PASSWORD_FILE("passwordFile", "A file whose content is the database password (a mounted secret); the same precedence as "
            + "password, which it stands in for.", null),
    /** The database platform, where no URL or data source says which database it is. */
    PLATFORM("platform", "The database platform (the id of a platform module on the class path) for work that needs no "
            + "database, such as offline scripts and lint, when several platforms are on the class path. Default: the one the URL "
            + "or the data source names, else the only one on the class path.", null),
    /** The databases one history serves. */
    PLATFORMS("platforms", "The databases one history serves, the ids of platform modules comma-separated: lint and "
            + "check judge every revision on each, generate writes what runs on all of them, verify proves the history on each "
            + "that has a dev database. Default: only the database at hand.", null),
    /** The schema of Retort's version and history tables. */
    SCHEMA("schema", "The schema of Retort's version and history tables. Default: the connection's search path.", null),
    /** The package of the migration classes. */
    PACKAGE("package", "The package of the migration classes, sub-packages included.", "db.migrations"),
    /** Where SQL revision files are found on the class path. */
    SQL_LOCATION("sqlLocation", "Where SQL revision files (*.sql) are found on the class path, sub-directories included: a resource "
            + "path, src/main/resources/db/migrations in a project.", "db/migrations"),
    /** Where new migration source files are written. */
    SOURCE_DIRECTORY("sourceDirectory", "Where generate and merge write new migration source files.", "src/main/java"),
    /** How many seconds a run waits for another run's lock. */
    LOCK_TIMEOUT("lockTimeout", "How long a writing run waits for another run's lock: seconds (0: do not wait), or 500ms, 2m, PT1M.", "60"),
    /** Packages holding the JPA entities, comma-separated. */
    ENTITY_PACKAGES("entityPackages", "Packages holding the JPA entities, comma-separated, sub-packages included.", null),
    /** A persistence unit of META-INF/persistence.xml to read the entities from instead of scanning packages. */
    PERSISTENCE_UNIT("persistenceUnit", "A persistence unit of the application's META-INF/persistence.xml to read the entities from "
            + "(its classes, mapping files and properties) instead of scanning the entity packages.", null),
    /** Spring Boot profiles whose configuration files the entities are read with, comma-separated. */
    SPRING_PROFILES("springProfiles", "Spring Boot profiles, comma-separated, whose application-{profile}.properties or .yml files "
            + "generate, check and verify read the entities' naming and Hibernate settings with, as the application started with "
            + "them would (they replace spring.profiles.active of application.properties, as SPRING_PROFILES_ACTIVE does).", null),
    /** A throwaway database for generate and check: {@code embedded}, {@code docker} or the JDBC URL of a scratch server. */
    DEV_DATABASE("devDatabase", "A throwaway database for generate and check: embedded (a server run from Maven artifacts, "
            + "no server or Docker needed, where the platform has one), docker (a container, removed afterwards) or the JDBC URL "
            + "of a scratch server (a fresh database is created on it and dropped).", null),
    /** The dev databases of the other platforms a history serves, {@code id=spec} pairs. */
    DEV_DATABASES("devDatabases", "Where one history serves several databases (platforms), the dev databases verify proves it on "
            + "besides devDatabase: id=spec pairs separated by spaces or commas, each spec as devDatabase takes it. Default: each "
            + "platform's own dev database that needs nothing installed, where it has one; a platform with none is skipped, and "
            + "said so.", null),
    /** The image of the dev database container; default the platform's own. */
    DEV_IMAGE("devImage", "The image of the dev database container. Default: the platform's own (its official image).", null),
    /** How long connecting (and logging in) may take. */
    CONNECT_TIMEOUT("connectTimeout", "How long connecting to the database, logging in included, may take before Retort gives up.",
            "10s"),
    /** How long Retort waits for an answer to its own queries (not to the revisions' statements). */
    READ_TIMEOUT("readTimeout", "How long Retort waits for the database to answer its own queries (the lock, the version and "
            + "history tables, catalog reads), so a server that stops answering fails the run; the revisions' statements are "
            + "bounded by statementTimeout instead.", "30s"),
    /** How many times to retry connecting, with a growing pause, when the database is not reachable yet. */
    CONNECT_RETRIES("connectRetries", "How many more times to try connecting when the database is not reachable yet (an "
            + "application starting beside its database), pausing 1, 2, 4… up to 10 seconds between tries (0: fail at once).", "0"),
    /** How long a revision's statement waits for a table lock before it fails. */
    STATEMENT_LOCK_TIMEOUT("statementLockTimeout", "How long a revision's statement waits for a lock on a table before the revision "
            + "fails, so a migration stuck behind a long transaction does not queue all traffic behind it (0: wait for ever).", "10s"),
    /** How long one statement of a revision may run. */
    STATEMENT_TIMEOUT("statementTimeout", "How long one statement of a revision may run before it is cancelled (0: no limit).", "0"),
    /** The environment this database belongs to; {@code production} asks for confirmation before any write. */
    ENVIRONMENT("environment", "The environment this database belongs to. With production, every command that writes needs "
            + "confirm, and downgrade, stamp with purge and repair also confirmDestructive.", null),
    /** The confirmation that writing to a production database is intended. */
    CONFIRM("confirm", "Confirms that a command may write to a production database (yes or true).", null, "RETORT_CONFIRM_PRODUCTION"),
    /** The second, louder confirmation for commands that undo or rewrite recorded history in production. */
    CONFIRM_DESTRUCTIVE("confirmDestructive", "Confirms that downgrade, stamp with purge or repair may run against a production "
            + "database (yes or true), on top of confirm.", null),
    /** The values of the placeholders of SQL revision files, repeatables and callbacks: {@code name=value,name=value}. */
    PLACEHOLDERS("placeholders", "Values of the ${name} placeholders in SQL revision files, repeatables and callbacks: name=value "
            + "pairs, comma-separated (one placeholder also as retort.placeholders.<name> or RETORT_PLACEHOLDERS_<NAME>).", null),
    /** Tables and other objects Retort does not manage: names or patterns, comma-separated. */
    EXCLUDE_OBJECTS("excludeObjects", "Tables and other objects Retort does not manage: names or patterns with * and ?, optionally "
            + "schema-qualified, comma-separated. generate never writes them, check and verify do not call them drift. Other tools' "
            + "bookkeeping (flyway_schema_history, databasechangelog, databasechangeloglock, alembic_version) is always left out.", null),
    /** The schemas Retort manages: what clean empties and a baseline on release compares. */
    SCHEMAS("schemas", "The schemas Retort manages, comma-separated: what clean empties and what a baseline on release compares. "
            + "Default: schema, else the connection's current schema.", null),
    /** Whether clean may run at all. */
    CLEAN_ENABLED("cleanEnabled", "Allows clean, which drops every object in the managed schemas, Retort's tables included "
            + "(yes or true; for development and test databases: clean is refused in production whatever this says).", "false"),
    /** The revision a database that has the application's schema but no Retort tables is adopted at by release. */
    BASELINE_ON_RELEASE("baselineOnRelease", "The revision (head, or an id) whose schema a database without Retort's tables already "
            + "holds (made by hbm2ddl, Flyway or by hand): release compares the two and, when they are equal, stamps the database "
            + "there before it upgrades; otherwise it refuses, naming the difference.", null),
    /** Whether the application is deployed rolling, so generate writes what the running version cannot survive as expand and contract. */
    ROLLING("rolling", "The application is deployed rolling (the old version serves while the new one starts): generate writes a "
            + "change the running version cannot survive as expand, backfill and contract revisions, which release applies in two "
            + "deploys (yes or true). A generate run's own rolling option wins over it.", "false"),
    /** Whether release applies contract revisions regardless of the two-deploy rule. */
    FORCE_CONTRACT("forceContract", "Release applies contract revisions now, though their expand is applied by the same release "
            + "or instances built before it still run (yes or true); in production, with confirm and confirmDestructive too.",
            "false"),
    /** A fleet's targets: a file of URLs or schema names, one a line, {@code -} for standard input, or URLs comma-separated. */
    TARGETS("targets", "Runs the command over a fleet: a file listing its targets one a line (a JDBC URL or DATABASE_URL form "
            + "is a database, a bare name a schema on the database url names; # starts a comment), - for standard input, or "
            + "URLs comma-separated.", null),
    /** A fleet of schemas on the one database {@code url} names, comma-separated. */
    TENANT_SCHEMAS("tenantSchemas", "Runs the command over a fleet of schemas on the database url names, comma-separated: "
            + "one schema per tenant, each with its own version and history tables.", null),
    /** A query run on the database {@code url} names whose rows' first column are a fleet's targets. */
    TARGETS_QUERY("targetsQuery", "Runs the command over the targets a query lists, run on the database url names (the "
            + "catalog): the first column of each row, a schema name or a database's URL.", null),
    /** How many targets of a fleet run at once. */
    PARALLEL("parallel", "How many targets of a fleet run at once, in one JVM, on a connection pool of twice as many "
            + "connections.", "4"),
    /** Whether a fleet's first failure stops it. */
    FAIL_FAST("failFast", "Whether a fleet run starts no further target after one fails (yes or true); those already "
            + "running finish.", "false"),
    /** How many targets of a fleet run first, alone, before the rest. */
    CANARY("canary", "How many targets of a fleet run first, before any other starts; if one of them fails, the rest are "
            + "skipped.", "0"),
    /** The slice of a fleet this run takes: {@code i/n}. */
    SHARD("shard", "The slice of a fleet this run takes, i/n (1 ≤ i ≤ n): the targets sorted by name, every n-th from the "
            + "i-th. Default: from a Kubernetes Indexed Job's JOB_COMPLETION_INDEX and JOB_COMPLETIONS, else the whole fleet.",
            null);

    private final String key;
    private final String description;
    private final String defaultValue;
    private final String environmentVariable;

    Setting(String key, String description, String defaultValue) {
        this(key, description, defaultValue, null);
    }

    Setting(String key, String description, String defaultValue, String environmentVariable) {
        this.key = key;
        this.description = description;
        this.defaultValue = defaultValue;
        this.environmentVariable = environmentVariable;
    }

    /** The canonical name, e.g. {@code lockTimeout}. */
    public String key() {
        return key;
    }

    /** One or two sentences for reference pages and {@code --help}. */
    public String description() {
        return description;
    }

    /** The value used when nothing sets it, or null. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The key in a properties file (and in Spring Boot): {@code retort.lockTimeout}. */
    public String propertyName() {
        return "retort." + key;
    }

    /** The Maven plugin's user property: {@code migrations.lockTimeout}. */
    public String mavenProperty() {
        return "migrations." + key;
    }

    /** The environment variable: {@code RETORT_LOCK_TIMEOUT}. */
    public String environmentVariable() {
        return environmentVariable != null ? environmentVariable : "RETORT_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The command line option: {@code --lock-timeout}. */
    public String option() {
        return "--" + key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The setting whose canonical name, property name or Maven property is {@code name}, or null. */
    public static Setting byName(String name) {
        for (Setting setting : values()) {
            if (setting.key.equals(name) || setting.propertyName().equals(name) || setting.mavenProperty().equals(name)) {
                return setting;
            }
        }
        return null;
    }
}
