package dev.retort;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.retort.codegen.MigrationSource;
import dev.retort.dialect.PostgresDialect;
import dev.retort.diff.Comparison;
import dev.retort.diff.SchemaDiffer;
import dev.retort.report.RevisionStatus;
import dev.retort.revision.MigrationScanner;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;
import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.Engine;
import dev.retort.runtime.LoggingListener;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.RuntimeSettings;
import dev.retort.schema.PostgresIntrospector;
import dev.retort.schema.SchemaModel;

/**
 * Retort's entry point, shared by applications that migrate on boot, the Maven plugin and the CLI.
 *
 * <pre>{@code
 * try (Retort retort = Retort.configure().dataSource(ds).load()) {
 *     retort.upgrade();
 * }
 * }</pre>
 *
 * Loading scans and validates the migrations; nothing connects to the database until a command runs.
 */
public final class Retort implements AutoCloseable {

    /** The package migrations live in unless configured otherwise. */
    public static final String DEFAULT_PACKAGE = "db.migrations";

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final RevisionGraph graph;
    private final Engine engine;

    private Retort(DataSource dataSource, HikariDataSource ownedPool, RevisionGraph graph, Engine engine) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.graph = graph;
        this.engine = engine;
    }

    /** Starts a configuration. */
    public static Builder configure() {
        return new Builder();
    }

    /** The validated revision graph. */
    public RevisionGraph graph() {
        return graph;
    }

    /** The data source runs use. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Upgrades to the single head. */
    public RunResult upgrade() {
        return upgrade("head");
    }

    /** Upgrades to a target in Alembic's syntax ({@code head}, {@code heads}, an id or prefix, {@code +2}, {@code ae10+1}). */
    public RunResult upgrade(String target) {
        return engine.upgrade(target);
    }

    /** Downgrades to a target ({@code -1}, {@code base}, an id or prefix, {@code ae10-1}). */
    public RunResult downgrade(String target) {
        return engine.downgrade(target);
    }

    /** Writes the target to the version table without running migrations. */
    public RunResult stamp(String target) {
        return engine.stamp(target, false);
    }

    /** Like {@link #stamp(String)}; with {@code purge}, rows the migrations do not know are cleared first. */
    public RunResult stamp(String target, boolean purge) {
        return engine.stamp(target, purge);
    }

    /** The SQL an upgrade from the database's current revision to the target would run. Executes nothing. */
    public String upgradeSql(String target) {
        return engine.upgradeScript(target);
    }

    /** The SQL a downgrade from the database's current revision to the target would run. Executes nothing. */
    public String downgradeSql(String target) {
        return engine.downgradeScript(target);
    }

    /** The SQL of an upgrade from the given revisions (empty for base); needs no database. */
    public String upgradeSql(Set<String> from, String target) {
        return engine.upgradeScript(from, target);
    }

    /** The database's current heads; empty at base. */
    public Set<String> currentHeads() {
        return engine.currentHeads();
    }

    /** Every revision, oldest first, with what the database says of it. */
    public List<RevisionStatus> status() {
        Set<String> current = engine.currentHeads();
        Set<String> applied = applied(current);
        Map<String, Instant> appliedAt = new HashMap<>();
        for (AppliedStep step : engine.log()) {
            if (step.success() && "up".equals(step.direction())) {
                appliedAt.put(step.revision(), step.appliedAt());
            }
        }
        Set<String> heads = Set.copyOf(graph.heads());
        List<RevisionStatus> statuses = new ArrayList<>(graph.size());
        for (RevisionScript script : graph.revisions()) {
            String id = script.id();
            statuses.add(new RevisionStatus(script, heads.contains(id), current.contains(id), applied.contains(id),
                    graph.isBranchPoint(id), graph.isMergePoint(id), applied.contains(id) ? appliedAt.get(id) : null));
        }
        return statuses;
    }

    /** The history table, oldest first. */
    public List<AppliedStep> log() {
        return engine.log();
    }

    /** The SHA-256 of the SQL a revision's upgrade renders to. */
    public String checksum(String revision) {
        return engine.checksum(graph.resolve(revision));
    }

    /**
     * Reads the live schema of the target's schemas (Retort's own tables excluded), in a fixed
     * number of catalog queries.
     */
    public SchemaModel introspect(Set<String> schemas) {
        return engine.read("the database schema", c -> PostgresIntrospector.excludingRetortTables().read(c, schemas));
    }

    /** What it takes to bring the database's schema to the target model. Reads only. */
    public Comparison compare(SchemaModel target) {
        return SchemaDiffer.compare(target, introspect(target.schemas()));
    }

    /**
     * Autogenerate: compares the target model with the database and writes the difference as a new
     * revision whose parent is the current head. The database must be at head, as the new revision
     * is computed from its schema.
     *
     * @param target      the schema the entities describe
     * @param message     the revision message
     * @param sourceRoot  where to write the file ({@code src/main/java})
     * @param packageName the migrations package
     * @return the result; {@link Generated#file()} is null when no change was detected
     * @throws RetortException when the database is not at head or the graph has several heads
     */
    public Generated generate(SchemaModel target, String message, Path sourceRoot, String packageName) {
        List<String> parents = requireAtHead();
        Comparison comparison = compare(target);
        if (comparison.isEmpty()) {
            return new Generated(null, null, comparison);
        }
        MigrationSource source = MigrationSource.write(packageName, MigrationSource.newRevisionId(), parents, message, comparison);
        return new Generated(source, source.writeTo(sourceRoot), comparison);
    }

    /** Writes an empty revision on top of the current head(s), to fill in by hand. Needs no database. */
    public Generated generateEmpty(String message, Path sourceRoot, String packageName) {
        MigrationSource source = MigrationSource.write(packageName, MigrationSource.newRevisionId(), graph.heads(), message,
                new Comparison(List.of()));
        return new Generated(source, source.writeTo(sourceRoot), new Comparison(List.of()));
    }

    /** The revisions the current heads stand on; none when the version table names a revision the graph lacks. */
    private Set<String> applied(Set<String> current) {
        return current.stream().allMatch(graph::contains) ? graph.ancestorsInclusive(current) : Set.of();
    }

    private List<String> requireAtHead() {
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            throw new RetortException("There are " + heads.size() + " heads (" + String.join(", ", heads) + "); merge them before "
                    + "generating a new revision.");
        }
        Set<String> current = engine.currentHeads();
        if (!current.equals(Set.copyOf(heads))) {
            Set<String> applied = applied(current);
            List<String> pending = graph.revisions().stream().map(RevisionScript::id).filter(id -> !applied.contains(id)).toList();
            throw new RetortException("The database is not at head: " + (pending.isEmpty() ? "it is at " + current
                    : pending.size() + " revision(s) pending (" + String.join(", ", pending) + ")")
                    + ". Run upgrade first, so the new revision is computed from the latest schema.");
        }
        return heads;
    }

    /**
     * What {@link #generate} produced.
     *
     * @param source     the new migration, or null when nothing changed
     * @param file       where it was written, or null
     * @param comparison the changes found
     */
    public record Generated(MigrationSource source, Path file, Comparison comparison) {

        /** Whether no change was detected (and no file written). */
        public boolean nothingToDo() {
            return file == null;
        }
    }

    /** Closes the connection pool Retort made for a URL; a data source passed in is left open. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    /** Configuration of a {@link Retort}. */
    public static final class Builder {
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private String migrationsPackage = DEFAULT_PACKAGE;
        private ClassLoader classLoader;
        private Collection<RevisionScript> revisions;
        private RuntimeSettings settings = RuntimeSettings.defaults();
        private MigrationListener listener;

        private Builder() {
        }

        /** The database, as a data source the application already has. */
        public Builder dataSource(DataSource value) {
            this.dataSource = value;
            return this;
        }

        /** The database as a URL ({@code jdbc:postgresql://…} or {@code postgresql://user:pass@host/db}); Retort pools it with HikariCP. */
        public Builder url(String value) {
            this.url = value;
            return this;
        }

        /** The user for {@link #url}; overrides one given in the URL. */
        public Builder user(String value) {
            this.user = value;
            return this;
        }

        /** The password for {@link #url}; overrides one given in the URL. Never printed. */
        public Builder password(String value) {
            this.password = value;
            return this;
        }

        /** The package holding the migration classes (sub-packages included); default {@code db.migrations}. */
        public Builder migrationsPackage(String value) {
            this.migrationsPackage = value;
            return this;
        }

        /** The class loader to find migrations with; default the thread's context class loader. */
        public Builder classLoader(ClassLoader value) {
            this.classLoader = value;
            return this;
        }

        /** Uses these revisions instead of scanning a package. */
        public Builder revisions(Collection<RevisionScript> value) {
            this.revisions = List.copyOf(value);
            return this;
        }

        /** The schema of Retort's version and history tables; default the connection's search path. */
        public Builder schema(String value) {
            this.settings = settings.withSchema(value);
            return this;
        }

        /** How long a run waits for another run's lock; default one minute. */
        public Builder lockTimeout(Duration value) {
            this.settings = settings.withLockTimeout(value);
            return this;
        }

        /** Receives progress; default logs through {@code System.Logger} "dev.retort". */
        public Builder listener(MigrationListener value) {
            this.listener = value;
            return this;
        }

        /**
         * Finds and validates the migrations and prepares the connection; does not connect yet. Without a
         * data source or URL, only what needs no database works (the graph, offline SQL from given revisions,
         * empty revisions); the rest fails saying that no database is configured.
         *
         * @throws RetortException when the configuration or the revision graph is not valid
         */
        public Retort load() {
            RevisionGraph graph = RevisionGraph.of(revisions != null ? revisions
                    : new MigrationScanner(classLoader != null ? classLoader : contextClassLoader()).scan(migrationsPackage));
            HikariDataSource pool = null;
            DataSource ds = dataSource;
            if (ds == null && url != null) {
                pool = pool();
                ds = pool;
            }
            Engine engine = new Engine(ds, graph, new PostgresDialect(), settings,
                    listener != null ? listener : new LoggingListener());
            return new Retort(ds, pool, graph, engine);
        }

        private static ClassLoader contextClassLoader() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return loader != null ? loader : Retort.class.getClassLoader();
        }

        private HikariDataSource pool() {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(parsed.jdbcUrl());
            String effectiveUser = user != null ? user : parsed.user();
            String effectivePassword = password != null ? password : parsed.password();
            if (effectiveUser != null) {
                config.setUsername(effectiveUser);
            }
            if (effectivePassword != null) {
                config.setPassword(effectivePassword);
            }
            config.setPoolName("retort");
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(0);
            // Connect lazily, so loading never needs the database and connection errors surface in the command.
            config.setInitializationFailTimeout(-1);
            config.setConnectionTimeout(10_000);
            return new HikariDataSource(config);
        }
    }
}
