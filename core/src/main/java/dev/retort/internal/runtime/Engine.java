package dev.retort.internal.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.retort.Callback;
import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.command.AppliedStep;
import dev.retort.command.Cleaned;
import dev.retort.command.Direction;
import dev.retort.command.Heads;
import dev.retort.command.MigrationFailedException;
import dev.retort.command.Plan;
import dev.retort.command.RunResult;
import dev.retort.command.Script;
import dev.retort.command.Step;
import dev.retort.internal.Messages;
import dev.retort.operation.Operation;
import dev.retort.platform.MigrationLock;
import dev.retort.platform.Platform;
import dev.retort.platform.SqlStatement;
import dev.retort.platform.VersionTableSql;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;

/**
 * Runs upgrades, downgrades and stamps against a database: under the advisory lock, one
 * transaction per revision together with its version-table update, progress to a listener.
 */
public final class Engine {

    private final DataSource dataSource;
    private final RevisionGraph graph;
    private final RuntimeSettings settings;
    private final MigrationListener listener;
    /** The connection {@link #sharingReads} shares with the reads of the thread that opened it. */
    private final ThreadLocal<Connection> sharedReads = new ThreadLocal<>();
    private final Platform platform;
    private final VersionTableSql tables;
    private final StepRenderer renderer;
    private final Planner planner;
    private final RunExtras extras;

    /** An engine over a graph; nothing touches the database until a run starts. A null data source allows offline work only. */
    public Engine(DataSource dataSource, RevisionGraph graph, Platform platform, RuntimeSettings settings, MigrationListener listener) {
        this(dataSource, graph, RunExtras.none(), platform, settings, listener);
    }

    /** An engine over a graph and what runs beside its revisions (repeatables, callbacks, placeholders). */
    public Engine(DataSource dataSource, RevisionGraph graph, RunExtras extras, Platform platform, RuntimeSettings settings,
                  MigrationListener listener) {
        this.dataSource = dataSource;
        this.graph = graph;
        this.extras = extras;
        this.platform = platform;
        this.settings = settings;
        this.listener = listener;
        this.tables = platform.versionTables(settings.schema(), settings.versionTable(), settings.historyTable());
        this.renderer = new StepRenderer(platform, tables, extras);
        this.planner = new Planner(graph);
    }

    /**
     * Applies every revision up to the target ({@code head} by default in the callers), after checking under the lock
     * that no applied migration was edited since it ran (as Flyway's validate-on-migrate does); when the run reaches
     * head, then every repeatable whose checksum changed since it last ran.
     */
    public RunResult upgrade(String target) {
        return upgrade(target, true);
    }

    /**
     * As {@link #upgrade(String)}; without {@code repeatables}, the versioned revisions only (verify goes up and down
     * through them before it applies the repeatables at head).
     */
    public RunResult upgrade(String target, boolean repeatables) {
        return run(Direction.UP, (c, current) -> {
            refuseLostVersionTable(c, current);
            refuseEdited(c, current);
            List<Step> versioned = planner.upgrade(target, current);
            List<RenderedStep> steps = renderAll(versioned);
            Set<String> after = versioned.isEmpty() ? current : versioned.get(versioned.size() - 1).headsAfter();
            if (repeatables && reachesHead(after)) {
                for (RevisionScript repeatable : pendingRepeatables(readLog(c))) {
                    steps.add(renderer.render(new Step(Direction.REPEAT, repeatable, after, after)));
                }
            }
            return steps;
        });
    }

    /**
     * Applies every repeatable at the database's current revision, changed or not (verify proves that each runs again on
     * a database that has it). Writes their history rows as any run does.
     */
    public RunResult applyRepeatables() {
        return run(Direction.UP, (c, current) -> {
            List<RenderedStep> steps = new ArrayList<>();
            for (RevisionScript repeatable : extras.repeatables()) {
                steps.add(renderer.render(new Step(Direction.REPEAT, repeatable, current, current)));
            }
            return steps;
        });
    }

    /** Whether a run that leaves the database at {@code heads} applies the repeatables: they are written against head. */
    private boolean reachesHead(Set<String> heads) {
        return !extras.repeatables().isEmpty() && heads.equals(Set.copyOf(graph.heads()));
    }

    /** The repeatables whose checksum differs from the one their last successful run recorded (or that never ran), by name. */
    private List<RevisionScript> pendingRepeatables(List<AppliedStep> log) {
        java.util.Map<String, String> recorded = recordedRepeatables(log);
        return extras.repeatables().stream().filter(r -> !renderer.checksum(r).equals(recorded.get(r.id()))).toList();
    }

    /** The checksum each repeatable's newest successful run recorded. */
    private static java.util.Map<String, String> recordedRepeatables(List<AppliedStep> log) {
        java.util.Map<String, String> recorded = new java.util.HashMap<>();
        for (AppliedStep step : log) {
            if (step.success() && Direction.REPEAT.label().equals(step.direction()) && step.checksum() != null) {
                recorded.put(step.revision(), step.checksum().strip());
            }
        }
        return recorded;
    }

    /**
     * Every repeatable with its checksum, the one its last successful run recorded and when (null when it never ran);
     * pending when the two differ. Reads only.
     */
    public List<RepeatableState> repeatables() {
        if (extras.repeatables().isEmpty()) {
            return List.of();
        }
        List<AppliedStep> log = dataSource == null ? List.of() : log();
        java.util.Map<String, AppliedStep> last = new java.util.HashMap<>();
        for (AppliedStep step : log) {
            if (step.success() && Direction.REPEAT.label().equals(step.direction())) {
                last.put(step.revision(), step);
            }
        }
        List<RepeatableState> states = new ArrayList<>();
        for (RevisionScript repeatable : extras.repeatables()) {
            AppliedStep ran = last.get(repeatable.id());
            states.add(new RepeatableState(repeatable, renderer.checksum(repeatable), ran == null ? null : ran.checksum().strip(),
                    ran == null ? null : ran.appliedAt()));
        }
        return states;
    }

