package dev.retort.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import org.postgresql.ds.PGSimpleDataSource;

import dev.retort.DatabaseUrl;
import dev.retort.Retort;
import dev.retort.RetortException;

/**
 * What every goal shares: where the database is, where the migrations are, and turning Retort's
 * errors into one-line build failures. Goals parse parameters, call core, and print.
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

    /** How many seconds a run waits for another run's lock. */
    @Parameter(property = "migrations.lockTimeout", defaultValue = "60")
    protected int lockTimeout;

    /** Skip this goal. */
    @Parameter(property = "migrations.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    /** Hibernate logs through java.util.logging here; keep its start-up banner out of the build output. */
    private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
        if (skip) {
            getLog().info("Skipping migrations:" + goal() + " (migrations.skip=true).");
            return;
        }
        try {
            run();
        } catch (RetortException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("migrations:" + goal() + " failed unexpectedly: " + e, e);
        } finally {
            closeProjectClassLoader();
        }
    }

    private URLClassLoader projectLoader;

    private void closeProjectClassLoader() {
        if (projectLoader != null) {
            try {
                projectLoader.close();
            } catch (java.io.IOException e) {
                getLog().debug("Closing the project class loader: " + e);
            }
            projectLoader = null;
        }
    }

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** The goal's name, for messages. */
    protected String goal() {
        return mojoExecution.getGoal();
    }

    /** The goal's work. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Whether the goal needs a database; those that do not still use one when it is configured. */
    protected boolean needsDatabase() {
        return true;
    }

    /** Whether the goal needs the project's compiled classes (migrations, entities). */
    protected boolean needsProjectClasses() {
        return true;
    }

    /** A Retort over the configured database (when the goal needs one or one is configured) and the project's migrations. */
    protected Retort openRetort() throws MojoFailureException {
        return open(needsDatabase() || databaseConfigured() ? connection() : null);
    }

    /** A Retort over another database (a dev database) and the project's migrations. */
    protected Retort openRetort(String jdbcUrl, String databaseUser, String databasePassword) throws MojoFailureException {
        return open(new Connection(jdbcUrl, databaseUser, databasePassword));
    }

    private Retort open(Connection connection) throws MojoFailureException {
        Retort.Builder builder = Retort.configure().migrationsPackage(packageName).schema(schema).lockTimeout(Duration.ofSeconds(lockTimeout))
                .listener(new MavenListener(getLog()));
        if (connection != null) {
            getLog().info("Database: " + DatabaseUrl.mask(connection.jdbcUrl) + (connection.user == null ? "" : " as " + connection.user));
            builder.dataSource(dataSource(connection));
        }
        if (needsProjectClasses()) {
            builder.classLoader(projectClassLoader());
        }
        return builder.load();
    }

    /** A plain driver data source: a goal uses one connection at a time, so a pool would only add start-up time and log lines. */
    private static DataSource dataSource(Connection connection) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(connection.jdbcUrl);
        if (connection.user != null) {
            ds.setUser(connection.user);
        }
        if (connection.password != null) {
            ds.setPassword(connection.password);
        }
        ds.setConnectTimeout(10);
        ds.setApplicationName("retort-maven-plugin");
        return ds;
    }

    /** Whether a database URL is configured, by parameter or {@code DATABASE_URL}. */
    protected boolean databaseConfigured() {
        return url != null && !url.isBlank() || System.getenv("DATABASE_URL") != null && !System.getenv("DATABASE_URL").isBlank();
    }

    /** Where the URL, user and password come from, in order: parameters, settings.xml server, the URL itself, DATABASE_URL. */
    private Connection connection() throws MojoFailureException {
        String configured = url != null && !url.isBlank() ? url : System.getenv("DATABASE_URL");
        if (configured == null || configured.isBlank()) {
            throw new MojoFailureException("No database is configured: set migrations.url (-Dmigrations.url=jdbc:postgresql://host:5432/db "
                    + "or <url> in the plugin configuration) or the DATABASE_URL environment variable.");
        }
        DatabaseUrl parsed = DatabaseUrl.parse(configured);
        String effectiveUser = parsed.user();
        String effectivePassword = parsed.password();
        if (serverId != null && !serverId.isBlank()) {
            Server server = server(serverId);
            effectiveUser = server.getUsername() != null ? server.getUsername() : effectiveUser;
            effectivePassword = server.getPassword() != null ? server.getPassword() : effectivePassword;
        }
        if (user != null && !user.isBlank()) {
            effectiveUser = user;
        }
        if (password != null && !password.isEmpty()) {
            effectivePassword = password;
        }
        return new Connection(parsed.jdbcUrl(), effectiveUser, effectivePassword);
    }

    private record Connection(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return DatabaseUrl.mask(jdbcUrl) + (user == null ? "" : " as " + user);
        }
    }

    private Server server(String id) throws MojoFailureException {
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            throw new MojoFailureException("migrations.serverId is '" + id + "' but settings.xml has no <server> with that id; add one "
                    + "with <username> and <password>, or fix the id.");
        }
        SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoFailureException("Cannot decrypt the password of server '" + id + "' in settings.xml: " + problem.getMessage());
            }
        }
        return result.getServer();
    }

    /** The project's compiled classes and runtime dependencies, with the plugin's own classes (Retort, Hibernate) first. */
    protected ClassLoader projectClassLoader() throws MojoFailureException {
        if (projectLoader != null) {
            return projectLoader;
        }
        File classes = new File(project.getBuild().getOutputDirectory());
        if (!classes.isDirectory() || isEmpty(classes)) {
            throw new MojoFailureException("The project's classes are not compiled (" + project.getBuild().getOutputDirectory()
                    + " is missing or empty); run mvn compile migrations:" + goal() + ".");
        }
        List<URL> urls = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                urls.add(new File(element).toURI().toURL());
            }
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoFailureException("Cannot build the project's class path: " + e.getMessage(), e);
        }
        projectLoader = new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
        return projectLoader;
    }

    private static boolean isEmpty(File directory) {
        try (var entries = Files.list(directory.toPath())) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
