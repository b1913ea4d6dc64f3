package dev.retort.fleet;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.config.SettingNames;
import dev.retort.config.Settings;
import dev.retort.internal.fleet.FleetSetup;
import dev.retort.internal.fleet.TargetList;
import dev.retort.revision.RevisionSource;

/**
 * Runs one command over a fleet: many databases, or many schemas on one database (a schema per tenant, each with its own
 * version and history tables), in parallel in one JVM.
 *
 * <pre>{@code
 * FleetReport report = FleetRunner.configure()
 *         .settings(settings)                       // url: the fleet's database; targets, tenantSchemas, targetsQuery
 *         .dataSource(dataSource)                   // or the application's own pool, for a fleet of schemas
 *         .targets(List.of(Target.schema("tenant_a"), Target.schema("tenant_b")))
 *         .options(FleetOptions.defaults().withParallel(8))
 *         .build()
 *         .run(FleetCommand.UPGRADE);
 * }</pre>
 *
 * Each target runs under its own lock with its own transactions, as a single run would; the revisions are read once.
 * A target already at head costs one query (when there are no repeatables, which need the history read). A failure
 * stops no other target unless {@link FleetOptions#failFast()} says so; the report says which failed and why.
 */
public final class FleetRunner {

    private final Settings settings;
    private final FleetSetup setup;
    private final List<Target> targets;
    private final FleetOptions options;
    private final FleetListener listener;
    private final ClassLoader classLoader;
    private final RevisionSource revisions;
    private final SettingNames names;
    private final String serialReason;

    private FleetRunner(Builder b) {
        this.settings = b.settings;
        this.setup = new FleetSetup(b.settings, b.dataSource);
        List<Target> all = new ArrayList<>(b.targets);
        for (Target t : TargetList.read(b.settings, TargetList.named(b.settings) ? setup.fleetDatabase() : null, b.input)) {
            if (all.stream().noneMatch(known -> known.name().equals(t.name()))) {
                all.add(t);
            }
        }
        this.targets = List.copyOf(all);
        FleetOptions asked = b.options != null ? b.options : FleetOptions.from(b.settings, b.environment);
        this.serialReason = asked.parallel() > 1 ? setup.oneAtATime(targets) : null;
        this.options = serialReason != null ? asked.withParallel(1) : asked;
        this.listener = b.listener;
        this.classLoader = b.classLoader != null ? b.classLoader : contextClassLoader();
        this.revisions = b.revisions;
        this.names = b.names;
    }

    /** Starts a configuration. */
    public static Builder configure() {
        return new Builder();
    }

    /** Whether the settings name a fleet: {@code targets}, {@code tenantSchemas} or {@code targetsQuery}. */
    public static boolean isFleet(Settings settings) {
        return TargetList.named(settings);
    }

    /** Every target of the fleet, before sharding, in the order their sources list them. */
    public List<Target> targets() {
        return targets;
    }

    /** The targets this run takes: its shard of the fleet. */
    public List<Target> shardTargets() {
        return options.shard().of(targets);
    }

    /** The options it runs with. */
    public FleetOptions options() {
        return options;
    }

    /**
     * Why this fleet runs its targets one at a time although more were asked for at once (its database's schema changes
     * lock the whole catalog), or empty.
     */
    public java.util.Optional<String> whyOneAtATime() {
        return java.util.Optional.ofNullable(serialReason);
    }

    /** The settings every target runs with, but for its database or schema. */
    public Settings settings() {
        return settings;
    }

    /** Runs the command over this run's shard of the fleet; never throws for one target's failure, which the report holds. */
    public FleetReport run(FleetCommand command) {
        return setup.run(command, targets, options, listener, classLoader, revisions, names);
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : FleetRunner.class.getClassLoader();
    }

    /** Configuration of a {@link FleetRunner}. */
    public static final class Builder {
        private Settings settings = Settings.defaults();
        private DataSource dataSource;
        private final List<Target> targets = new ArrayList<>();
        private FleetOptions options;
        private FleetListener listener = FleetListener.none();
        private ClassLoader classLoader;
        private RevisionSource revisions;
        private Map<String, String> environment = Map.of();
        private InputStream input = System.in;
        private SettingNames names = SettingNames.PROPERTIES;

        private Builder() {
        }

        /** The settings: the fleet's database ({@code url}), its sources of targets and options, and what every target runs with. */
        public Builder settings(Settings value) {
            this.settings = value;
            return this;
        }

        /** The fleet's database as a data source the caller owns (a fleet of schemas, a targets query); Retort does not close it. */
        public Builder dataSource(DataSource value) {
            this.dataSource = value;
            return this;
        }

        /** Targets given directly, before those the settings name. */
        public Builder targets(List<Target> value) {
            this.targets.addAll(value);
            return this;
        }

        /** How it runs; default what the settings say ({@code parallel}, {@code failFast}, {@code canary}, {@code shard}). */
        public Builder options(FleetOptions value) {
            this.options = value;
            return this;
        }

        /** Receives progress. */
        public Builder listener(FleetListener value) {
            this.listener = value;
            return this;
        }

        /** The class loader to find migrations with; default the thread's context class loader. */
        public Builder classLoader(ClassLoader value) {
            this.classLoader = value;
            return this;
        }

        /** Where the revisions come from, instead of scanning the migrations package. */
        public Builder revisions(RevisionSource value) {
            this.revisions = value;
            return this;
        }

        /** The environment, for a Kubernetes Indexed Job's {@code JOB_COMPLETION_INDEX} and {@code JOB_COMPLETIONS}. */
        public Builder environment(Map<String, String> value) {
            this.environment = value;
            return this;
        }

        /** Where {@code targets} {@code -} reads from; default standard input. */
        public Builder input(InputStream value) {
            this.input = value;
            return this;
        }

        /** How messages name settings: the calling entry point's words. */
        public Builder names(SettingNames value) {
            this.names = value;
            return this;
        }

        /** Reads the targets (running the targets query, if any); runs nothing. */
        public FleetRunner build() {
            return new FleetRunner(this);
        }
    }
}
