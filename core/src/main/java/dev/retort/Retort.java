package dev.retort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.retort.command.AppliedStep;
import dev.retort.command.CheckResult;
import dev.retort.command.Cleaned;
import dev.retort.command.Deployability;
import dev.retort.command.Direction;
import dev.retort.command.Generated;
import dev.retort.command.Heads;
import dev.retort.command.Plan;
import dev.retort.command.Problem;
import dev.retort.command.ReleaseReport;
import dev.retort.command.RevisionDetails;
import dev.retort.command.RepeatableStatus;
import dev.retort.command.RevisionStatus;
import dev.retort.command.RunResult;
import dev.retort.command.Script;
import dev.retort.command.Summary;
import dev.retort.command.Validation;
import dev.retort.command.Verification;
import dev.retort.platform.DatabaseUrl;
import dev.retort.config.Setting;
import dev.retort.config.SettingNames;
import dev.retort.config.Settings;
import dev.retort.internal.command.Authoring;
import dev.retort.internal.command.Deployment;
import dev.retort.internal.command.Inspection;
import dev.retort.internal.command.ProductionGuard;
import dev.retort.internal.command.Release;
import dev.retort.internal.command.Validator;
import dev.retort.internal.command.Verifier;
import dev.retort.internal.diff.ObjectFilter;
import dev.retort.internal.diff.SchemaDiffer;
import dev.retort.internal.revision.Discovered;
import dev.retort.internal.revision.MigrationClasses;
import dev.retort.internal.revision.PlaceholderValues;
import dev.retort.internal.runtime.RunExtras;
import dev.retort.internal.jdbc.DriverDataSource;
import dev.retort.internal.revision.RevisionIndex;
import dev.retort.internal.jdbc.SharedConnection;
import dev.retort.internal.lint.Linter;
import dev.retort.internal.lint.Portability;
import dev.retort.internal.runtime.Engine;
import dev.retort.internal.runtime.LoggingListener;
import dev.retort.internal.runtime.RuntimeSettings;
import dev.retort.lint.Finding;
import dev.retort.lint.LintReport;
import dev.retort.platform.CatalogReader;
import dev.retort.platform.DevDatabase;
import dev.retort.platform.Platform;
import dev.retort.platform.Platforms;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;
import dev.retort.revision.RevisionSource;
import dev.retort.schema.Comparison;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;
import dev.retort.schema.Table;

/**
 * Retort's entry point and its one set of commands, shared by applications that migrate on boot, the Maven
 * plugin and the command line: each goal or command is one call here.
 *
 * <pre>{@code
 * try (Retort retort = Retort.configure().dataSource(ds).load()) {
 *     retort.upgrade();
 * }
 * }</pre>
 *
 * Loading finds and validates the migrations; nothing connects to the database until a command needs it, and
 * commands that need none (the graph, offline scripts from given revisions, {@code show}, {@code merge}) work
 * without one.
 */
public final class Retort implements AutoCloseable {

    /** The package migrations live in unless configured otherwise. */
    public static final String DEFAULT_PACKAGE = "db.migrations";

    private static final String APPLICATION_NAME = "retort";
    /** The name of Retort's version table, in the {@code schema} setting's schema. */
    public static final String VERSION_TABLE = "retort_version";
    /** The name of Retort's history table, beside the version table. */
    public static final String HISTORY_TABLE = "retort_history";

    /** The dev database that needs nothing installed, where the platform has one. */
    private static final String EMBEDDED = "embedded";

    private final Settings settings;
    private final RevisionGraph graph;
    private final PlatformChoice platformChoice;
    private final MigrationListener listener;
    private final DataSource dataSource;
    private final RunExtras extras;
    /** What the revision source found beside the revisions, as a revision index records it. */
    private final Discovered found;
    private Engine engine;
    /** The application's version, recorded with each deploy and instance; null when not given. */
    private String applicationVersion;

    private Retort(Settings settings, RevisionGraph graph, PlatformChoice platform, MigrationListener listener, DataSource dataSource,
                   RunExtras extras, Discovered found) {
        this.settings = settings;
        this.graph = graph;
        this.platformChoice = platform;
        this.listener = listener;
        this.dataSource = dataSource;
        this.extras = extras;
        this.found = found;
    }

    /** Starts a configuration. */
    public static Builder configure() {
        return new Builder();
    }

    /** The engine over the configured database, made when a command first needs it (and with it, the platform()). */
    private synchronized Engine engine() {
        if (engine == null) {
            engine = newEngine(dataSource);
        }
        return engine;
    }

    /** The engine, for a command that must connect: without a database it says so before anything else is asked. */
    private Engine connected() {
        if (dataSource == null) {
            throw new RetortException("No database is configured: set {url} or the DATABASE_URL environment variable.");
        }
        return engine();
    }

    private Engine newEngine(DataSource database) {
        return newEngine(database, extras, listener, platform());
    }

    private Engine newEngine(DataSource database, RunExtras with) {
        return newEngine(database, with, listener, platform());
    }

    private Engine newEngine(DataSource database, RunExtras with, MigrationListener progress, Platform on) {
        return new Engine(database, graph, with, on, new RuntimeSettings(settings.schema(), VERSION_TABLE, HISTORY_TABLE,
                settings.lockTimeout(), settings.statementLockTimeout(), settings.statementTimeout(), settings.readTimeout(),
                settings.connectRetries()), progress);
    }

    /** The validated revision graph. */
    public RevisionGraph graph() {
        return graph;
    }

    /** The settings this instance runs with. */
    public Settings settings() {
        return settings;
    }

    /**
     * The database platform: the one given, the one the URL or the {@code platform} setting names, the one a data source's
     * metadata names (one connection, opened on first need), or the only one on the class path.
     *
     * @throws RetortException when it cannot be told which, saying what to set
     */
    public Platform platform() {
        return platformChoice.get();
    }

    /** The data source runs use, or null when no database is configured. */
    public DataSource dataSource() {
        return dataSource;
    }

    // ---- writing runs -------------------------------------------------------------------------

    /** Upgrades to the single head. */
    public RunResult upgrade() {
        return upgrade("head");
    }

