package dev.retort.maven;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import dev.retort.config.Setting;
import dev.retort.config.Settings;

/**
 * Goals that connect to the database: its credentials (parameters, a {@code settings.xml} server, a password file),
 * the schema of Retort's tables, the connection's time limits, and the time limits the revisions' statements run (or
 * are scripted, or linted) with.
 */
abstract class AbstractDatabaseMojo extends AbstractRenderingMojo {

    /** Database user; overrides the one in the URL or the server entry. */
    @Parameter(property = "migrations.user")
    protected String user;

    /** Database password; prefer {@code serverId} or {@code DATABASE_URL} over putting it in the pom. Never printed. */
    @Parameter(property = "migrations.password")
    protected String password;

    /**
     * A file whose content is the database password (a mounted secret); unlike {@code password}, Maven's debug output
     * (-X) shows only the path.
     */
    @Parameter(property = "migrations.passwordFile")
    protected String passwordFile;

    /** Id of a server entry in {@code settings.xml} whose username and (possibly encrypted) password to use. */
    @Parameter(property = "migrations.serverId")
    protected String serverId;

    /** Schema of Retort's version and history tables; default: the connection's search path. */
    @Parameter(property = "migrations.schema")
    protected String schema;

    /** How long a revision's statement waits for a table lock before the revision fails (PostgreSQL's lock_timeout); default 10s, 0 waits for ever. */
    @Parameter(property = "migrations.statementLockTimeout")
    protected String statementLockTimeout;

    /** How long one statement of a revision may run (PostgreSQL's statement_timeout); default 0, no limit. */
    @Parameter(property = "migrations.statementTimeout")
    protected String statementTimeout;

    /** How long connecting to the database, logging in included, may take; default 10s. */
    @Parameter(property = "migrations.connectTimeout")
    protected String connectTimeout;

    /** How long Retort waits for the database to answer its own queries (lock, version table, catalog); default 30s. */
    @Parameter(property = "migrations.readTimeout")
    protected String readTimeout;

    /** How many more times to try connecting when the database is not reachable yet, pausing 1, 2, 4… up to 10 s; default 0. */
    @Parameter(property = "migrations.connectRetries")
    protected String connectRetries;

    /** A fleet: a file of targets one a line (URLs, or schemas on the database {@code url} names), or URLs comma-separated. */
    @Parameter(property = "migrations.targets")
    protected String targets;

    /** A fleet of schemas on the database {@code url} names, comma-separated, each with its own version and history tables. */
    @Parameter(property = "migrations.tenantSchemas")
    protected String tenantSchemas;

    /** A fleet listed by a query run on the database {@code url} names: the first column of each row, a schema or a URL. */
    @Parameter(property = "migrations.targetsQuery")
    protected String targetsQuery;

    /** How many targets of a fleet run at once; default 4. */
    @Parameter(property = "migrations.parallel")
    protected String parallel;

    /** Whether a fleet starts no further target after one fails; default false. */
    @Parameter(property = "migrations.failFast")
    protected String failFast;

    /** How many targets of a fleet run first; if one fails, the rest are skipped. Default 0. */
    @Parameter(property = "migrations.canary")
    protected String canary;

    /** The slice i/n of a fleet this run takes; default from JOB_COMPLETION_INDEX and JOB_COMPLETIONS, else all of it. */
    @Parameter(property = "migrations.shard")
    protected String shard;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected org.apache.maven.settings.Settings mavenSettings;

    @Inject
    protected SettingsDecrypter settingsDecrypter;

    /** Warned once per build, not once per goal. */
    private static volatile boolean warnedAboutPassword;

    @Override
    protected void configure(Settings.Builder builder) throws MojoFailureException {
        super.configure(builder);
        if (password != null && !password.isBlank() && !warnedAboutPassword) {
            warnedAboutPassword = true;
            getLog().warn("The database password was given as the migrations.password parameter, which Maven prints with -X "
                    + "(and the shell keeps in its history): use serverId (settings.xml, encryptable), DATABASE_URL, RETORT_PASSWORD "
                    + "or RETORT_PASSWORD_FILE instead.");
        }
        builder.set(Setting.USER, user).set(Setting.PASSWORD, password).set(Setting.PASSWORD_FILE, passwordFile).set(Setting.SCHEMA, schema)
                .set(Setting.STATEMENT_LOCK_TIMEOUT, statementLockTimeout).set(Setting.STATEMENT_TIMEOUT, statementTimeout)
                .set(Setting.CONNECT_TIMEOUT, connectTimeout).set(Setting.READ_TIMEOUT, readTimeout).set(Setting.CONNECT_RETRIES, connectRetries);
        builder.set(Setting.TARGETS, targets).set(Setting.TENANT_SCHEMAS, tenantSchemas).set(Setting.TARGETS_QUERY, targetsQuery)
                .set(Setting.PARALLEL, parallel).set(Setting.FAIL_FAST, failFast).set(Setting.CANARY, canary).set(Setting.SHARD, shard);
        ServerCredentials.apply(builder, serverId, mavenSettings, settingsDecrypter);
    }

    @Override
    protected boolean usesDatabase() {
        return true;
    }
}
