package dev.retort.internal.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.retort.Callback;
import dev.retort.RetortException;
import dev.retort.config.SettingNames;
import dev.retort.config.Settings;
import dev.retort.fleet.FleetCommand;
import dev.retort.fleet.FleetListener;
import dev.retort.fleet.FleetOptions;
import dev.retort.fleet.FleetReport;
import dev.retort.fleet.Target;
import dev.retort.internal.jdbc.DriverDataSource;
import dev.retort.platform.DatabaseUrl;
import dev.retort.platform.Platform;
import dev.retort.platform.Platforms;
import dev.retort.revision.RepeatableScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;
import dev.retort.revision.RevisionSource;

/**
 * Sets a fleet run up: the revisions read once for every target, one bounded connection pool (twice {@code parallel}
 * connections: a run holds its lock's connection and may open one more for reads), each target's database on it, then
 * the execution.
 */
public final class FleetSetup {

    private static final String APPLICATION_NAME = "retort";
    /** The pool key of the fleet's own database, the one schema targets share. */
    private static final String FLEET_DATABASE = "fleet database";

    private final Settings settings;
    private final DataSource fleetDatabase;
    private final Platform fleetPlatform;

    /**
     * @param settings     the fleet's settings: the fleet's database (for schema targets and the targets query) and
     *                     everything each target runs with
     * @param dataSource   the fleet's database as a data source the caller owns, or null to connect with the settings' URL
     */
    public FleetSetup(Settings settings, DataSource dataSource) {
        this.settings = settings;
        this.fleetPlatform = dataSource != null ? Platforms.forDataSource(dataSource)
                : settings.hasDatabase() ? Platforms.forUrl(settings.jdbcUrl()) : null;
        this.fleetDatabase = dataSource != null ? dataSource : settings.hasDatabase() ? driver(fleetPlatform, settings.jdbcUrl(), settings.user(),
                settings.password()) : null;
    }

    /**
     * Why the targets run one at a time whatever was asked, or null when they may run in parallel: schemas of one database
     * whose schema changes lock its whole catalog.
     */
    public String oneAtATime(List<Target> targets) {
        return fleetPlatform != null && fleetPlatform.catalogLockedBySchemaChanges() && targets.stream().anyMatch(Target::isSchema)
                ? fleetPlatform.name() + " locks its whole catalog for each schema change, so its schemas are migrated one at a time"
                : null;
    }

    /** The fleet's database, where a targets query runs; null when none is configured. */
    public DataSource fleetDatabase() {
        return fleetDatabase;
    }

    /**
     * Runs the command over the targets.
     *
     * @param revisions where the revisions come from, or null to scan the class loader as one Retort would
     */
    public FleetReport run(FleetCommand command, List<Target> targets, FleetOptions options, FleetListener listener, ClassLoader classLoader,
                           RevisionSource revisions, SettingNames names) {
        if (TargetList.needsFleetDatabase(targets) && fleetDatabase == null) {
            throw new RetortException("A fleet of schemas runs on one database, and none is configured: set {url} or DATABASE_URL.");
        }
        Platform first = fleetPlatform != null ? fleetPlatform : firstPlatform(targets);
        RevisionSource source = once(revisions != null ? revisions : RevisionSource.classPath(classLoader, settings.migrationsPackage(),
                settings.sqlLocation(), () -> first == null ? Platforms.only().dialect() : first.dialect()));
        RevisionGraph graph = RevisionGraph.of(source.revisions(), source.describe());
        List<String> heads = List.copyOf(new TreeSet<>(graph.heads()));
        TargetRun run = new TargetRun(command, names, heads, source.repeatables().isEmpty());
        try (ConnectionPool pool = new ConnectionPool(2 * options.parallel())) {
            FleetExecution execution = new FleetExecution(command, options, listener, target -> {
                TargetDatabase database;
                try {
                    database = database(target, pool, source, listener, command.writes());
                } catch (RetortException e) {
                    // A URL no platform module on the class path accepts, for one: this target fails, the others run.
                    return new dev.retort.fleet.TargetResult(target, null, null, 0, java.time.Duration.ZERO,
                            dev.retort.fleet.TargetResult.Outcome.FAILED, e.getMessage(names));
                }
                try {
                    return run.run(target, database);
                } finally {
                    if (!target.isSchema()) {
                        pool.evict(key(target));
                    }
                }
            });
            return execution.run(options.shard().of(targets));
        }
    }

    private TargetDatabase database(Target target, ConnectionPool pool, RevisionSource source, FleetListener listener, boolean writes) {
        if (target.isSchema()) {
            Settings own = settings.toBuilder().set(dev.retort.config.Setting.SCHEMA, target.schema()).build();
            return new TargetDatabase(fleetPlatform, own, pool, FLEET_DATABASE, fleetDatabase::getConnection, target.schema(), writes, source,
                    listener.forTarget(target));
        }
        DatabaseUrl url = Platforms.parseUrl(target.url());
        Platform platform = Platforms.forUrl(url.jdbcUrl());
        String user = url.user() != null ? url.user() : settings.user();
        String password = url.password() != null ? url.password() : settings.password();
        Settings own = settings.withDatabase(url.jdbcUrl(), user, password);
        if (settings.schema() != null) {
            own = own.toBuilder().set(dev.retort.config.Setting.SCHEMA, settings.schema()).build();
        }
        DataSource driver = driver(platform, url.jdbcUrl(), user, password);
        return new TargetDatabase(platform, own, pool, key(target), driver::getConnection, null, false, source, listener.forTarget(target));
    }

    /** The platform of the first database target a platform module accepts (a target none accepts fails on its own), or null. */
    private static Platform firstPlatform(List<Target> targets) {
        for (Target target : targets) {
            if (!target.isSchema()) {
                try {
                    return Platforms.forUrl(Platforms.parseUrl(target.url()).jdbcUrl());
                } catch (RetortException e) {
                    // that target's own failure, reported with it
                }
            }
        }
        return null;
    }

    private static String key(Target target) {
        return "target " + target.url();
    }

    private DataSource driver(Platform platform, String jdbcUrl, String user, String password) {
        return new DriverDataSource(jdbcUrl, user, password, platform.connectionProperties(APPLICATION_NAME, settings.connectTimeout()),
                platform.driver());
    }

    /** A source read once: every target's Retort gets the same revisions, repeatables and callbacks without a scan. */
    private static RevisionSource once(RevisionSource source) {
        List<RevisionScript> revisions = List.copyOf(source.revisions());
        List<RepeatableScript> repeatables = List.copyOf(source.repeatables());
        List<Callback> callbacks = new ArrayList<>(source.callbacks());
        String description = source.describe();
        return new RevisionSource() {
            @Override
            public List<RevisionScript> revisions() {
                return revisions;
            }

            @Override
            public List<RepeatableScript> repeatables() {
                return repeatables;
            }

            @Override
            public List<Callback> callbacks() {
                return callbacks;
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
