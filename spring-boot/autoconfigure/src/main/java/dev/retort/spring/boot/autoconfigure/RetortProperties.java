package dev.retort.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.retort.config.Setting;

/**
 * The {@code retort.*} properties of a Spring Boot application. They are the same settings, under the same names, as a
 * {@code retort.properties} file of the command line; {@code RETORT_*} environment variables win over them as they do
 * everywhere else. Durations are written as Retort writes them everywhere: seconds ({@code 60}), or {@code 500ms},
 * {@code 2m}, {@code PT1M}.
 */
@ConfigurationProperties(prefix = "retort")
public class RetortProperties {

    /** Whether to migrate the database at start-up. Turn it off where a release step migrates instead. */
    private boolean enabled = true;

    /** The revision to upgrade to at start-up: head, heads, or a revision id. */
    private String target = "head";

    /**
     * A database of its own for Retort (a JDBC URL or postgresql://user:password@host/db); default: the application's
     * DataSource.
     */
    private String url;

    /** The user of retort.url; wins over one in the URL. */
    private String user;

    /** The password of retort.url; wins over one in the URL. Never printed. */
    private String password;

    /** The package of the migration classes, sub-packages included. */
    private String packageName = "db.migrations";

    /** A file whose content is the password of retort.url (a mounted secret). */
    private String passwordFile;

    /** Where SQL revision files (*.sql) are found on the class path, sub-directories included. */
    private String sqlLocation = "db/migrations";

    /** How long connecting to retort.url (or through the DataSource), logging in included, may take. */
    private String connectTimeout = "10s";

    /** How long Retort waits for the database to answer its own queries (lock, version and history tables). */
    private String readTimeout = "30s";

    /** The schema of Retort's version and history tables. Default: the connection's search path. */
    private String schema;

    /** How long start-up waits for another instance's migration lock: seconds, or 500ms, 2m, PT1M. */
    private String lockTimeout = "60";

    /** How long a revision's statement waits for a table lock before the revision fails (0: wait for ever). */
    private String statementLockTimeout = "10s";

    /** How long one statement of a revision may run (0: no limit). */
    private String statementTimeout = "0";

    /** How many more times to try connecting while the database is not reachable yet. */
    private int connectRetries = 0;

    /**
     * The environment the database belongs to. With production (or prod), start-up refuses to upgrade unless
     * retort.confirm is yes.
     */
    private String environment;

    /** Confirms that start-up may write to a production database (yes or true). */
    private String confirm;

    /**
     * Values of the ${name} placeholders of SQL revision files, repeatables and callbacks, by name
     * (retort.placeholders.app_role=reader).
     */
    private Map<String, String> placeholders = new LinkedHashMap<>();

    /**
     * Tables and other objects Retort does not manage: names or patterns with * and ?, optionally schema-qualified,
     * comma-separated. Flyway's, Liquibase's and Alembic's tables are always left out.
     */
    private String excludeObjects;

    /** The schemas Retort manages, comma-separated: what clean empties and a baseline on release compares. */
    private String schemas;

    /** Allows Retort's clean (yes or true), for development and test databases; refused in production regardless. */
    private String cleanEnabled;

    /**
     * The revision (head, an id) whose schema a database without Retort's tables already holds: release, run from the
     * application's jar, adopts it there when the schemas are equal.
     */
    private String baselineOnRelease;

    /** How many tenant schemas ({@link RetortTenantSchemas}) start-up migrates at once; default 4. */
    private String parallel;

    /** Whether start-up migrates no further tenant schema after one fails (yes or true); default false. */
    private String failFast;

    public String getParallel() {
        return parallel;
    }

    public void setParallel(String parallel) {
        this.parallel = parallel;
    }

    public String getFailFast() {
        return failFast;
    }

    public void setFailFast(String failFast) {
        this.failFast = failFast;
    }

    public Map<String, String> getPlaceholders() {
        return placeholders;
    }

    public void setPlaceholders(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    public String getExcludeObjects() {
        return excludeObjects;
    }

    public void setExcludeObjects(String excludeObjects) {
        this.excludeObjects = excludeObjects;
    }

    public String getSchemas() {
        return schemas;
    }

    public void setSchemas(String schemas) {
        this.schemas = schemas;
    }

    public String getCleanEnabled() {
        return cleanEnabled;
    }

    public void setCleanEnabled(String cleanEnabled) {
        this.cleanEnabled = cleanEnabled;
    }

    public String getBaselineOnRelease() {
        return baselineOnRelease;
    }

    public void setBaselineOnRelease(String baselineOnRelease) {
        this.baselineOnRelease = baselineOnRelease;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** {@code retort.package}: a Java keyword, so the field has another name. */
    public String getPackage() {
        return packageName;
    }

    public void setPackage(String packageName) {
        this.packageName = packageName;
    }

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = passwordFile;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(String readTimeout) {
        this.readTimeout = readTimeout;
    }

    public String getSqlLocation() {
        return sqlLocation;
    }

    public void setSqlLocation(String sqlLocation) {
        this.sqlLocation = sqlLocation;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(String lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public String getStatementLockTimeout() {
        return statementLockTimeout;
    }

    public void setStatementLockTimeout(String statementLockTimeout) {
        this.statementLockTimeout = statementLockTimeout;
    }

    public String getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(String statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public int getConnectRetries() {
        return connectRetries;
    }

    public void setConnectRetries(int connectRetries) {
        this.connectRetries = connectRetries;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }

    /** Whether Retort connects to a database of its own rather than the application's DataSource. */
    public boolean hasOwnDatabase() {
        return url != null && !url.isBlank();
    }

    /**
     * These properties under core's property names ({@code retort.lockTimeout}), the properties-file layer of core's
     * configuration: {@code RETORT_*} variables and explicit calls keep their precedence over them.
     */
    Map<String, String> asSettings() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, Setting.URL, url);
        put(map, Setting.USER, user);
        put(map, Setting.PASSWORD, password);
        put(map, Setting.PASSWORD_FILE, passwordFile);
        put(map, Setting.CONNECT_TIMEOUT, connectTimeout);
        put(map, Setting.READ_TIMEOUT, readTimeout);
        put(map, Setting.PACKAGE, packageName);
        put(map, Setting.SQL_LOCATION, sqlLocation);
        put(map, Setting.SCHEMA, schema);
        put(map, Setting.LOCK_TIMEOUT, lockTimeout);
        put(map, Setting.STATEMENT_LOCK_TIMEOUT, statementLockTimeout);
        put(map, Setting.STATEMENT_TIMEOUT, statementTimeout);
        put(map, Setting.CONNECT_RETRIES, Integer.toString(connectRetries));
        put(map, Setting.ENVIRONMENT, environment);
        put(map, Setting.CONFIRM, confirm);
        put(map, Setting.EXCLUDE_OBJECTS, excludeObjects);
        put(map, Setting.SCHEMAS, schemas);
        put(map, Setting.CLEAN_ENABLED, cleanEnabled);
        put(map, Setting.BASELINE_ON_RELEASE, baselineOnRelease);
        put(map, Setting.PARALLEL, parallel);
        put(map, Setting.FAIL_FAST, failFast);
        placeholders.forEach((name, value) -> map.put(Setting.PLACEHOLDERS.propertyName() + "." + name, value));
        return map;
    }

    private static void put(Map<String, String> map, Setting setting, String value) {
        if (value != null) {
            map.put(setting.propertyName(), value);
        }
    }
}