    /**
     * Upgrades to a target in Alembic's syntax ({@code head}, {@code heads}, an id or prefix, {@code +2}, {@code ae10+1}).
     * Refuses, running nothing, when an applied migration was edited since it ran. To head, a contract revision whose
     * expand this run applies, or that a registered instance built before its expand still needs, is held back (with
     * what follows it), as a note says; name it as the target to apply it anyway.
     */
    public RunResult upgrade(String target) {
        guard().write("upgrade");
        if (dev.retort.internal.command.StartupUpgrade.applies(graph, target)) {
            // A contract waits for the old code to be gone ({@code docs/rolling-deploys.md}).
            return new dev.retort.internal.command.StartupUpgrade(graph, connected(), rollingTables(), listener).run(target);
        }
        return connected().upgrade(target);
    }

    /** Downgrades to a target ({@code -1}, {@code base}, an id or prefix, {@code ae10-1}). */
    public RunResult downgrade(String target) {
        guard().destructive("downgrade");
        return connected().downgrade(target);
    }

    /** Writes the target to the version table without running migrations. */
    public RunResult stamp(String target) {
        return stamp(target, false);
    }

    /** Like {@link #stamp(String)}; with {@code purge}, rows the migrations do not know are cleared first. */
    public RunResult stamp(String target, boolean purge) {
        if (purge) {
            guard().destructive("stamp with purge");
        } else {
            guard().write("stamp");
        }
        return connected().stamp(target, purge);
    }

    /**
     * After a deliberate edit of an applied migration (a comment, a reformatted statement, a fix the database already
     * has): records each edited migration's current checksum, so {@code upgrade} and {@code validate} accept it again.
     * Runs no migration.
     */
    public RunResult repair() {
        guard().destructive("repair");
        return connected().repair();
    }

    /**
     * Drops every object in the managed schemas ({@code schemas}, by default the schema of Retort's tables or the
     * connection's current one), Retort's tables included, for a development or test database to start again from base.
     * Refused in production whatever is confirmed, and everywhere unless {@code cleanEnabled} allows it (as Flyway's
     * {@code cleanDisabled}); {@link #release()} never cleans.
     */
    public Cleaned clean() {
        guard().clean();
        return engine().clean(settings.schemas());
    }

    /**
     * The release step of a deploy: production guard, validation, lint of the pending revisions (an error no migration
     * acknowledges refuses the release), upgrade to head, a check that the database is at head, and a report. Never throws for a refusal or a failed revision: the report says what happened, and
     * {@link ReleaseReport#succeeded()} whether the deploy may go on.
     */
    public ReleaseReport release() {
        return release(SettingNames.PROPERTIES);
    }

    /** As {@link #release()}, with the report's errors naming settings as the calling entry point does. */
    public ReleaseReport release(SettingNames names) {
        return new Release(graph, connected(), guard(), this::validate, from -> lintDatabase(from, "heads"), settings.environment(), names,
                this::baselineOnRelease).rolling(rollingTables(), applicationVersion).forceContracts(settings.forceContract()).run();
    }

    private dev.retort.internal.rolling.RollingTables rollingTables() {
        return new dev.retort.internal.rolling.RollingTables(connected().dataSource(), platform().dialect(), settings.schema());
    }

    /**
     * Registers this running instance with the head it was built with (refreshed while it runs, expiring within a minute
     * of its last refresh), so {@link #release()} holds a contract revision while code older than its expand runs. Close
     * the registration when the instance stops.
     */
    public RunningInstance registerInstance() {
        return registerInstance(java.time.Duration.ofSeconds(60));
    }

