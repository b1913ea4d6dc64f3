package dev.retort.maven;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.config.Setting;
import dev.retort.config.SettingNames;
import dev.retort.config.Settings;
import dev.retort.internal.Messages;

/**
 * What every goal shares: where the migrations are, turning the parameters into Retort's one {@link Settings}, and
 * turning Retort's errors into one-line build failures worded for Maven. A goal maps its own parameters, makes one
 * call and prints the result. Goals that read only the revisions (branches, merge) extend this class; those that render
 * SQL, connect or write extend the classes that add those parameters, so each goal's help lists what it uses.
 */
abstract class AbstractRetortMojo extends AbstractMojo {

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

    /** Skip this goal. */
    @Parameter(property = "migrations.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

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
            if (dev.retort.fleet.FleetRunner.isFleet(settings) && usesDatabase()) {
                dev.retort.fleet.FleetReport report = new FleetGoal(getLog(), goal()).run(fleetCommand(), settings, classes.get());
                fleetFinished(report);
                if (!report.succeeded()) {
                    throw new MojoFailureException(report.totals());
                }
            } else {
                run(retort);
            }
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

    private Retort open() throws MojoFailureException {
        Settings.Builder builder = Settings.builder().environment(System.getenv())
                .set(Setting.PACKAGE, packageName).set(Setting.SQL_LOCATION, sqlLocation);
        configure(builder);
        settings = builder.build();
        if (namesNoPlatform(settings)) {
            var driver = ProjectDriver.platform(project);
            if (driver.isPresent()) {
                getLog().debug("Platform: " + driver.get().id() + ", the project's JDBC driver's.");
                settings = builder.set(Setting.PLATFORM, driver.get().id()).build();
            }
        }
        if (settings.hasDatabase() && usesDatabase()) {
            getLog().info("Database: " + settings.describeDatabase());
        }
        return Retort.configure().settings(settings).classLoader(classes.get()).listener(new MavenListener(getLog())).load();
    }

    /** Whether nothing the user set says which database this is: then the project's JDBC driver may. */
    private static boolean namesNoPlatform(Settings settings) {
        return settings.platform() == null && !settings.hasDatabase() && settings.platforms().isEmpty()
                && (settings.devDatabase() == null || !settings.devDatabase().contains(":"));
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
        return false;
    }

    /** Adds the goal's own settings; a subclass calls its superclass's first. */
    protected void configure(Settings.Builder builder) throws MojoFailureException {
    }

    /** What the goal does on each target of a fleet ({@code targets}, {@code tenantSchemas}, {@code targetsQuery}); null: it runs on one database only. */
    protected dev.retort.fleet.FleetCommand fleetCommand() throws MojoFailureException {
        return null;
    }

    /** After a fleet run, before a failed target fails the build: what the goal adds to the summary it logged (sql: the files). */
    protected void fleetFinished(dev.retort.fleet.FleetReport report) throws MojoFailureException {
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