    /**
     * A repeatable as the history knows it.
     *
     * @param repeatable the repeatable, as the engine runs it
     * @param checksum   the checksum of what it renders now
     * @param recorded   the checksum its last successful run recorded, or null
     * @param appliedAt  when that run was, or null
     */
    public record RepeatableState(RevisionScript repeatable, String checksum, String recorded, java.time.Instant appliedAt) {
        /** Whether the next upgrade to head applies it. */
        public boolean pending() {
            return !checksum.equals(recorded);
        }
    }

    /** Reverts every applied revision the target does not keep. */
    public RunResult downgrade(String target) {
        return run(Direction.DOWN, (c, current) -> renderAll(planner.downgrade(target, current)));
    }

    /** Writes the target to the version table without running migrations; {@code purge} first clears unknown rows. */
    public RunResult stamp(String target, boolean purge) {
        return run(Direction.STAMP, (c, current) -> {
            Step step = planner.stamp(target, current, purge);
            return step.headsAfter().equals(step.headsBefore()) ? List.of() : List.of(renderer.render(step));
        });
    }

    /**
     * Records the current checksum of every applied migration that was edited since it ran, after a deliberate edit, and
     * clears a revision an interrupted run left partly applied, once a person has undone that part by hand: one
     * {@code repair} row each in the history table. Runs no migration.
     */
    public RunResult repair() {
        return run(Direction.REPAIR, (c, current) -> {
            List<RenderedStep> steps = new ArrayList<>();
            AppliedStep interrupted = unfinishedStep(c);
            if (interrupted != null && graph.contains(interrupted.revision())) {
                // Cleared by hand: the next run applies the revision whole.
                RevisionScript revision = graph.get(interrupted.revision());
                steps.add(renderer.repair(new Step(Direction.REPAIR, revision, current, current), renderer.checksum(revision)));
            }
            for (AppliedChecksums.Edited edited : AppliedChecksums.find(graph, current, readLog(c), renderer::checksum)) {
                steps.add(renderer.repair(new Step(Direction.REPAIR, edited.revision(), current, current), edited.actual()));
            }
            return steps;
        });
    }