    /** As {@link #registerInstance()}, expiring {@code ttl} after its last refresh (refreshed every third of it). */
    public RunningInstance registerInstance(java.time.Duration ttl) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = null;
        }
        return new RunningInstance(new dev.retort.internal.rolling.Instances(rollingTables()), Set.copyOf(graph.heads()),
                applicationVersion, host, ttl);
    }

    /**
     * With {@code baselineOnRelease} set, a database that has no Retort tables but holds a schema is adopted at that
     * revision when its schema (what Retort compares: the object filter applied) equals the one the revisions build up to
     * there on a dev database (the configured one, else an embedded one): stamped there, so the release upgrades from it.
     * Otherwise the release is refused, naming the differences. Null when there is nothing to adopt.
     */
    private Release.Baseline baselineOnRelease() {
        String target = settings.baselineOnRelease();
        if (graph.isEmpty() || engine().hasRetortTables()) {
            return null;
        }
        Set<String> schemas = engine().read("the managed schemas", c -> settings.schemas().isEmpty()
                ? Set.of(settings.schema() != null && !settings.schema().isEmpty() ? settings.schema() : platform().currentSchema(c))
                : Set.copyOf(settings.schemas()));
        SchemaModel live = introspect(engine(), schemas);
        if (live.tables().isEmpty()) {
            return null; // an empty database: the release builds it from base
        }
        if (target == null) {
            String first = graph.revisions().get(0).id();
            String found = engine().alreadyThere(first).describe(graph.get(first));
            List<String> names = live.tables().stream().map(Table::name).limit(5).toList();
            return new Release.Baseline(null, "The database has no Retort tables but already holds " + live.tables().size() + " table(s) ("
                    + String.join(", ", names) + (live.tables().size() > names.size() ? ", …" : "") + "), so a release from base would fail "
                    + "on them. " + (found.isEmpty() ? "" : found + " ") + "If it holds the schema of a revision, set {baselineOnRelease} to "
                    + "that revision: release then compares the two and adopts it there, or names what differs. Nothing was changed.",
                    List.of(new Problem(Problem.Kind.OBJECTS_EXIST, first, "the database has no Retort tables but holds tables already")));
        }
        String revision = "head".equals(target) ? new dev.retort.internal.revision.Targets(graph).head() : graph.resolve(target);
        String spec = usesDevDatabase() ? settings.devDatabase() : EMBEDDED;
        SchemaModel atRevision = onDevDatabase(spec, false, dev -> {
            // The replay is no step of the release: quiet, but for one line saying what it built.
            newEngine(dev.dataSource(), extras.withoutCallbacks(), MigrationListener.none(), platform()).upgrade(revision, false);
            listener.note("Dev database: built the schema at " + revision + " to compare the database with.");
            return introspect(dev, schemas);
        });
        Comparison differences = SchemaDiffer.compare(platform(), atRevision, live);
        if (differences.isEmpty()) {
            engine().stamp(revision, false);
            return new Release.Baseline("the database had no Retort tables and its schema equals revision " + revision + "'s, so it was "
                    + "stamped at " + revision + " ({baselineOnRelease}) before the upgrade", null, List.of());
        }
        List<Problem> problems = differences.changes().stream().map(change -> new Problem(Problem.Kind.BASELINE_DIFFERS, revision,
                "the database differs from the schema at " + revision + ": to match it, it would take " + change.summary())).toList();
        return new Release.Baseline(null, "The database has no Retort tables, and its schema is not the one at revision " + revision
                + ", so it was not adopted there ({baselineOnRelease}): " + problems.size() + " difference(s), the first: to match it, it "
                + "would take " + differences.changes().get(0).summary() + ". Bring the schema to revision " + revision + "'s, or, if the "
                + "differences are deliberate, adopt it by hand with stamp " + revision + " and let check report them. Nothing was "
                + "changed.", problems);
    }

    /**
     * Whether this artifact (these migrations) may run against the database: yes when the database is at a revision
     * it knows, no when the database is at one it does not (a newer version migrated it). Reads only.
     */
    public Deployability checkDeployable() {
        return new Deployment(graph, connected()).check(Set.copyOf(graph.heads()), graph.revisions().stream().map(RevisionScript::id)
                .collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * Whether another artifact may run against the database, from what its revision index records (its heads and the
     * revisions it knows). An older artifact is accepted when every revision the database has and it does not know is
     * backward compatible (an expand, or one that only adds: tables, nullable columns, indexes), which the result says of
     * each; refused, naming the revision, for a contract, a drop or a rename in place. Reads only.
     */
    public Deployability checkDeployable(Set<String> artifactHeads, Set<String> artifactRevisions) {
        return new Deployment(graph, connected(), script -> MigrationClasses.record(script, Direction.UP, platform().id()).recorded())
                .check(artifactHeads, artifactRevisions);
    }

    /**
     * The revision index of these migrations, to be packed into the application jar at
     * {@code <package path>/retort.revisions}: deploys then read it instead of scanning and rendering every migration,
     * and rollback scripts read the artifact's head from it.
     */
    public String revisionIndex() {
        return RevisionIndex.write(settings.migrationsPackage(), graph, engine()::checksum, found);
    }

    private ProductionGuard guard() {
        return new ProductionGuard(settings);
    }

    // ---- planning and offline scripts ----------------------------------------------------------

    /** The steps an upgrade or downgrade to the target would run from the database's current revision. Writes nothing. */
    public Plan plan(Direction direction, String target) {
        return engine().plan(direction, target, engine().currentHeads(), true);
    }

    /** The steps an upgrade or downgrade to the target would run from the given revisions (empty for base). Needs no database. */
    public Plan plan(Direction direction, Set<String> from, String target) {
        Set<String> resolved = new java.util.TreeSet<>();
        from.forEach(id -> resolved.add(graph.resolve(id)));
        return engine().plan(direction, target, resolved);
    }

    /** A plan as a SQL script for review; executes nothing. */
    public Script script(Plan plan) {
        return engine().script(plan);
    }

    /** The SQL an upgrade from the database's current revision to the target would run. Executes nothing. */
    public String upgradeSql(String target) {
        return script(plan(Direction.UP, target)).sql();
    }

    /** The SQL a downgrade from the database's current revision to the target would run. Executes nothing. */
    public String downgradeSql(String target) {
        return script(plan(Direction.DOWN, target)).sql();
    }

    /** The SQL of an upgrade from the given revisions (empty for base); needs no database. */
    public String upgradeSql(Set<String> from, String target) {
        return script(plan(Direction.UP, from, target)).sql();
    }

    /** The SQL of a downgrade from the given revisions to the target ({@code -1}, {@code base}, an id); needs no database. */
    public String downgradeSql(Set<String> from, String target) {
        return script(plan(Direction.DOWN, from, target)).sql();
    }

    // ---- looking -------------------------------------------------------------------------------

    /** The database's current heads; empty at base. */
    public Set<String> currentHeads() {
        return connected().currentHeads();
    }

    /** The database's current revisions that no migration declares: it is ahead of this code, or a migration was deleted. */
    public Set<String> unknownRevisions() {
        Set<String> unknown = new java.util.TreeSet<>(connected().currentHeads());
        unknown.removeIf(graph::contains);
        return unknown;
    }

    /** Every revision, oldest first, with what the database says of it. */
    public List<RevisionStatus> status() {
        return new Inspection(graph, connected()).status();
    }

    /**
     * Every repeatable revision, by name, with the checksum of what it renders now and what its last run recorded: pending
     * when they differ (or it never ran), so the next upgrade to head applies it. Without a database, all are pending.
     */
    public List<RepeatableStatus> repeatables() {
        return engine().repeatables().stream().map(r -> new RepeatableStatus(r.repeatable().id(), r.repeatable().message(),
                r.repeatable().source(), r.checksum(), r.recorded(), r.appliedAt())).toList();
    }

    /** The history table, oldest first. */
    public List<AppliedStep> log() {
        return connected().log();
    }

    /**
     * One revision ({@code head}, an id or a unique prefix) or repeatable (its name): its declaration, checksum and
     * statements. Needs no database.
     */
    public RevisionDetails show(String target) {
        if (!graph.contains(target) && extras.repeatable(target) != null) {
            return new Inspection(graph, engine()).showRepeatable(extras.repeatable(target));
        }
        return new Inspection(graph, engine()).show(target);
    }

    /** The SHA-256 of the SQL a revision's upgrade renders to. */
    public String checksum(String revision) {
        return engine().checksum(graph.resolve(revision));
    }

    // ---- validation ----------------------------------------------------------------------------

    /**
     * One head, no revision in the database the code does not know, no applied migration edited since it ran.
     * Without a database, only the graph is checked.
     */
    public Validation validate() {
        return validate(dataSource == null ? null : engine().currentHeads());
    }

    /** {@link #validate()} of a database at {@code current} (read already), or of the graph alone when null. */
    private Validation validate(Set<String> current) {
        Validator validator = new Validator(graph);
        List<Problem> problems = new ArrayList<>(validator.heads());
        if (current != null) {
            problems.addAll(validator.unknownRevisions(current));
            problems.addAll(validator.editedMigrations(engine(), current));
        }
        return new Validation(problems);
    }

    /**
     * The CI gate: {@link #validate()}, the database at head, and the entities equal to the schema the migrations
     * produce. With a dev database configured, the migrations are applied to it and the entities compared with it;
     * the configured database (if any) is checked for unknown revisions, edited migrations and being at head and, when
     * it is at head, compared with the migrations' schema too, so a change made to it by hand is reported as such.
     * Without one, the entities are compared with the configured database, and only when they differ are the
     * migrations replayed on an embedded database to tell whether the entities or the database changed. The result
     * says which checks ran against which database ({@link CheckResult#checks()}).
     */
    public CheckResult check(SchemaSource entities) {
        Validator validator = new Validator(graph);
        List<Problem> severalHeads = validator.heads();
        List<Problem> problems = new ArrayList<>(severalHeads);
        List<String> checks = new ArrayList<>();
        checks.add("Revisions: " + (severalHeads.isEmpty() ? graph.isEmpty() ? "none yet." : "one head, " + graph.heads().get(0) + "."
                : "several heads."));
        if (!settings.platforms().isEmpty()) {
            List<Problem> notPortable = portability();
            problems.addAll(notPortable);
            checks.add("Platforms: every revision rendered on " + String.join(", ", settings.platforms()) + (notPortable.isEmpty() ? "."
                    : "; " + notPortable.size() + " operation(s) one of them cannot run."));
        }
        if (!severalHeads.isEmpty()) {
            return new CheckResult(problems, List.of(), checks);
        }
        Set<String> current = usesDevDatabase() && dataSource == null ? null : engine().currentHeads();
        boolean atHead = false;
        if (current != null) {
            List<Problem> unknownOrEdited = new ArrayList<>(validator.unknownRevisions(current));
            unknownOrEdited.addAll(validator.editedMigrations(engine(), current));
            problems.addAll(unknownOrEdited);
            List<Problem> notAtHead = validator.atHead(current);
            atHead = notAtHead.isEmpty();
            problems.addAll(notAtHead);
            if (!atHead) {
                problems.addAll(objectsOfNextRevision(current));
            }
            checks.add("Database " + describeDatabase() + ": at " + Heads.describe(current) + (atHead ? " (head)" : ", not at head")
                    + "; revisions this code does not know and edited migrations: " + (unknownOrEdited.isEmpty() ? "none." : "see below."));
            if (!extras.repeatables().isEmpty()) {
                List<String> pending = engine().repeatables().stream().filter(Engine.RepeatableState::pending)
                        .map(r -> r.repeatable().id()).toList();
                checks.add("Repeatables: " + (pending.isEmpty() ? "every one applied as it is now." : pending.size() + " pending."));
                for (String name : pending) {
                    problems.add(new Problem(Problem.Kind.REPEATABLE_PENDING, name, "repeatable " + name + " changed since it last ran, "
                            + "or never ran: upgrade to head applies it"));
                }
            }
        }
        if (!usesDevDatabase() && !atHead) {
            checks.add("Entities: not compared, the database is not at head.");
            return new CheckResult(problems, List.of(), checks);
        }
        SchemaModel wanted;
        try {
            wanted = entities.read(platform());
        } catch (RetortException e) {
            List<Problem> all = new ArrayList<>(problems);
            all.add(Validator.unreadable(e));
            return new CheckResult(all, List.of(), checks);
        }
        if (usesDevDatabase()) {
            checks.add("Entities: compared with the schema the migrations build on the dev database (" + devDatabaseKind() + ").");
            if (current != null) {
                checks.add(atHead ? "Database: compared with the schema the migrations build, for changes made outside them."
                        : "Database: not compared with the schema the migrations build, as it is not at head.");
            }
            Engine database = atHead ? engine() : null;
            return onDevDatabase(settings.devDatabase(), true, dev -> drift(problems, wanted, dev, database, checks));
        }
        Comparison direct = compare(engine(), wanted);
        checks.add("Entities: compared with the database.");
        if (direct.isEmpty()) {
            return new CheckResult(problems, List.of(), checks);
        }
        listener.note("The entities differ from the database; replaying the migrations on an embedded database to tell "
                + "whether the entities or the database changed.");
        try {
            return onDevDatabase(EMBEDDED, true, dev -> drift(problems, wanted, dev, engine(), checks));
        } catch (RetortException e) {
            listener.note("Could not tell which side changed: " + e.getMessage());
            return Validator.withUnattributedDrift(problems, direct, checks);
        }
    }

    /**
     * Where one history serves several databases ({@code platforms}): every operation of every revision that one of the
     * others cannot run, both ways, named with the database; empty when {@code platforms} names no other. Reads no database.
     */
    public List<Problem> portability() {
        List<Problem> problems = new ArrayList<>();
        Set<String> all = new java.util.LinkedHashSet<>();
        graph.revisions().forEach(r -> all.add(r.id()));
        for (Platform other : otherPlatforms()) {
            for (Finding finding : new Linter(other, runsSetLockTimeout()).lintEach(graph, all).findings()) {
                if (finding.rule().equals(Linter.CANNOT_RENDER)) {
                    problems.add(new Problem(Problem.Kind.LINT_ERROR, finding.revision(), finding.on(other.id()).describe()));
                }
            }
        }
        return problems;
    }

    /** The configured database as it may be printed: its URL without the password, or the data source it was given as. */
    private String describeDatabase() {
        return settings.hasDatabase() ? settings.describeDatabase() : "(the application's data source)";
    }

    /** What kind of dev database is configured, for messages: {@code embedded}, {@code docker}, or a scratch server's URL. */
    private String devDatabaseKind() {
        String spec = settings.devDatabase();
        return spec.contains("://") || spec.startsWith("jdbc:") ? "a scratch database on " + DatabaseUrl.mask(spec) : spec;
    }

    /** A problem when the next pending revision's objects are already in the database, so upgrade would fail on them. */
    private List<Problem> objectsOfNextRevision(Set<String> current) {
        if (!current.stream().allMatch(graph::contains)) {
            return List.of();
        }
        List<dev.retort.command.Step> pending = engine().plan(Direction.UP, "heads", current).steps();
        if (pending.isEmpty()) {
            return List.of();
        }
        RevisionScript next = pending.get(0).revision();
        String found = engine().alreadyThere(next.id()).describe(next);
        return found.isEmpty() ? List.of() : List.of(new Problem(Problem.Kind.OBJECTS_EXIST, next.id(), "the next revision, " + next.id()
                + ", creates objects the database already has, so upgrade would fail on them. " + found));
    }

    /** Entities against the migrations' schema (on a dev database at head), and the configured database against it too. */
    private CheckResult drift(List<Problem> problems, SchemaModel wanted, Engine migrations, Engine database, List<String> checks) {
        Comparison entityDrift = compare(migrations, wanted);
        Comparison databaseDrift = database == null ? new Comparison(List.of())
                : compare(migrations, introspect(database, wanted.schemas()));
        return Validator.withDrift(problems, entityDrift, databaseDrift, checks);
    }

    // ---- safety --------------------------------------------------------------------------------

    /**
     * Lints the revisions an upgrade to head would apply. With a database configured, they are judged as the one run
     * that would apply them from its current revision (release's verdict: tables the run creates hold no rows yet);
     * without one, every revision is judged on its own, as a deploy that applies it to a database in use would. Findings
     * the migrations acknowledge are marked, not dropped.
     */
    public LintReport lint() {
        return lint("heads");
    }

    /** As {@link #lint()}, up to {@code target}. */
    public LintReport lint(String target) {
        if (dataSource == null) {
            Set<String> revisions = pending(Set.of(), target);
            return withRepeatables(acrossPlatforms(linter(), linter -> linter.lintEach(graph, revisions)), plan(Direction.UP, Set.of(), target));
        }
        return engine().sharingReads(() -> {
            Set<String> current = engine().currentHeads();
            Set<String> revisions = pending(current, target);
            boolean fresh = fresh(current, revisions);
            return withRepeatables(acrossPlatforms(linter(engine()), linter -> linter.lintRun(graph, revisions, fresh)),
                    engine().plan(Direction.UP, target, current, true));
        });
    }

    /** The report with the repeatables an upgrade along the plan applies. */
    private LintReport withRepeatables(LintReport report, Plan plan) {
        return linter().withRepeatables(report, plan.repeatables().stream().map(extras::repeatable).toList());
    }

    /**
     * Lints the revisions an upgrade from {@code from} (revision ids or prefixes; empty for base, taken as a fresh
     * database) to {@code target} would apply, as that one run. Needs no database: what lint knows of the schema comes
     * from replaying the revisions before them.
     */
    public LintReport lint(Set<String> from, String target) {
        Set<String> revisions = pending(from, target);
        return withRepeatables(acrossPlatforms(linter(), linter -> linter.lintRun(graph, revisions, from.isEmpty())), plan(Direction.UP, from, target));
    }

    /** The run from the database's revisions, {@code current}, on this database: what a release judges. */
    private LintReport lintDatabase(Set<String> current, String target) {
        Set<String> revisions = pending(current, target);
        return withRepeatables(linter(engine()).lintRun(graph, revisions, fresh(current, revisions)),
                engine().plan(Direction.UP, target, current, true));
    }

    /** Whether a run of these revisions from {@code current} builds the database from base: at base, with no table at all. */
    private boolean fresh(Set<String> current, Set<String> revisions) {
        return current.isEmpty() && !revisions.isEmpty() && engine().read("the database's tables", c -> {
            CatalogReader reader = platform().catalogReader(Retort::notOwnTable);
            return reader.read(c, reader.userSchemas(c)).tables().isEmpty();
        });
    }

    /**
     * A judgement of this database's linter, and, where one history serves several databases ({@code platforms}), the same
     * judgement for each of the others, its findings marked with the database they are about.
     */
    private LintReport acrossPlatforms(Linter own, Function<Linter, LintReport> judge) {
        LintReport report = judge.apply(own);
        List<Platform> others = otherPlatforms();
        if (others.isEmpty()) {
            return report;
        }
        List<Finding> findings = new ArrayList<>(report.findings());
        for (Platform other : others) {
            judge.apply(new Linter(other, runsSetLockTimeout())).findings().forEach(f -> findings.add(f.on(other.id())));
        }
        return new LintReport(report.revisions(), findings, report.basis() + ", on " + platform().id() + " and "
                + String.join(", ", others.stream().map(Platform::id).toList()));
    }

    /**
     * The databases the history serves besides this one ({@code platforms}).
     *
     * @throws RetortException when one of them has no platform module on the class path
     */
    private List<Platform> otherPlatforms() {
        return settings.platforms().stream().filter(id -> !id.equals(platform().id())).map(Platforms::named).toList();
    }

    private Set<String> pending(Set<String> from, String target) {
        Set<String> revisions = new java.util.LinkedHashSet<>();
        plan(Direction.UP, from, target).steps().forEach(step -> revisions.add(step.revision().id()));
        return revisions;
    }

    /** This database's linter offline: where its answers depend on the server's version, the version the platform assumes. */
    private Linter linter() {
        return new Linter(platform(), runsSetLockTimeout());
    }

    /** This database's linter as it judges the server the engine reaches: where its answers depend on the version, that server's. */
    private Linter linter(Engine database) {
        return new Linter(platform(), serverRules(database), runsSetLockTimeout());
    }

    private List<dev.retort.lint.LintRule> serverRules(Engine database) {
        return database.read("the server's version", c -> platform().lintRules(c.getMetaData()));
    }

    /** Whether the runs bound how long a revision's statement waits for a lock ({@code statementLockTimeout}). */
    private boolean runsSetLockTimeout() {
        return !settings.statementLockTimeout().isZero();
    }

    /**
     * pytest-alembic's checks on a throwaway database ({@code devDatabase}): one head; every revision, oldest first,
     * upgraded, downgraded and upgraded again, the schema after each downgrade equal to the one before its upgrade; the
     * schema at head equal to what the entities describe; every revision rendering the same SQL each time. Each problem
     * names its revision and the difference.
     *
     * @throws RetortException when no dev database is configured
     */
    public Verification verify(SchemaSource entities) {
        return verifyAgainst(java.util.Objects.requireNonNull(entities, "entities"));
    }

    /**
     * As {@link #verify(SchemaSource)}, without the comparison with the entities: the revisions alone, as the command
     * line in an application's jar can prove them.
     */
    public Verification verify() {
        return verifyAgainst(null);
    }

    private Verification verifyAgainst(SchemaSource entities) {
        long start = System.nanoTime();
        List<Problem> heads = new Validator(graph).heads();
        if (!heads.isEmpty()) {
            return new Verification(List.of(), heads, Duration.ofNanos(System.nanoTime() - start));
        }
        String here = devDatabaseFor(platform());
        if (here == null) {
            throw new RetortException("verify runs every revision up and down on a throwaway database, never on yours: set {devDatabase} "
                    + "to embedded, docker, or the JDBC URL of a scratch server.");
        }
        List<String> order = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(verifyOn(platform(), here, entities, order));
        List<String> verifiedOn = new ArrayList<>(List.of(platform().id()));
        List<String> skipped = new ArrayList<>();
        for (Platform other : otherPlatforms()) {
            String spec = devDatabaseFor(other);
            if (spec == null) {
                skipped.add(other.id() + ": no dev database; set {devDatabases} to " + other.id() + "=<the JDBC URL of a scratch server>"
                        + (other.defaultDevImage() == null ? "" : " or " + other.id() + "=docker") + " to verify there too.");
                continue;
            }
            listener.note("Verifying on " + other.name() + " as well.");
            verifyOn(other, spec, entities, new ArrayList<>())
                    .forEach(p -> problems.add(new Problem(p.kind(), p.revision(), "on " + other.name() + ": " + p.message())));
            verifiedOn.add(other.id());
        }
        return new Verification(order, problems, Duration.ofNanos(System.nanoTime() - start), verifiedOn, skipped);
    }

    /** The stairway on a dev database of this platform; the revisions stepped through are added to {@code order}. */
    private List<Problem> verifyOn(Platform on, String spec, SchemaSource entities, List<String> order) {
        return onDevDatabase(on, spec, false, dev -> {
            Verifier verifier = new Verifier(graph, on, dev, notOwnTable(), objectFilter(), !extras.repeatables().isEmpty());
            List<Problem> problems = verifier.verify(entities);
            order.addAll(verifier.order());
            return problems;
        });
    }

    /**
     * The dev database spec for a platform: {@code devDatabase} for the database at hand, else its {@code devDatabases}
     * entry, else, where the history serves several databases, the platform's own that needs nothing installed; null
     * when there is none.
     */
    private String devDatabaseFor(Platform on) {
        if (on == platform() && settings.devDatabase() != null) {
            return settings.devDatabase();
        }
        String given = settings.devDatabases().get(on.id());
        if (given != null) {
            return given;
        }
        return settings.platforms().isEmpty() ? null : on.defaultDevDatabase();
    }

    // ---- authoring -----------------------------------------------------------------------------

    /**
     * Autogenerate: compares the schema the source describes with the database at head (or, when configured, a
     * dev database upgraded to head) and writes the difference as a new revision on top of the head, into the
     * configured source directory and package. Where the {@code rolling} setting says the application is deployed
     * rolling, this is {@link #generateRolling(SchemaSource, String)}.
     *
     * @return what was written; {@link Generated#nothingToDo()} when no change was found
     * @throws RetortException when the graph has several heads or the database is not at head
     */
    public Generated generate(SchemaSource entities, String message) {
        return generate(entities, message, false);
    }

    /**
     * Autogenerate, as {@link #generate(SchemaSource, String)}; with {@code safe}, each change a lint rule knows a safe
     * form for is written that way: what must commit step by step (indexes built {@code CONCURRENTLY}, constraints
     * validated after being added unvalidated, NOT NULL set through a validated check) goes into a second,
     * non-transactional revision on top of the first ({@link Generated#followUp()}).
     *
     * @throws RetortException with {@code safe} where the {@code rolling} setting is true: the two are different splits
     */
    public Generated generate(SchemaSource entities, String message, boolean safe) {
        if (settings.rolling()) {
            if (safe) {
                throw new RetortException("generate writes a change either as expand, backfill and contract or in its safe forms, not both: "
                        + "{rolling} is true (from " + settings.origin(Setting.ROLLING) + "); set it false for this run to write the safe forms.");
            }
            return generateRolling(entities, message);
        }
        requireMessage(message);
        Authoring authoring = authoring();
        authoring.requireSingleHead();
        SchemaModel target = entities.read(platform());
        if (usesDevDatabase()) {
            return onDevDatabase(settings.devDatabase(), true, dev -> write(authoring, message, dev, target, safe));
        }
        authoring.requireAtHead(engine().currentHeads());
        return write(authoring, message, engine(), target, safe);
    }

    private Generated write(Authoring authoring, String message, Engine database, SchemaModel wanted, boolean safe) {
        return write(authoring, message, database, wanted, safe, false);
    }

    private Generated write(Authoring authoring, String message, Engine database, SchemaModel wanted, boolean safe, boolean rolling) {
        SchemaModel target = objectFilter().apply(wanted);
        SchemaModel current = introspect(database, target.schemas());
        Comparison comparison = SchemaDiffer.compare(platform(), target, current);
        Authoring judged = authoring.judgedBy(serverRules(database));
        return rolling ? judged.writeRolling(message, comparison, current) : judged.write(message, comparison, current, safe);
    }

    /**
     * Autogenerate for an application deployed rolling (old and new code running at once during a deploy): a change the
     * version still running cannot survive is written as an expand revision, a backfill revision where data is copied, and a
     * contract revision that {@link #release()} applies in a later deploy ({@code docs/rolling-deploys.md}). A column
     * renamed becomes a new column kept in step by a trigger and backfilled, the old one dropped by the contract; a
     * column dropped is dropped by the contract, made nullable by the expand when it is NOT NULL without a default.
     *
     * @return the expand; the backfill and the contract as its {@link Generated#followUp()}s, in order
     */
    public Generated generateRolling(SchemaSource entities, String message) {
        requireMessage(message);
        Authoring authoring = authoring();
        authoring.requireSingleHead();
        SchemaModel target = entities.read(platform());
        if (usesDevDatabase()) {
            return onDevDatabase(settings.devDatabase(), true, dev -> write(authoring, message, dev, target, false, true));
        }
        authoring.requireAtHead(engine().currentHeads());
        return write(authoring, message, engine(), target, false, true);
    }

    /** Writes an empty revision on top of the current head(s), to fill in by hand. Needs no database. */
    public Generated generateEmpty(String message) {
        requireMessage(message);
        return authoring().empty(message);
    }

    /** Writes a merge revision whose parents are all current heads. Needs no database. */
    public Generated merge(String message) {
        requireMessage(message);
        return authoring().merge(message);
    }

    private Authoring authoring() {
        return new Authoring(graph, platform(), settings.sourceDirectory(), settings.migrationsPackage(), runsSetLockTimeout(),
                new Portability(platform(), otherPlatforms()));
    }

    private static void requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new RetortException("A new revision needs a message, e.g. \"add email to author\".");
        }
        if (message.chars().anyMatch(Character::isISOControl)) {
            throw new RetortException("A revision message is one line; this one holds a line break or another control character.");
        }
    }

    // ---- schemas -------------------------------------------------------------------------------

    /** Reads the live schema of the given schemas (Retort's own tables excluded), in a fixed number of catalog queries. */
    public SchemaModel introspect(Set<String> schemas) {
        return introspect(engine(), schemas);
    }

    /** What it takes to bring the database's schema to the target model. Reads only. */
    public Comparison compare(SchemaModel target) {
        return compare(engine(), target);
    }

    private SchemaModel introspect(Engine database, Set<String> schemas) {
        ObjectFilter filter = objectFilter();
        return filter.apply(database.read("the database schema", c -> platform().catalogReader(managedTables(filter)).read(c, schemas)));
    }

    /** Retort's own tables and those the object filter leaves out by name are not read at all. */
    private static java.util.function.Predicate<String> managedTables(ObjectFilter filter) {
        return table -> notOwnTable(table) && filter.tableNames().test(table);
    }

    /**
     * What comparisons leave out: other tools' bookkeeping, {@code excludeObjects}, and the objects the repeatables
     * create (as the platform reads their statements).
     */
    private ObjectFilter objectFilter() {
        List<dev.retort.platform.DatabaseObject> owned = new ArrayList<>();
        for (RevisionScript repeatable : extras.repeatables()) {
            List<String> statements;
            try {
                statements = engine().statements(repeatable, Direction.UP);
            } catch (RetortException e) {
                continue; // a placeholder without a value here: what it creates cannot be named, and nothing is left out for it
            }
            statements.forEach(statement -> platform().createdBy(statement).ifPresent(owned::add));
        }
        return ObjectFilter.of(settings.excludeObjects(), owned);
    }

    /** Retort's own tables are no part of the schema it compares. */
    private static java.util.function.Predicate<String> notOwnTable() {
        return Retort::notOwnTable;
    }

    /** Retort's own tables are no part of the schema it compares. */
    private static boolean notOwnTable(String table) {
        return !table.equals(VERSION_TABLE) && !table.equals(HISTORY_TABLE);
    }

    private Comparison compare(Engine database, SchemaModel wanted) {
        SchemaModel target = objectFilter().apply(wanted);
        return SchemaDiffer.compare(platform(), target, introspect(database, target.schemas()));
    }

    // ---- the dev database ----------------------------------------------------------------------

    private boolean usesDevDatabase() {
        return settings.devDatabase() != null;
    }

    /** Runs work against a throwaway database (upgraded to head first when asked), removing it afterwards. */
    private <T> T onDevDatabase(String spec, boolean atHead, Function<Engine, T> work) {
        return onDevDatabase(platform(), spec, atHead, work);
    }

    private <T> T onDevDatabase(Platform on, String spec, boolean atHead, Function<Engine, T> work) {
        String image = on == platform() ? settings.devImage() : null;
        try (DevDatabase dev = on.startDevDatabase(spec, image, listener);
             SharedConnection connection = new SharedConnection(new DriverDataSource(dev.jdbcUrl(), dev.user(), dev.password(),
                     on.connectionProperties(APPLICATION_NAME, settings.connectTimeout()), on.driver()))) {
            // A throwaway database gets the schema, repeatables included; callbacks (grants, notifications) are the real one's.
            Engine devEngine = newEngine(connection, extras.withoutCallbacks(), listener, on);
            if (atHead && !graph.isEmpty()) {
                listener.note("Dev database: " + Summary.of(devEngine.upgrade("head")));
            }
            return work.apply(devEngine);
        }
    }

    /** Nothing to close: Retort opens connections per command and a data source passed in stays the caller's. */
    @Override
    public void close() {
        // connections are closed by each command
    }

    /** Configuration of a {@link Retort}. */
    public static final class Builder {
        private Settings.Builder settings = Settings.builder();
        private DataSource dataSource;
        private ClassLoader classLoader;
        private RevisionSource revisions;
        private Platform platform;
        private MigrationListener listener;
        private final List<Callback> callbacks = new ArrayList<>();
        private String applicationVersion;

        private Builder() {
        }

        /**
         * The application's version, recorded with each deploy {@code release} makes and each instance registered; a
         * contract whose expand a release of this same version applied waits for a later version.
         */
        public Builder applicationVersion(String value) {
            applicationVersion = value;
            return this;
        }

        /**
         * A callback to run at the events it handles, after those found beside the migrations (SQL files named after
         * their event, {@link Callback} classes in the migrations package). Callbacks added here run in the order added.
         */
        public Builder callback(Callback value) {
            callbacks.add(java.util.Objects.requireNonNull(value, "callback"));
            return this;
        }

        /** Several callbacks, as {@link #callback(Callback)}. */
        public Builder callbacks(Collection<? extends Callback> values) {
            values.forEach(this::callback);
            return this;
        }

        /** The value of a {@code ${name}} placeholder of the SQL revision files, repeatables and callbacks. */
        public Builder placeholder(String name, String value) {
            settings.placeholder(name, value);
            return this;
        }

        /**
         * Tables and other objects Retort does not manage (names or patterns with {@code *} and {@code ?}, optionally
         * schema-qualified), on top of other tools' bookkeeping tables, which are always left out.
         */
        public Builder excludeObjects(String... patterns) {
            settings.set(Setting.EXCLUDE_OBJECTS, String.join(",", patterns));
            return this;
        }

        /** The schemas Retort manages ({@code clean} empties them); default {@code schema}, else the connection's current schema. */
        public Builder schemas(String... names) {
            settings.set(Setting.SCHEMAS, String.join(",", names));
            return this;
        }

        /**
         * Whether the application is deployed rolling: {@link Retort#generate(SchemaSource, String)} then writes a change the
         * running version cannot survive as expand, backfill and contract ({@link Retort#generateRolling(SchemaSource, String)}).
         */
        public Builder rolling(boolean value) {
            settings.set(Setting.ROLLING, Boolean.toString(value));
            return this;
        }

        /** Allows {@link Retort#clean()} on this (development or test) database; it is refused in production regardless. */
        public Builder cleanEnabled(boolean value) {
            settings.set(Setting.CLEAN_ENABLED, Boolean.toString(value));
            return this;
        }

        /**
         * The revision whose schema a database without Retort's tables holds already: {@link Retort#release()} adopts it
         * there when the schemas are equal.
         */
        public Builder baselineOnRelease(String revision) {
            settings.set(Setting.BASELINE_ON_RELEASE, revision);
            return this;
        }

        /** Settings built elsewhere (from the environment, a properties file, Maven parameters); later calls here override them. */
        public Builder settings(Settings value) {
            this.settings = value.toBuilder();
            return this;
        }

        /** The database, as a data source the application already has; Retort does not close it. */
        public Builder dataSource(DataSource value) {
            this.dataSource = value;
            return this;
        }

        /** The database as a URL: its JDBC URL, or the {@code scheme://user:pass@host/db} form of {@code DATABASE_URL}. */
        public Builder url(String value) {
            settings.set(Setting.URL, value);
            return this;
        }

        /** The user for {@link #url}; overrides one given in the URL. */
        public Builder user(String value) {
            settings.set(Setting.USER, value);
            return this;
        }

        /** The password for {@link #url}; overrides one given in the URL. Never printed. */
        public Builder password(String value) {
            settings.set(Setting.PASSWORD, value);
            return this;
        }

        /** The package holding the migration classes (sub-packages included); default {@code db.migrations}. */
        public Builder migrationsPackage(String value) {
            settings.set(Setting.PACKAGE, value);
            return this;
        }

        /**
         * Where SQL revision files ({@code *.sql}) are found on the class path, sub-directories included; default
         * {@code db/migrations}.
         */
        public Builder sqlLocation(String value) {
            settings.set(Setting.SQL_LOCATION, value);
            return this;
        }

        /** Where generate and merge write new migrations; default {@code src/main/java}. */
        public Builder sourceDirectory(Path value) {
            settings.set(Setting.SOURCE_DIRECTORY, value == null ? null : value.toString());
            return this;
        }

        /** The schema of Retort's version and history tables; default the connection's search path. */
        public Builder schema(String value) {
            settings.set(Setting.SCHEMA, value);
            return this;
        }

        /** How long a run waits for another run's lock; default one minute. */
        public Builder lockTimeout(Duration value) {
            settings.set(Setting.LOCK_TIMEOUT, value == null ? null : value.toMillis() + "ms");
            return this;
        }

        /**
         * The environment this database belongs to; with {@code production}, every writing command needs
         * {@link #confirmProduction(boolean)}, so an application that upgrades at start-up refuses to touch production unless
         * it was deployed to.
         */
        public Builder environment(String value) {
            settings.set(Setting.ENVIRONMENT, value);
            return this;
        }

        /** Confirms that writing to a production database is intended. */
        public Builder confirmProduction(boolean value) {
            settings.set(Setting.CONFIRM, value ? "yes" : null);
            return this;
        }

        /** How long a revision's statement waits for a table lock before the revision fails; default 10 seconds. */
        public Builder statementLockTimeout(Duration value) {
            settings.set(Setting.STATEMENT_LOCK_TIMEOUT, value == null ? null : value.toMillis() + "ms");
            return this;
        }

        /** How long one statement of a revision may run; default no limit. */
        public Builder statementTimeout(Duration value) {
            settings.set(Setting.STATEMENT_TIMEOUT, value == null ? null : value.toMillis() + "ms");
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

        /** Uses these revisions instead of scanning a package. */
        public Builder revisions(Collection<RevisionScript> value) {
            return revisions(RevisionSource.of(value));
        }

        /**
         * The database platform; default: the one the URL names, else the {@code platform} setting's, else the one a data
         * source's metadata names (read from one connection when first needed), else the only one on the class path.
         */
        public Builder platform(Platform value) {
            this.platform = value;
            return this;
        }

        /** Receives progress; default logs through {@code System.Logger} "dev.retort". */
        public Builder listener(MigrationListener value) {
            this.listener = value;
            return this;
        }

        /**
         * Finds and validates the migrations; does not connect. Without a data source or URL, only what needs no
         * database works; the rest fails saying that no database is configured.
         *
         * @throws RetortException when the configuration or the revision graph is not valid
         */
        public Retort load() {
            Settings resolved = settings.build();
            DataSource ds = dataSource;
            PlatformChoice chosen = new PlatformChoice(() -> choosePlatform(resolved));
            if (ds == null && resolved.hasDatabase()) {
                // A URL names its platform; the driver properties are the platform's to set.
                ds = new DriverDataSource(resolved.jdbcUrl(), resolved.user(), resolved.password(),
                        chosen.get().connectionProperties(APPLICATION_NAME, resolved.connectTimeout()), chosen.get().driver());
            }
            RevisionSource source = revisions != null ? revisions : RevisionSource.classPath(classLoader != null ? classLoader
                    : contextClassLoader(), resolved.migrationsPackage(), resolved.sqlLocation(), () -> chosen.get().dialect());
            RevisionGraph graph = RevisionGraph.of(source.revisions(), source.describe());
            List<dev.retort.revision.RepeatableScript> repeatables = source.repeatables();
            refuseDuplicateNames(repeatables);
            List<Callback> all = new ArrayList<>(source.callbacks());
            all.addAll(callbacks);
            RunExtras extras = RunExtras.of(repeatables, all, PlaceholderValues.of(resolved.placeholders()));
            Retort retort = new Retort(resolved, graph, chosen, listener != null ? listener : new LoggingListener(), ds, extras,
                    new Discovered(List.of(), repeatables, source.callbacks()));
            retort.applicationVersion = applicationVersion;
            return retort;
        }

        /** Two repeatables of one name would share one history: refused, naming both. */
        private static void refuseDuplicateNames(List<dev.retort.revision.RepeatableScript> repeatables) {
            java.util.Map<String, String> seen = new java.util.HashMap<>();
            for (var repeatable : repeatables) {
                String other = seen.put(repeatable.name(), repeatable.source());
                if (other != null) {
                    throw new dev.retort.revision.RevisionGraphException("Two repeatables are named " + repeatable.name() + ": " + other
                            + " and " + repeatable.source() + "; rename one (a repeatable's name identifies it in the history).");
                }
            }
        }

        /**
         * The platform given, or the one the URL, the {@code platform} setting or the data source names; else the one a
         * dev database's URL names, the first the history serves ({@code platforms}), or the only one there is.
         */
        private Platform choosePlatform(Settings resolved) {
            if (platform != null) {
                return platform;
            }
            if (resolved.hasDatabase() && dataSource == null) {
                return Platforms.forUrl(resolved.jdbcUrl());
            }
            if (resolved.platform() != null) {
                return Platforms.named(resolved.platform());
            }
            if (dataSource != null) {
                return Platforms.forDataSource(dataSource);
            }
            String dev = resolved.devDatabase();
            if (dev != null && dev.contains(":")) {
                return Platforms.forUrl(Platforms.parseUrl(dev.strip()).jdbcUrl());
            }
            return resolved.platforms().isEmpty() ? Platforms.only() : Platforms.named(resolved.platforms().get(0));
        }

        private static ClassLoader contextClassLoader() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return loader != null ? loader : Retort.class.getClassLoader();
        }
    }
}
