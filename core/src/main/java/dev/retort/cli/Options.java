package dev.retort.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine.Option;

import dev.retort.RetortException;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.internal.appconfig.SpringBootConfig;

/**
 * The options every command takes. Each is a setting under its canonical name ({@code --lock-timeout} is
 * {@code lockTimeout}), with the precedence every entry point shares: an option wins over {@code RETORT_*}, which
 * wins over the properties file, which wins over {@code DATABASE_URL} and the defaults. Run from a Spring Boot
 * application, its own configuration comes last: its {@code retort.*} keys, and its data source when nothing else
 * names a database.
 */
final class Options {

    Map<String, String> environment = Map.of();

    /** The application's class path: where its migrations are, and a Spring Boot application's configuration. */
    ClassLoader classLoader;

    /** What the application's own configuration says, once {@link #settings()} has read it. */
    SpringBootConfig application = SpringBootConfig.none();

    @Option(names = "--url", paramLabel = "URL", description = "The database: its JDBC URL, or the "
            + "scheme://user:password@host:port/database form DATABASE_URL usually holds. Default: RETORT_URL, then DATABASE_URL.")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "The database user (RETORT_USER); wins over the URL's.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "The database password; visible to other users of this "
            + "machine in the process list, so prefer RETORT_PASSWORD or DATABASE_URL.")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose content is the password (a mounted secret; "
            + "RETORT_PASSWORD_FILE).")
    String passwordFile;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "Schema of Retort's tables (RETORT_SCHEMA). Default: the search path.")
    String schema;

    @Option(names = "--package", paramLabel = "PACKAGE", description = "Package of the migration classes (RETORT_PACKAGE). Default: db.migrations.")
    String packageName;

    @Option(names = "--sql-location", paramLabel = "PATH", description = "Where SQL revision files are found on the class path "
            + "(RETORT_SQL_LOCATION). Default: db/migrations.")
    String sqlLocation;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", description = "How long to wait for another run's lock: seconds, "
            + "or 500ms, 2m (RETORT_LOCK_TIMEOUT). Default: 60.")
    String lockTimeout;

    @Option(names = "--statement-lock-timeout", paramLabel = "DURATION", description = "How long a revision's statement waits for "
            + "a table lock before the revision fails (RETORT_STATEMENT_LOCK_TIMEOUT). Default: 10s.")
    String statementLockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", description = "How long one statement may run "
            + "(RETORT_STATEMENT_TIMEOUT). Default: 0, no limit.")
    String statementTimeout;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "How long connecting, logging in included, may take "
            + "(RETORT_CONNECT_TIMEOUT). Default: 10s.")
    String connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", description = "How long Retort waits for answers to its own queries "
            + "(RETORT_READ_TIMEOUT). Default: 30s.")
    String readTimeout;

    @Option(names = "--connect-retries", paramLabel = "N", description = "How many more times to try connecting while the database "
            + "is not reachable yet (RETORT_CONNECT_RETRIES). Default: 0.")
    String connectRetries;

    @Option(names = "--environment", paramLabel = "NAME", description = "The database's environment (RETORT_ENVIRONMENT); "
            + "production makes writes need --confirm.")
    String environmentName;

    @Option(names = "--confirm", description = "Confirm writing to a production database (RETORT_CONFIRM_PRODUCTION=yes).")
    boolean confirm;

    @Option(names = "--confirm-destructive", description = "Also confirm downgrade, stamp --purge and repair on a production "
            + "database (RETORT_CONFIRM_DESTRUCTIVE=yes).")
    boolean confirmDestructive;

    @Option(names = "--dev-database", paramLabel = "SPEC", description = "The throwaway database verify runs on (RETORT_DEV_DATABASE): "
            + "embedded, docker, or the JDBC URL of a scratch server it may create databases on.")
    String devDatabase;

    @Option(names = "--dev-image", paramLabel = "IMAGE", description = "The image of a docker dev database (RETORT_DEV_IMAGE). "
            + "Default: the platform's own.")
    String devImage;

    @Option(names = "--platform", paramLabel = "ID", description = "The database platform when no URL says which, for offline work with "
            + "several platforms in the jar (RETORT_PLATFORM). Default: the URL's, else the only one in the jar.")
    String platform;

    @Option(names = "--platforms", paramLabel = "IDS", description = "The databases one history serves, comma-separated "
            + "(RETORT_PLATFORMS): lint judges each revision on each, check fails on an operation one cannot run.")
    String platforms;

    @Option(names = "--dev-databases", paramLabel = "ID=SPEC...", description = "The dev databases verify also proves the history on "
            + "where it serves several (RETORT_DEV_DATABASES): ID=SPEC pairs, each spec as --dev-database takes it. Default: "
            + "each platform's own that needs nothing installed.")
    String devDatabases;

    @Option(names = "--placeholders", paramLabel = "NAME=VALUE,...", description = "Values of the ${name} placeholders of SQL "
            + "revision files, repeatables and callbacks (RETORT_PLACEHOLDERS; one also as RETORT_PLACEHOLDERS_<NAME>).")
    String placeholders;

    @Option(names = "--exclude-objects", paramLabel = "PATTERNS", description = "Objects Retort does not manage, comma-separated names or "
            + "patterns with * and ? (RETORT_EXCLUDE_OBJECTS); Flyway's, Liquibase's and Alembic's tables always are.")
    String excludeObjects;

    @Option(names = "--schemas", paramLabel = "SCHEMAS", description = "The schemas Retort manages, comma-separated: what clean empties "
            + "and a baseline on release compares (RETORT_SCHEMAS). Default: --schema, else the connection's current schema.")
    String schemas;

    @Option(names = "--force-contract", description = "Let release apply contract revisions now, though their expand is applied by "
            + "the same release or instances built before it still run (RETORT_FORCE_CONTRACT=yes); in production with --confirm "
            + "and --confirm-destructive too.")
    boolean forceContract;

    @Option(names = "--clean-enabled", description = "Allow clean on this development or test database (RETORT_CLEAN_ENABLED=yes); "
            + "clean is refused in production regardless.")
    boolean cleanEnabled;

    @Option(names = "--baseline-on-release", paramLabel = "REVISION", description = "Let release adopt a database without Retort's "
            + "tables at this revision (head or an id) when its schema equals that revision's (RETORT_BASELINE_ON_RELEASE).")
    String baselineOnRelease;

    @Option(names = "--targets", paramLabel = "FILE|-|URLS", description = "Run over a fleet: a file of targets, one a line (a URL is a "
            + "database, a bare name a schema on --url's database), - for standard input, or URLs comma-separated (RETORT_TARGETS).")
    String targets;

    @Option(names = "--tenant-schemas", paramLabel = "SCHEMAS", description = "Run over a fleet of schemas on --url's database, "
            + "comma-separated, each with its own version and history tables (RETORT_TENANT_SCHEMAS).")
    String tenantSchemas;

    @Option(names = "--targets-query", paramLabel = "SQL", description = "Run over the targets a query lists, run on --url's database: "
            + "the first column of each row, a schema or a URL (RETORT_TARGETS_QUERY).")
    String targetsQuery;

    @Option(names = "--parallel", paramLabel = "N", description = "How many targets of a fleet run at once (RETORT_PARALLEL). Default: 4.")
    String parallel;

    @Option(names = "--fail-fast", description = "Start no further target of a fleet after one fails (RETORT_FAIL_FAST=yes).")
    boolean failFast;

    @Option(names = "--canary", paramLabel = "N", description = "Run N targets of a fleet first; if one fails, skip the rest (RETORT_CANARY).")
    String canary;

    @Option(names = "--shard", paramLabel = "I/N", description = "Take the i-th of n slices of the fleet (RETORT_SHARD). Default: a "
            + "Kubernetes Indexed Job's JOB_COMPLETION_INDEX and JOB_COMPLETIONS, else the whole fleet.")
    String shard;

    @Option(names = "--config-file", paramLabel = "FILE", description = "A properties file of retort.* settings (RETORT_CONFIG_FILE).")
    Path configFile;

    @Option(names = "--json", description = "Write the result as JSON on standard output, progress on standard error.")
    boolean json;

    /** The settings these options, the environment, the properties file and the application's configuration make. */
    Settings settings() {
        application = SpringBootConfig.read(classLoader, environment);
        Settings.Builder builder = Settings.builder().properties(properties()).application(application.values(), application.origins())
                .environment(environment)
                .set(Setting.URL, url).set(Setting.USER, user).set(Setting.PASSWORD, password).set(Setting.PASSWORD_FILE, passwordFile).set(Setting.SCHEMA, schema)
                .set(Setting.PACKAGE, packageName).set(Setting.SQL_LOCATION, sqlLocation).set(Setting.LOCK_TIMEOUT, lockTimeout)
                .set(Setting.STATEMENT_LOCK_TIMEOUT, statementLockTimeout).set(Setting.STATEMENT_TIMEOUT, statementTimeout)
                .set(Setting.CONNECT_TIMEOUT, connectTimeout).set(Setting.READ_TIMEOUT, readTimeout).set(Setting.CONNECT_RETRIES, connectRetries)
                .set(Setting.ENVIRONMENT, environmentName).set(Setting.DEV_DATABASE, devDatabase).set(Setting.DEV_IMAGE, devImage)
                .set(Setting.PLATFORM, platform).set(Setting.PLATFORMS, platforms).set(Setting.DEV_DATABASES, devDatabases)
                .set(Setting.PLACEHOLDERS, placeholders).set(Setting.EXCLUDE_OBJECTS, excludeObjects)
                .set(Setting.SCHEMAS, schemas).set(Setting.BASELINE_ON_RELEASE, baselineOnRelease)
                .set(Setting.TARGETS, targets).set(Setting.TENANT_SCHEMAS, tenantSchemas).set(Setting.TARGETS_QUERY, targetsQuery)
                .set(Setting.PARALLEL, parallel).set(Setting.CANARY, canary).set(Setting.SHARD, shard);
        if (failFast) {
            builder.set(Setting.FAIL_FAST, "yes");
        }
        if (cleanEnabled) {
            builder.set(Setting.CLEAN_ENABLED, "yes");
        }
        if (forceContract) {
            builder.set(Setting.FORCE_CONTRACT, "yes");
        }
        if (confirm) {
            builder.set(Setting.CONFIRM, "yes");
        }
        if (confirmDestructive) {
            builder.set(Setting.CONFIRM_DESTRUCTIVE, "yes");
        }
        return builder.build();
    }

    private Properties properties() {
        Path file = configFile != null ? configFile
                : environment.get("RETORT_CONFIG_FILE") == null || environment.get("RETORT_CONFIG_FILE").isBlank() ? null
                : Path.of(environment.get("RETORT_CONFIG_FILE"));
        Properties properties = new Properties();
        if (file == null) {
            return properties;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new RetortException("Cannot read the configuration file " + file + ": " + (e.getMessage() == null ? e : e.getMessage())
                    + "; check --config-file (RETORT_CONFIG_FILE).");
        }
        return properties;
    }
}