    /**
     * Drops every object in the schemas (the connection's current schema when none is given) and in the schema of
     * Retort's tables, Retort's tables included, under the migration lock and in one transaction where the platform's
     * DDL is transactional. The schemas themselves stay.
     */
    public Cleaned clean(List<String> schemas) {
        long start = System.nanoTime();
        try (Connection c = connect()) {
            boolean autoCommit = c.getAutoCommit();
            readTimeout(c);
            c.setAutoCommit(true);
            try (MigrationLock.Held lock = platform.lock().acquire(c, tables.versionTable(), settings.lockTimeout(), listener)) {
                lock.checkSession();
                Set<String> targets = new TreeSet<>(schemas);
                boolean ownSchema = settings.schema() != null && !settings.schema().isEmpty();
                if (targets.isEmpty()) {
                    targets.add(ownSchema ? settings.schema() : platform.currentSchema(c));
                }
                if (ownSchema) {
                    targets.add(settings.schema());
                }
                List<dev.retort.platform.DatabaseObject> objects = platform.objects(c, targets);
                List<dev.retort.platform.SqlStatement> drops = platform.dropAll(c, targets);
                boolean transaction = platform.transactionalDdl();
                String current = null;
                c.setNetworkTimeout(Runnable::run, 0);
                c.setAutoCommit(!transaction);
                try {
                    for (var drop : drops) {
                        current = platform.dialect().inline(drop);
                        execute(c, null, new Action.Sql(drop, current));
                    }
                    if (transaction) {
                        c.commit();
                    }
                } catch (SQLException | RuntimeException e) {
                    if (transaction) {
                        c.rollback();
                    }
                    throw new RetortException("clean failed at `" + Messages.oneLine(String.valueOf(current)) + "`: "
                            + Messages.oneLine(String.valueOf(e.getMessage())) + (transaction ? "; it was rolled back, so nothing was dropped."
                            : "; what was dropped before it stays dropped, so run clean again once the cause is fixed."), e);
                } finally {
                    restoreAutoCommit(c, autoCommit);
                }
                return new Cleaned(List.copyOf(targets), objects, Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (SQLException e) {
            throw new RetortException("clean could not talk to the database: " + Messages.oneLine(String.valueOf(e.getMessage())) + explain(e), e);
        }
    }

    /** Which of the objects a revision's upgrade creates are already in the database. Reads only. */
    public AlreadyThere.Findings alreadyThere(String revision) {
        return read("the database schema", c -> AlreadyThere.look(platform, c, renderer.operations(graph.get(revision), Direction.UP)));
    }

    /** The applied migrations edited since they ran. Reads only. */
    public List<AppliedChecksums.Edited> edited(Set<String> current) {
        return AppliedChecksums.find(graph, current, log(), renderer::checksum);
    }

    /**
     * A database that has Retort's history but no version table lost it (dropped by hand, a partial restore): upgrading
     * from base would run revision 1 against tables that exist. Say where the history left it, and how to record that.
     */
    private void refuseLostVersionTable(Connection c, Set<String> current) throws SQLException {
        if (!current.isEmpty() || tables.exists(c, tables.versionTable()) || !tables.exists(c, tables.historyTable())) {
            return;
        }
        List<AppliedStep> log = readLog(c);
        if (log.stream().noneMatch(AppliedStep::success)) {
            return;
        }
        String last = lastKnownHeads(log);
        throw new RetortException("The database has Retort's history table (" + tables.historyTable() + ") but no version table ("
                + tables.versionTable() + "): it was dropped, or only part of the database was restored. Its history says it was "
                + "last at " + last + ". If its schema is still there, record that with stamp " + last + ", then upgrade. "
                + "Nothing was executed.");
    }

    /** Where the last successful step in the history left the database: an id, several, or base. */
    private String lastKnownHeads(List<AppliedStep> log) {
        AppliedStep last = null;
        for (AppliedStep step : log) {
            // Repairs, undone attempts and repeatables move no version.
            boolean moves = Direction.UP.label().equals(step.direction()) || Direction.DOWN.label().equals(step.direction())
                    || Direction.STAMP.label().equals(step.direction());
            if (step.success() && moves) {
                last = step;
            }
        }
        if (last == null) {
            return "base";
        }
        if (Direction.DOWN.label().equals(last.direction())) {
            return graph.contains(last.revision()) ? dev.retort.command.Heads.describe(graph.get(last.revision()).parents()) : "base";
        }
        return last.revision();
    }

    private void refuseEdited(Connection c, Set<String> current) throws SQLException {
        if (current.isEmpty() || !current.stream().allMatch(graph::contains)) {
            return;
        }
        List<AppliedChecksums.Edited> edited = AppliedChecksums.find(graph, current, readLog(c), renderer::checksum);
        if (!edited.isEmpty()) {
            List<String> names = edited.stream().map(e -> e.revision().id() + " (" + e.revision().source() + ")").toList();
            throw new RetortException((edited.size() == 1 ? "Migration " + names.get(0) + " was" : "Migrations " + String.join(", ", names)
                    + " were") + " edited after " + (edited.size() == 1 ? "it was" : "they were") + " applied: the SQL no longer matches "
                    + "the checksum recorded in " + tables.historyTable() + ". Revert the edit and write a new revision, or, if the "
                    + "edit was deliberate and the database already matches it, run repair. Nothing was executed.");
        }
    }

    /**
     * The steps a target implies from the given heads, for an upgrade or a downgrade; nothing is written. An upgrade that
     * reaches head also names the repeatables it applies: those whose checksum changed since they last ran when
     * {@code readHistory}, every one otherwise (a script for a database that is not at hand).
     */
    public Plan plan(Direction direction, String target, Set<String> from, boolean readHistory) {
        List<Step> steps = switch (direction) {
            case UP -> planner.upgrade(target, from);
            case DOWN -> planner.downgrade(target, from);
            case STAMP, REPAIR, UNDO, REPEAT -> throw new IllegalArgumentException("Only upgrades and downgrades are planned ahead.");
        };
        Set<String> after = steps.isEmpty() ? from : steps.get(steps.size() - 1).headsAfter();
        List<String> repeatables = direction != Direction.UP || !reachesHead(after) ? List.of()
                : (readHistory ? pendingRepeatables(log()) : extras.repeatables()).stream().map(RevisionScript::id).toList();
        return new Plan(direction, target, from, after, steps, repeatables);
    }

    /** As {@link #plan(Direction, String, Set, boolean)}, every repeatable counted as pending. */
    public Plan plan(Direction direction, String target, Set<String> from) {
        return plan(direction, target, from, false);
    }

    /**
     * The SQL of a plan, executing nothing: its revisions and repeatables with the callbacks of the run; refused when a
     * revision in it runs JDBC code (a callback's JDBC code is named in a comment).
     */
    public Script script(Plan plan) {
        List<RenderedStep> steps = renderAll(plan.steps());
        for (String name : plan.repeatables()) {
            steps.add(renderer.render(new Step(Direction.REPEAT, extras.repeatable(name), plan.headsAfter(), plan.headsAfter())));
        }
        return new Script(plan, OfflineScript.write(platform.dialect(), tables,
                platform.dialect().setTimeouts(settings.statementLockTimeout(), settings.statementTimeout()),
                renderer.callbacks(Callback.Event.BEFORE_RUN, null), steps, renderer.callbacks(Callback.Event.AFTER_RUN, null)));
    }

    /** The statements a revision's upgrade or downgrade runs, parameters written in; JDBC code as a comment. */
    public List<String> statements(String revision, Direction direction) {
        return renderer.statements(graph.get(revision), direction);
    }

    /** The statements a revision or repeatable (as the engine runs it) renders one way, placeholders replaced. */
    public List<String> statements(RevisionScript script, Direction direction) {
        return renderer.statements(script, direction);
    }

    /** The checksum of what a revision or repeatable (as the engine runs it) renders, before placeholders are replaced. */
    public String checksum(RevisionScript script) {
        return renderer.checksum(script);
    }

    /** The SHA-256 checksum of the SQL a revision's upgrade renders to. */
    public String checksum(String revision) {
        return renderer.checksum(graph.get(revision));
    }

    /**
     * Runs work whose reads ({@link #read}) share one connection on this thread, closed when the work ends: a command
     * that reads several times before it runs (release: heads, validation, lint) opens one connection instead of one
     * per read, which is most of the cost of a deploy with nothing to do. Runs themselves keep their own connection.
     */
    public <T> T sharingReads(java.util.function.Supplier<T> work) {
        if (sharedReads.get() != null) {
            return work.get();
        }
        try (Connection c = connect()) {
            sharedReads.set(c);
            return work.get();
        } catch (SQLException e) {
            throw new RetortException("Cannot read from the database: " + Messages.oneLine(String.valueOf(e.getMessage())) + explain(e), e);
        } finally {
            sharedReads.remove();
        }
    }

    /** Reads from the database on a connection of its own (or the one {@link #sharingReads} shares); {@code what} names the read in an error. */
    public <T> T read(String what, SqlReader<T> reader) {
        Connection shared = sharedReads.get();
        try (Connection own = shared == null ? connect() : null) {
            Connection c = shared == null ? own : shared;
            int networkTimeout = c.getNetworkTimeout();
            // A read is one of Retort's own queries: a server that stops answering must fail it, not hang the command.
            readTimeout(c);
            try {
                return reader.read(c);
            } finally {
                restoreNetworkTimeout(c, networkTimeout);
            }
        } catch (SQLException e) {
            throw new RetortException("Cannot read " + what + ": " + Messages.oneLine(String.valueOf(e.getMessage())) + explain(e), e);
        }
    }

    /** Work that reads through a connection. */
    @FunctionalInterface
    public interface SqlReader<T> {
        /** Reads; the connection is closed afterwards. */
        T read(Connection connection) throws SQLException;
    }

    /** The database this engine runs against, or null for offline work only. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether either of Retort's tables exists. Reads only. */
    public boolean hasRetortTables() {
        return read("Retort's tables", c -> tables.exists(c, tables.versionTable()) || tables.exists(c, tables.historyTable()));
    }

    /** The database's current heads; empty when Retort's tables do not exist yet. Reads only. */
    public Set<String> currentHeads() {
        return read("the current revision", this::readHeads);
    }

    /** The history table's rows, oldest first; empty when it does not exist yet. Reads only. */
    public List<AppliedStep> log() {
        return read(tables.historyTable(), this::readLog);
    }

    private List<AppliedStep> readLog(Connection c) throws SQLException {
        if (!tables.exists(c, tables.historyTable())) {
            return List.of();
        }
        List<AppliedStep> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(tables.selectHistory())) {
            while (rs.next()) {
                rows.add(new AppliedStep(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getObject(8, Long.class), rs.getBoolean(9),
                        rs.getObject(10, Integer.class)));
            }
        }
        return rows;
    }

    private List<RenderedStep> renderAll(List<Step> steps) {
        List<RenderedStep> rendered = new ArrayList<>(steps.size());
        for (Step step : steps) {
            rendered.add(renderer.render(step));
        }
        return rendered;
    }

    /** What a run does once it holds the lock: from the current heads, the rendered steps. */
    @FunctionalInterface
    private interface RunPlan {
        List<RenderedStep> steps(Connection connection, Set<String> current) throws SQLException;
    }

    private RunResult run(Direction direction, RunPlan plan) {
        long start = System.nanoTime();
        try (Connection c = connect()) {
            boolean autoCommit = c.getAutoCommit();
            int networkTimeout = c.getNetworkTimeout();
            readTimeout(c);
            c.setAutoCommit(true);
            boolean timeoutsSet = false;
            List<String> sessionTimeouts = null;
            try (MigrationLock.Held lock = platform.lock().acquire(c, tables.versionTable(), settings.lockTimeout(), listener)) {
                lock.checkSession();
                // Plan and render everything before the first write, so a bad target or a broken
                // migration leaves the database exactly as it was, Retort's own tables included.
                Set<String> before = readHeads(c);
                List<RenderedStep> steps = plan.steps(c, before);
                boolean runEvents = direction == Direction.UP || direction == Direction.DOWN;
                List<RunCallback> beforeRun = runEvents ? runCallbacks(Callback.Event.BEFORE_RUN) : List.of();
                List<RunCallback> afterRun = runEvents ? runCallbacks(Callback.Event.AFTER_RUN)
                        : direction == Direction.REPAIR ? runCallbacks(Callback.Event.AFTER_REPAIR) : List.of();
                if (!steps.isEmpty()) {
                    for (var statement : tables.create()) {
                        execute(c, null, new Action.Sql(statement, statement.sql()));
                    }
                    if (direction == Direction.UP || direction == Direction.DOWN) {
                        undoInterrupted(c, before);
                    }
                }
                if (!steps.isEmpty() || !beforeRun.isEmpty() || !afterRun.isEmpty()) {
                    sessionTimeouts = currentTimeouts(c);
                    timeoutsSet = true;
                    for (var statement : platform.dialect().setTimeouts(settings.statementLockTimeout(), settings.statementTimeout())) {
                        execute(c, null, new Action.Sql(statement, statement.sql()));
                    }
                }
                List<RunResult.StepResult> done = new ArrayList<>();
                try {
                    runCallbacks(c, beforeRun, done, before);
                    for (RenderedStep step : steps) {
                        try {
                            done.add(new StepRunner(c, step).run());
                        } catch (MigrationFailedException e) {
                            MigrationFailedException failure = new MigrationFailedException(e.step(), e.statement(), e.getCause(), done,
                                    e.outcome(), e.advice());
                            for (Throwable suppressed : e.getSuppressed()) {
                                failure.addSuppressed(suppressed);
                            }
                            throw failure;
                        }
                    }
                    runCallbacks(c, afterRun, done, steps.isEmpty() ? before : steps.get(steps.size() - 1).step().headsAfter());
                } catch (MigrationFailedException e) {
                    if (runEvents) {
                        afterFailure(c, e);
                    }
                    throw e;
                }
                Set<String> after = steps.isEmpty() ? before : steps.get(steps.size() - 1).step().headsAfter();
                RunResult result = new RunResult(direction, done, before, after, Duration.ofNanos(System.nanoTime() - start));
                listener.runFinished(result);
                return result;
            } finally {
                if (timeoutsSet) {
                    resetTimeouts(c, sessionTimeouts);
                }
                restoreAutoCommit(c, autoCommit);
                restoreNetworkTimeout(c, networkTimeout);
            }
        } catch (SQLException e) {
            throw new RetortException("The migration run could not talk to the database: " + Messages.oneLine(String.valueOf(e.getMessage()))
                    + explain(e), e);
        }
    }

    /**
     * One callback at one of the run's own events, rendered before the run writes anything.
     *
     * @param description how messages name it: {@code the afterRun callback db/migrations/afterRun.sql}
     */
    private record RunCallback(String description, boolean transactional, List<Action> actions) {
    }

    /** The callbacks at one of the run's own events, each rendered to its actions. */
    private List<RunCallback> runCallbacks(Callback.Event event) {
        List<RunCallback> rendered = new ArrayList<>();
        for (Callback callback : extras.callbacks()) {
            if (callback.handles(event)) {
                rendered.add(new RunCallback("the " + event.fileName() + " callback " + callback.describe(),
                        dev.retort.internal.revision.MigrationClasses.transactional(callback), renderer.callbackActions(callback, event, null)));
            }
        }
        return rendered;
    }

    /**
     * Runs callbacks of the run's own events, each in a transaction of its own where it is transactional (and the
     * platform's DDL is), saying how long each took.
     *
     * @param done  the steps that committed before, for a failure's message
     * @param heads where the database is while they run, for a failure's message
     */
    private void runCallbacks(Connection c, List<RunCallback> callbacks, List<RunResult.StepResult> done, Set<String> heads) {
        for (RunCallback callback : callbacks) {
            long start = System.nanoTime();
            boolean transaction = callback.transactional() && platform.transactionalDdl();
            String current = null;
            try {
                c.setNetworkTimeout(Runnable::run, 0);
                c.setAutoCommit(!transaction);
                for (Action action : callback.actions()) {
                    if (action instanceof Action.Sql sql) {
                        current = sql.text();
                        execute(c, null, sql);
                    } else if (action instanceof Action.Callback jdbc) {
                        current = null;
                        jdbc.operation().work().run(c);
                    }
                }
                if (transaction) {
                    c.commit();
                }
                c.setAutoCommit(true);
                readTimeout(c);
            } catch (SQLException | RuntimeException e) {
                try {
                    if (transaction && !c.isClosed()) {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
                String advice = e instanceof SQLException sql ? platform.explain(sql) : null;
                throw new MigrationFailedException(Messages.capitalize(callback.description()) + " failed and "
                        + (transaction ? "was rolled back" : "ran outside a transaction, so its statements before the failing one stay applied")
                        + "; " + (done.isEmpty() ? "no revision ran, " : "the revisions before it stay applied, ") + "the database is at "
                        + Heads.describe(heads) + "." + (current == null ? "" : " Statement: " + Messages.oneLine(current) + ".") + " Error: "
                        + Messages.oneLine(String.valueOf(e.getMessage())) + (advice == null ? "" : " " + advice), e, done);
            }
            listener.note("Ran " + callback.description() + " (" + (System.nanoTime() - start) / 1_000_000 + " ms).");
        }
    }

    /** Runs the {@code afterFailure} callbacks once a run failed; their own failure is added to the run's, never hides it. */
    private void afterFailure(Connection c, MigrationFailedException failure) {
        List<RunCallback> callbacks;
        try {
            callbacks = new ArrayList<>();
            for (Callback callback : extras.callbacks()) {
                if (callback.handles(Callback.Event.AFTER_FAILURE)) {
                    callbacks.add(new RunCallback("the afterFailure callback " + callback.describe(),
                            dev.retort.internal.revision.MigrationClasses.transactional(callback),
                            renderer.callbackActions(callback, Callback.Event.AFTER_FAILURE, failure.step())));
                }
            }
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            runCallbacks(c, callbacks, failure.completed(), failure.step() == null ? Set.of() : failure.step().headsBefore());
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Bounds how long Retort waits for answers to its own queries, so a server that stops answering fails the run. */
    private void readTimeout(Connection c) throws SQLException {
        c.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()));
    }

    private static void restoreNetworkTimeout(Connection c, int millis) {
        try {
            if (!c.isClosed()) {
                c.setNetworkTimeout(Runnable::run, millis);
            }
        } catch (SQLException ignored) {
            // a broken connection keeps nothing
        }
    }

    /** The platform's reading of an error, as a sentence to append, or nothing. */
    private String explain(SQLException e) {
        String meaning = platform.explain(e);
        return meaning == null ? "" : " " + meaning;
    }

    /**
     * The session's own values of the settings a run changes, so a connection from an application's pool goes back as it
     * came; null when the platform cannot read them.
     */
    private List<String> currentTimeouts(Connection c) throws SQLException {
        String query = platform.dialect().currentTimeouts();
        if (query == null) {
            return null;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            return values;
        }
    }

    /** Gives a connection that may go back to the application's pool the settings it came with (or the defaults). */
    private void resetTimeouts(Connection c, List<String> before) {
        try {
            if (!c.isClosed() && c.getAutoCommit()) {
                for (var statement : platform.dialect().resetTimeouts()) {
                    execute(c, null, new Action.Sql(statement, statement.sql()));
                }
                if (before != null) {
                    // Not one of the run's statements (the offline script ends at the reset above): the connection's
                    // own values, which its pool may have set, go back quietly.
                    try (Statement s = c.createStatement()) {
                        for (var statement : platform.dialect().restoreTimeouts(before)) {
                            s.execute(statement.sql());
                        }
                    }
                }
            }
        } catch (SQLException ignored) {
            // the connection is broken; its session and settings end with it
        }
    }

    /** A connection, or an error that says why there is none (a pool's own timeout message hides the cause). */
    private Connection connect() {
        if (dataSource == null) {
            throw new RetortException("No database is configured: set {url} or the DATABASE_URL environment variable.");
        }
        long pause = 1000;
        for (int attempt = 1; ; attempt++) {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                String meaning = platform.connectFailure(e);
                String reason = meaning != null ? meaning : Messages.rootMessage(e);
                if (attempt > settings.connectRetries() || !platform.notReachableYet(e)) {
                    String where = dataSource instanceof dev.retort.internal.jdbc.DriverDataSource ? " (" + dataSource + ")" : "";
                    String sentence = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
                    throw new RetortException("Cannot connect to the database: " + sentence + where + "."
                            + (attempt > 1 ? " Gave up after " + attempt + " attempts." : ""), e);
                }
                listener.note("Cannot connect to the database yet (" + reason + "); trying again in " + pause / 1000 + "s (retry "
                        + attempt + " of " + settings.connectRetries() + ").");
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new RetortException("Interrupted while waiting to connect to the database.", interrupted);
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    /** Puts the connection back as it was handed over; a broken connection must not hide the run's own error. */
    private static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            if (!c.isClosed()) {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it, and the run's outcome is already decided
        }
    }

    private Set<String> readHeads(Connection c) throws SQLException {
        if (!tables.exists(c, tables.versionTable())) {
            return Set.of();
        }
        Set<String> heads = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(tables.selectHeads())) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }

    private void execute(Connection c, Step step, Action.Sql action) throws SQLException {
        var statement = action.statement();
        if (statement.parameters().isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute(statement.sql());
            }
        } else {
            try (PreparedStatement s = c.prepareStatement(statement.sql())) {
                for (int i = 0; i < statement.parameters().size(); i++) {
                    s.setObject(i + 1, statement.parameters().get(i));
                }
                s.execute();
            }
        }
        listener.statementExecuted(step, action.text());
    }

    /**
     * A step that ran outside a transaction and was interrupted (the process killed, the connection lost) left its newest
     * history row unfinished, the statements before its progress applied: undo them, so the run starts from where that
     * step did and applies it whole. Refused, saying what stands and what to do, where that cannot be done safely.
     */
    private void undoInterrupted(Connection c, Set<String> current) throws SQLException {
        AppliedStep last = unfinishedStep(c);
        if (last == null) {
            return;
        }
        String what = "Revision " + last.revision() + "'s " + last.direction() + "grade " + (last.cutOff() ? "was cut off" : "failed")
                + " at its statement " + last.started();
        if (!graph.contains(last.revision())) {
            throw new RetortException(what + ", and no migration declares " + last.revision() + " any more, so what it applied cannot be "
                    + "told. Undo it by hand and run repair. Nothing was executed.");
        }
        RevisionScript revision = graph.get(last.revision());
        Step step = new Step(Direction.UP.label().equals(last.direction()) ? Direction.UP : Direction.DOWN, revision, current, current);
        if (!renderer.checksum(revision).equals(last.checksum())) {
            throw new RetortException(what + ", and its migration was edited since, so what the interrupted run applied cannot be told "
                    + "from it. " + wayBack(step) + ". Nothing was executed.");
        }
        RenderedStep rendered = renderer.render(step);
        PartialStep partial = PartialStep.of(rendered, last.started() - 1, last.cutOff(), platform, c);
        if (!partial.applied().isEmpty() && !partial.undoable()) {
            throw new RetortException(what + " of " + rendered.body().size() + "; " + appliedList(partial)
                    + (partial.applied().size() == 1 ? " stands" : " stand") + " applied, but " + partial.cannotUndo() + ". "
                    + wayBack(step) + ". Nothing was executed.");
        }
        listener.note(what + " of " + rendered.body().size() + (partial.applied().isEmpty() ? "; nothing of it stands applied."
                : "; undoing what it applied first: " + undoneList(partial) + "."));
        undoPartial(c, step, partial, last.cutOff());
    }

    /** The newest history row when it is a step outside a transaction that never finished; null otherwise. */
    private AppliedStep unfinishedStep(Connection c) throws SQLException {
        if (!tables.exists(c, tables.historyTable())) {
            return null;
        }
        List<AppliedStep> log = readLog(c);
        AppliedStep last = log.isEmpty() ? null : log.get(log.size() - 1);
        return last != null && last.unfinished() ? last : null;
    }

    /** Runs the reverses of what a partial step applied, newest first, and records in the history that it was undone. */
    private void undoPartial(Connection c, Step step, PartialStep partial, boolean cutOff) throws SQLException {
        for (int i = 0; i < partial.reverses().size(); i++) {
            Operation reverse = partial.reverses().get(i);
            if (cutOff) {
                // The cut-off row keeps saying how far the revision stands applied while its statements are undone, newest
                // first: cut off again here, the next run finds the statement being undone "may have run" and looks.
                SqlStatement progress = tables.historyProgress(step.revision().id(), partial.undoing().get(i));
                execute(c, null, renderer.sql(progress));
            }
            if (PartialStep.alreadyUndone(platform, c, reverse)) {
                continue; // an undo cut short before did this one
            }
            for (Action action : renderer.actions(step.revision(), List.of(reverse))) {
                execute(c, step, (Action.Sql) action);
            }
        }
        Action.Sql undone = renderer.undone(step, renderer.checksum(step.revision()));
        if (!cutOff) {
            execute(c, null, undone);
            return;
        }
        // The cut-off row says again where the run was cut off, for the history, in one transaction with the row that
        // says it was undone: the history's tables are transactional everywhere, even where DDL is not.
        SqlStatement where = tables.historyProgress(step.revision().id(), partial.ran() + 1);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            execute(c, null, renderer.sql(where));
            execute(c, null, undone);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The operations a partial step applied, as their statements read. */
    private String appliedList(PartialStep partial) {
        return String.join("; ", partial.applied().stream().map(op -> PartialStep.describe(platform, op)).toList());
    }

    /** The reverses that undid a partial step, as their statements read. */
    private String undoneList(PartialStep partial) {
        return String.join("; ", partial.reverses().stream().map(op -> PartialStep.describe(platform, op)).toList());
    }

    /** What a person does about a partial step Retort cannot undo. */
    private static String wayBack(Step step) {
        return "Undo what stands by hand and run repair (it clears the interrupted attempt, so the revision runs whole next "
                + "time), or finish the revision by hand and stamp " + step.revision().id();
    }

    /** Runs one rendered step with the transaction shape its revision asks for. */
    private final class StepRunner {
        private final Connection c;
        private final RenderedStep rendered;
        private final Step step;
        private String current;
        /** How many actions of the body have run, for a step outside a transaction. */
        private int ran;

        StepRunner(Connection c, RenderedStep rendered) {
            this.c = c;
            this.rendered = rendered;
            this.step = rendered.step();
        }

        RunResult.StepResult run() throws SQLException {
            listener.stepStarting(step);
            long start = System.nanoTime();
            // The revision's own statements may run long: statement_timeout bounds them, not Retort's read timeout.
            c.setNetworkTimeout(Runnable::run, 0);
            try {
                if (rendered.inTransaction()) {
                    inTransaction(rendered.opening(), rendered.before(), rendered.body(), rendered.after());
                } else {
                    clearLeftovers();
                    perform(rendered.opening());
                    perform(rendered.before());
                    performTracked();
                    perform(rendered.after());
                    inTransaction();
                }
            } catch (SQLException | RuntimeException e) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (!rendered.inTransaction() && step.revision() != null) {
                    throw outsideTransactionFailure(e, millis);
                }
                MigrationFailedException failure = new MigrationFailedException(step, current, e, List.of(), advice(e));
                if (step.revision() != null) {
                    recordFailure(millis, failure);
                }
                throw failure;
            } finally {
                if (!c.isClosed()) {
                    readTimeout(c);
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            listener.stepFinished(step, elapsed);
            return new RunResult.StepResult(step, elapsed);
        }

        /** Drops what an interrupted earlier run of this non-transactional revision left half-built, saying so. */
        private void clearLeftovers() throws SQLException {
            if (step.direction() != Direction.UP || step.revision() == null) {
                return;
            }
            for (var statement : platform.leftovers(c, renderer.operations(step.revision(), Direction.UP))) {
                listener.note("Revision " + step.revision().id() + " was interrupted before: clearing what it left half-done first: "
                        + platform.dialect().inline(statement) + ".");
                execute(c, step, renderer.sql(statement));
            }
        }

        /** What to add to a failure's message: which of the revision's objects exist, or what the error means. */
        private String advice(Throwable e) {
            if (!(e instanceof SQLException sql)) {
                return null;
            }
            if (platform.alreadyExists(sql) && step.direction() == Direction.UP && step.revision() != null) {
                try {
                    if (!c.getAutoCommit()) {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                    String found = AlreadyThere.look(platform, c, renderer.operations(step.revision(), Direction.UP))
                            .describe(step.revision());
                    if (!found.isEmpty()) {
                        return found;
                    }
                } catch (SQLException | RuntimeException ignored) {
                    // the advice is a courtesy; the failure stands without it
                }
            }
            return platform.explain(sql);
        }

        /** Runs the parts and then the step's bookkeeping in one transaction. */
        @SafeVarargs
        private void inTransaction(List<Action>... parts) throws SQLException {
            List<Action> actions = new ArrayList<>();
            for (List<Action> part : parts) {
                actions.addAll(part);
            }
            c.setAutoCommit(false);
            try {
                Action.Sql last = actions.isEmpty() ? null : literal(actions.get(actions.size() - 1));
                perform(last == null ? actions : actions.subList(0, actions.size() - 1));
                commitWith(last, rendered.closing());
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            c.setAutoCommit(true);
        }

        /** The body one action at a time, each after the history row says it is about to run. */
        private void performTracked() throws SQLException {
            for (int i = 0; i < rendered.body().size(); i++) {
                Action marker = rendered.progress().get(i);
                if (marker != null) {
                    execute(c, null, (Action.Sql) marker);
                }
                perform(List.of(rendered.body().get(i)));
                ran = i + 1;
            }
        }

        /**
         * A step outside a transaction failed after its first {@link #ran} actions, which stand applied: they are undone
         * where their operations have reverses, so the database is back where the step started, and the failure says
         * what happened either way.
         */
        private MigrationFailedException outsideTransactionFailure(Throwable e, long millis) {
            // A lock the revision took would refuse the bookkeeping below and hold the running application's statements.
            for (SqlStatement release : platform.dialect().releaseTableLocks()) {
                try {
                    execute(c, null, renderer.sql(release));
                } catch (SQLException | RuntimeException unreleased) {
                    e.addSuppressed(unreleased);
                }
            }
            String advice = advice(e);
            String outcome;
            try {
                execute(c, null, renderer.sql(tables.historyStopped(step.revision().id(), millis)));
            } catch (SQLException | RuntimeException unrecorded) {
                // The row still reads as cut off: the next run looks at the database before it believes either.
                e.addSuppressed(unrecorded);
            }
            if (ran == 0) {
                outcome = "failed at its first statement, so nothing of it was applied; the database stays at "
                        + Heads.describe(step.headsBefore());
                return new MigrationFailedException(step, current, e, List.of(), outcome, advice);
            }
            String committed = "left " + (ran == 1 ? "statement 1" : "statements 1 to " + ran) + " of " + rendered.body().size()
                    + " committed, as it runs statement by statement";
            if (step.direction() == Direction.REPEAT) {
                // A repeatable is written to run again on what stands: the next upgrade runs it whole, nothing is undone.
                return new MigrationFailedException(step, current, e, List.of(), committed + "; the next upgrade runs it whole again, "
                        + "so it must run on what stands (create or replace, drop … if exists)", advice);
            }
            try {
                PartialStep partial = PartialStep.of(rendered, ran, false, platform, c);
                if (partial.applied().isEmpty()) {
                    outcome = committed + ", which changed nothing (table locks, released again), so the database stays at "
                            + Heads.describe(step.headsBefore());
                } else if (partial.undoable()) {
                    undo(partial);
                    outcome = committed + "; " + (partial.applied().size() == 1 ? "that was" : "those were") + " undone ("
                            + undoneList(partial) + "), so the database is at " + Heads.describe(step.headsBefore())
                            + " again, and the revision runs whole once fixed";
                } else {
                    outcome = committed + ", and " + (partial.applied().size() == 1 ? "that stands" : "those stand") + " applied ("
                            + appliedList(partial) + "): " + partial.cannotUndo() + ", so the version table still says "
                            + Heads.describe(step.headsBefore()) + ". " + wayBack(step);
                }
            } catch (SQLException | RuntimeException undoFailure) {
                e.addSuppressed(undoFailure);
                outcome = committed + ", and undoing that failed (" + Messages.oneLine(String.valueOf(undoFailure.getMessage()))
                        + "), so the version table still says " + Heads.describe(step.headsBefore()) + ". Look at what stands: the next "
                        + "upgrade undoes it where it can; otherwise undo it by hand and run repair, or finish the revision by hand and "
                        + "stamp " + step.revision().id();
            }
            return new MigrationFailedException(step, current, e, List.of(), outcome, advice);
        }

        /** Runs the reverses of what a partial step applied, newest first, and records that it was undone. */
        private void undo(PartialStep partial) throws SQLException {
            undoPartial(c, step, partial, false);
        }

        private void perform(List<Action> actions) throws SQLException {
            for (Action action : actions) {
                if (action instanceof Action.Sql sql) {
                    current = label(sql);
                    execute(c, step, sql);
                } else if (action instanceof Action.Callback callback) {
                    current = callback.origin() == null ? null : "JDBC code '" + callback.operation().description() + "' of "
                            + callback.origin();
                    callback.operation().work().run(c);
                }
            }
            current = null;
        }

        /** A statement as a failure names it: a callback's says whose it is. */
        private static String label(Action.Sql sql) {
            return sql.origin() == null ? sql.text() : sql.text() + " (in " + sql.origin() + ")";
        }

        /**
         * Sends the revision's last statement, Retort's bookkeeping and the COMMIT in one round trip (literal SQL only,
         * where the platform's driver takes several statements at once): a revision of one statement then costs one round
         * trip, where sending them one by one costs three. A failure there is reported as the last statement's: the
         * bookkeeping writes Retort's own rows, and a deferred constraint that fails at the commit checks what the
         * revision's statements changed.
         */
        private void commitWith(Action.Sql last, List<Action> closing) throws SQLException {
            List<Action.Sql> together = new ArrayList<>();
            if (last != null) {
                together.add(last);
            }
            closing.forEach(action -> together.add(literal(action)));
            String batch = together.contains(null) ? null
                    : platform.dialect().withCommit(together.stream().map(sql -> sql.statement().sql()).toList());
            if (batch == null) {
                // Bookkeeping with values to bind, or a driver that sends one statement at a time: each on its own, then the commit.
                perform(last == null ? List.of() : List.of(last));
                perform(closing);
                c.commit();
                return;
            }
            current = last != null ? label(last) : batch;
            try (Statement s = c.createStatement()) {
                s.execute(batch);
            }
            // Ends the driver's own view of the transaction; the server's ended with the COMMIT above.
            c.commit();
            for (Action.Sql sql : together) {
                listener.statementExecuted(step, sql.text());
            }
            current = null;
        }

        /** The action as a statement that can travel with others (no parameters to bind), or null. */
        private static Action.Sql literal(Action action) {
            return action instanceof Action.Sql sql && sql.statement().parameters().isEmpty() ? sql : null;
        }

        private void recordFailure(long millis, MigrationFailedException failure) {
            var revision = step.revision();
            try (Statement s = c.createStatement()) {
                s.execute(tables.historyFailure(revision.id(), step.direction(), revision.message(),
                        renderer.checksum(revision), millis).sql());
            } catch (SQLException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
