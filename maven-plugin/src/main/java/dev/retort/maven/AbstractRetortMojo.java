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

    /** Id of a server entry in {@code settings.xml} whose username and (possibly encrypted) password to use. */
    @Parameter(property = "migrations.serverId")
    protected String serverId;

    /** Package of the migration classes, sub-packages included. */
    @Parameter(property = "migrations.package", defaultValue = "db.migrations")
    protected String packageName;

    /** Schema of Retort's version and history tables; default: the connection's search path. */
    @Parameter(property = "migrations.schema")
    protected String schema;

    /** How long a run waits for another run's lock: seconds (0: do not wait), or a duration such as {@code 500ms} or {@code 2m}. */
    @Parameter(property = "migrations.lockTimeout", defaultValue = "60")
    protected String lockTimeout;

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

    private ProjectClassLoader classes;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
        if (skip) {
            getLog().info("Skipping migrations:" + goal() + " (migrations.skip=true).");
            return;
        }
        classes = new ProjectClassLoader(project, goal());
        try (Retort retort = open()) {
            run(retort);
        } catch (RetortException e) {
            throw new MojoFailureException(e.getMessage(SettingNames.MAVEN), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("migrations:" + goal() + " failed unexpectedly: " + e, e);
        } finally {
            classes.close();
        }
    }

    private Retort open() throws MojoFailureException {
        Settings.Builder builder = Settings.builder().environment(System.getenv())
                .set(Setting.URL, url).set(Setting.USER, user).set(Setting.PASSWORD, password)
                .set(Setting.PACKAGE, packageName).set(Setting.SCHEMA, schema).set(Setting.LOCK_TIMEOUT, lockTimeout);
        ServerCredentials.apply(builder, serverId, mavenSettings, settingsDecrypter);
        configure(builder);
        Settings settings = builder.build();
        if (settings.hasDatabase()) {
            getLog().info("Database: " + settings.describeDatabase());
        }
        return Retort.configure().settings(settings).classLoader(classes.get()).listener(new MavenListener(getLog())).load();
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
