package dev.retort.maven;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.config.Setting;
import dev.retort.config.SettingNames;
import dev.retort.config.Settings;
import dev.retort.internal.Messages;

/**
 * What every goal shares: the connection and migration parameters, turning them into Retort's one
 * {@link Settings}, and turning Retort's errors into one-line build failures worded for Maven. A goal maps
 * its own parameters, makes one call and prints the result.
 */
abstract class AbstractRetortMojo extends AbstractMojo {

    /** JDBC URL ({@code jdbc:postgresql://host:5432/db}) or {@code postgresql://user:pass@host:5432/db}; default: {@code DATABASE_URL}. */
    @Parameter(property = "migrations.url")
    protected String url;

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

    // The settings' defaults live in core (Setting): a default here would hide RETORT_* and the properties file.

    /** Package of the migration classes, sub-packages included; default {@code db.migrations}. */
    @Parameter(property = "migrations.package")
    protected String packageName;

    /**
     * Where SQL revision files ({@code *.sql}) are found on the project's class path, sub-directories included; default
     * {@code db/migrations}, i.e. {@code src/main/resources/db/migrations}.
     */
    @Parameter(property = "migrations.sqlLocation")
    protected String sqlLocation;

    /** Schema of Retort's version and history tables; default: the connection's search path. */
    @Parameter(property = "migrations.schema")
    protected String schema;

    /**
     * How long a run waits for another run's lock: seconds (0: do not wait), or a duration such as {@code 500ms} or
     * {@code 2m}; default 60 seconds.
     */
    @Parameter(property = "migrations.lockTimeout")
    protected String lockTimeout;

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

    /** The database's environment; {@code production} makes every writing goal need {@code confirm}. */
    @Parameter(property = "migrations.environment")
    protected String environment;

    /** Confirms writing to a production database. */
    @Parameter(property = "migrations.confirm")
    protected String confirm;

    /** Confirms, on top of {@code confirm}, downgrade, stamp with purge and repair on a production database. */
    @Parameter(property = "migrations.confirmDestructive")
    protected String confirmDestructive;

    /** Skip this goal. */
    @Parameter(property = "migrations.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected org.apache.maven.settings.Settings mavenSettings;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    /** Hibernate logs through java.util.logging here; keep its start-up banner out of the build output. */
    private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

    private static final String EMBEDDED_LOGGER = "io.zonky.test";

    private ProjectClassLoader classes;
    private Settings settings;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
        // The embedded dev database's library reports each start-up step at info through Maven's SLF4J logger,
        // whose per-logger levels are system properties (named differently since Maven 4).
        String level = (maven4() ? "maven.logger.log." : "org.slf4j.simpleLogger.log.") + EMBEDDED_LOGGER;
        if (System.getProperty(level) == null) {
            System.setProperty(level, "warn");
        }
        if (skip) {
            getLog().info("Skipping migrations:" + goal() + " (migrations.skip=true).");
            return;
        }
        classes = new ProjectClassLoader(project, goal());
        try (Retort retort = open()) {
            run(retort);
        } catch (RetortException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("migrations:" + goal() + " failed unexpectedly: " + e, e);
        } catch (LinkageError e) {
            // Without this, Maven answers a class missing from the project with a dump of the plugin's class realm.
            String missing = Messages.missingClass(e);
            if (missing == null) {
                throw e;
            }
            throw new MojoFailureException("migrations:" + goal() + " needs class " + missing + ", which the project's class path lacks; "
                    + "add the dependency that holds it.");
        } finally {
            classes.close();
        }
    }

    /**
     * The failure in Maven's words. Maven appends the message of every cause that its own message does not contain,
     * which would repeat the sentence with the core's {@code retort.*} names; the original goes along as a suppressed
     * exception instead, so {@code -e} still shows its stack trace.
     */
    private static MojoFailureException failure(RetortException e) {
        MojoFailureException failure = new MojoFailureException(e.getMessage(SettingNames.MAVEN));
        failure.addSuppressed(e);
        return failure;
    }

    /** Warned once per build, not once per goal. */
    private static volatile boolean warnedAboutPassword;

    private Retort open() throws MojoFailureException {
        if (password != null && !password.isBlank() && !warnedAboutPassword) {
            warnedAboutPassword = true;
            getLog().warn("The database password was given as the migrations.password parameter, which Maven prints with -X "
                    + "(and the shell keeps in its history): use serverId (settings.xml, encryptable), DATABASE_URL, RETORT_PASSWORD "
                    + "or RETORT_PASSWORD_FILE instead.");
        }
        Settings.Builder builder = Settings.builder().environment(System.getenv())
                .set(Setting.URL, url).set(Setting.USER, user).set(Setting.PASSWORD, password).set(Setting.PASSWORD_FILE, passwordFile)
                .set(Setting.PACKAGE, packageName).set(Setting.SQL_LOCATION, sqlLocation).set(Setting.SCHEMA, schema).set(Setting.LOCK_TIMEOUT, lockTimeout)
                .set(Setting.STATEMENT_LOCK_TIMEOUT, statementLockTimeout).set(Setting.STATEMENT_TIMEOUT, statementTimeout)
                .set(Setting.CONNECT_TIMEOUT, connectTimeout).set(Setting.READ_TIMEOUT, readTimeout).set(Setting.CONNECT_RETRIES, connectRetries)
                .set(Setting.ENVIRONMENT, environment).set(Setting.CONFIRM, confirm).set(Setting.CONFIRM_DESTRUCTIVE, confirmDestructive);
        ServerCredentials.apply(builder, serverId, mavenSettings, settingsDecrypter);
        configure(builder);
        settings = builder.build();
        if (settings.hasDatabase() && usesDatabase()) {
            getLog().info("Database: " + settings.describeDatabase());
        }
        return Retort.configure().settings(settings).classLoader(classes.get()).listener(new MavenListener(getLog())).load();
    }

    private static boolean maven4() {
        try {
            Class.forName("org.apache.maven.api.Session", false, AbstractRetortMojo.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether this run talks to the configured database (and so says which it is). */
    protected boolean usesDatabase() {
        return true;
    }

    /** Adds the goal's own settings. */
    protected void configure(Settings.Builder builder) {
    }

    /** The goal's work: one call into Retort, and printing its result. */
    protected abstract void run(Retort retort) throws MojoFailureException;

    /** The project's compiled classes and runtime dependencies, with the plugin's own classes first. */
    protected ClassLoader projectClassLoader() throws MojoFailureException {
        return classes.get();
    }

    /** The settings the goal runs with: its parameters over the environment and the defaults. */
    protected Settings settings() {
        return settings;
    }

    /** Revisions to start from, as {@code migrations.from} gives them: {@code base}, or ids separated by commas. */
    protected static Set<String> revisions(String from) {
        return "base".equals(from.strip()) ? Set.of()
                : Arrays.stream(from.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** The goal's name, for messages. */
    protected String goal() {
        return mojoExecution.getGoal();
    }
}
