package dev.retort.operation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import dev.retort.RetortException;

/**
 * An update of existing rows in batches, each committed on its own, instead of one long transaction that would hold
 * its row locks (and, on a big table, bloat and replication lag) until the end: {@code UPDATE table SET set} for the
 * rows matching {@code where}, in ranges of the key column. Each batch commits together with its progress, recorded in
 * {@code retort_backfills} under the backfill's name, so a run killed midway resumes after the last committed batch
 * and no row is updated twice; a finished backfill run again does nothing.
 *
 * <p>In a migration: {@code op.backfill(Backfill.of("person").set("full_name = name").where("full_name IS NULL"))} in a
 * revision declared {@code transactional = false}, best alone in its revision (a revision cut off inside a backfill is
 * resumed by the next run). On its own: {@code backfill.run(connection)} on an auto-committing connection.
 *
 * <p>Rows inserted behind the batches' progress while it runs are not visited: keep them right as they are written
 * (the expand's triggers do) or give a {@code where} that a second run can pick up.
 */
public final class Backfill implements JdbcWork {

    private static final System.Logger LOG = System.getLogger(Backfill.class.getName());
    private static final String PROGRESS = "retort_backfills";

    /**
     * How far a backfill is.
     *
     * @param name      the backfill's name
     * @param rowsDone  rows updated so far, over every run
     * @param estimate  the rows it expects to update in all (counted when it first started)
     * @param elapsed   time spent in this run
     * @param remaining the time this run still expects to take, from its pace so far; zero when finished
     * @param finished  whether every batch is done
     */
    public record Progress(String name, long rowsDone, long estimate, Duration elapsed, Duration remaining, boolean finished) {

        /** One line for people. */
        public String describe() {
            long percent = estimate <= 0 ? 100 : Math.min(100, rowsDone * 100 / estimate);
            return "backfill " + name + ": " + rowsDone + " of about " + estimate + " rows (" + percent + "%)"
                    + (finished ? ", finished" : ", about " + remaining.toSeconds() + "s left");
        }
    }

    private final String table;
    private final String key;
    private final String set;
    private final String where;
    private final int batchSize;
    private final Duration pause;
    private final String name;
    private final Consumer<Progress> progress;

    private Backfill(String table, String key, String set, String where, int batchSize, Duration pause, String name,
                     Consumer<Progress> progress) {
        this.table = table;
        this.key = key;
        this.set = set;
        this.where = where;
        this.batchSize = batchSize;
        this.pause = pause;
        this.name = name;
        this.progress = progress;
    }

    /** A backfill of a table (schema-qualified if need be), by its {@code id} column, 1000 rows a batch, no pause. */
    public static Backfill of(String table) {
        return new Backfill(Objects.requireNonNull(table, "table"), "id", null, null, 1000, Duration.ZERO, null, null);
    }

    /** The assignments, as in {@code UPDATE … SET}: {@code "full_name = name"}. */
    public Backfill set(String assignments) {
        return new Backfill(table, key, Objects.requireNonNull(assignments, "set"), where, batchSize, pause, name, progress);
    }

    /** Which rows to update, as in {@code WHERE}; all by default. */
    public Backfill where(String condition) {
        return new Backfill(table, key, set, condition, batchSize, pause, name, progress);
    }

    /** The unique, non-null, ordered column the batches are ranges of: the primary key ({@code id} by default). */
    public Backfill key(String column) {
        return new Backfill(table, Objects.requireNonNull(column, "key"), set, where, batchSize, pause, name, progress);
    }

    /** Rows per batch (and per transaction). */
    public Backfill batchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("A backfill's batch size is at least 1 row; got " + rows + ".");
        }
        return new Backfill(table, key, set, where, rows, pause, name, progress);
    }

    /** A pause between batches, leaving the database room for the application's own work. */
    public Backfill pause(Duration value) {
        return new Backfill(table, key, set, where, batchSize, Objects.requireNonNull(value, "pause"), name, progress);
    }

    /** The name its progress is recorded under; by default the table and the assignments. */
    public Backfill name(String value) {
        return new Backfill(table, key, set, where, batchSize, pause, Objects.requireNonNull(value, "name"), progress);
    }

    /** Receives the progress after each batch (by default it is logged every tenth of the way). */
    public Backfill progress(Consumer<Progress> listener) {
        return new Backfill(table, key, set, where, batchSize, pause, name, listener);
    }

    /** The name its progress is recorded under. */
    public String name() {
        String value = name != null ? name : table + ": " + set;
        return value.length() > 200 ? value.substring(0, 200) : value;
    }

    /** What it does, for messages and the history. */
    public String describe() {
        return "backfill " + table + " SET " + set + (where == null ? "" : " WHERE " + where) + " in batches of " + batchSize;
    }

    /**
     * Runs (or resumes) the backfill on an auto-committing connection, committing each batch with its progress.
     *
     * @throws RetortException when the connection is inside a transaction (a transactional revision)
     */
    @Override
    public void run(Connection connection) throws SQLException {
        if (set == null) {
            throw new RetortException("Backfill of " + table + " says nothing to set: give .set(\"column = expression\").");
        }
        if (!connection.getAutoCommit()) {
            throw new RetortException("The " + describe() + " commits batch by batch, so it cannot run inside a transaction: declare its "
                    + "revision @Revision(transactional = false), or run it on an auto-committing connection.");
        }
        String filter = where == null ? "" : " AND (" + where + ")";
        createProgressTable(connection);
        long[] state = start(connection, filter);
        long estimate = state[1];
        long done = state[0];
        if (state[2] == 1) {
            report(new Progress(name(), done, estimate, Duration.ZERO, Duration.ZERO, true), true);
            return;
        }
        boolean numeric = numericKey(connection);
        String last = lastKey(connection);
        long started = System.nanoTime();
        long doneThisRun = 0;
        long nextLog = 0;
        connection.setAutoCommit(false);
        try {
            while (true) {
                Object upTo = null;
                int keys = 0;
                try (PreparedStatement s = connection.prepareStatement("SELECT " + key + " FROM " + table + " WHERE "
                        + (last == null ? "1 = 1" : key + " > ?") + filter + " ORDER BY " + key + " LIMIT " + batchSize)) {
                    if (last != null) {
                        bind(s, 1, last, numeric);
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            upTo = rs.getObject(1);
                            keys++;
                        }
                    }
                }
                if (keys == 0) {
                    try (PreparedStatement s = connection.prepareStatement("UPDATE " + PROGRESS + " SET finished = 1 WHERE name = ?")) {
                        s.setString(1, name());
                        s.executeUpdate();
                    }
                    connection.commit();
                    report(new Progress(name(), done, estimate, Duration.ofNanos(System.nanoTime() - started), Duration.ZERO, true), true);
                    return;
                }
                int updated;
                try (PreparedStatement s = connection.prepareStatement("UPDATE " + table + " SET " + set + " WHERE "
                        + (last == null ? "" : key + " > ? AND ") + key + " <= ?" + filter)) {
                    int i = 1;
                    if (last != null) {
                        bind(s, i++, last, numeric);
                    }
                    bind(s, i, String.valueOf(upTo), numeric);
                    updated = s.executeUpdate();
                }
                last = String.valueOf(upTo);
                try (PreparedStatement s = connection.prepareStatement("UPDATE " + PROGRESS
                        + " SET last_key = ?, rows_done = rows_done + ? WHERE name = ?")) {
                    s.setString(1, last);
                    s.setLong(2, updated);
                    s.setString(3, name());
                    s.executeUpdate();
                }
                connection.commit();
                done += updated;
                doneThisRun += updated;
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                long left = Math.max(0, estimate - done);
                Duration remaining = doneThisRun == 0 ? Duration.ZERO : elapsed.multipliedBy(left).dividedBy(doneThisRun);
                boolean log = done >= nextLog;
                if (log) {
                    nextLog = done + Math.max(1, estimate / 10);
                }
                report(new Progress(name(), done, estimate, elapsed, remaining, false), log);
                if (!pause.isZero()) {
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RetortException("The " + describe() + " was interrupted after " + done + " rows; run it again to resume.");
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void report(Progress value, boolean log) {
        if (progress != null) {
            progress.accept(value);
        } else if (log) {
            LOG.log(System.Logger.Level.INFO, value.describe());
        }
    }

    private static void createProgressTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + PROGRESS + " (name VARCHAR(200) NOT NULL PRIMARY KEY, last_key VARCHAR(200), "
                    + "rows_done BIGINT NOT NULL, estimate BIGINT NOT NULL, finished SMALLINT NOT NULL)");
        }
    }

    /** Rows done, the estimate and whether it finished: read, or recorded now with the rows counted, when it first starts. */
    private long[] start(Connection connection, String filter) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT rows_done, estimate, finished FROM " + PROGRESS + " WHERE name = ?")) {
            s.setString(1, name());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                }
            }
        }
        long estimate;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 1" + filter)) {
            rs.next();
            estimate = rs.getLong(1);
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + PROGRESS
                + " (name, last_key, rows_done, estimate, finished) VALUES (?, NULL, 0, ?, 0)")) {
            s.setString(1, name());
            s.setLong(2, estimate);
            s.executeUpdate();
        }
        return new long[] {0, estimate, 0};
    }

    private String lastKey(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT last_key FROM " + PROGRESS + " WHERE name = ?")) {
            s.setString(1, name());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private boolean numericKey(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT " + key + " FROM " + table + " WHERE 1 = 0")) {
            int type = rs.getMetaData().getColumnType(1);
            return type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT
                    || type == Types.NUMERIC || type == Types.DECIMAL;
        }
    }

    private static void bind(PreparedStatement s, int index, String value, boolean numeric) throws SQLException {
        if (numeric) {
            s.setObject(index, new java.math.BigDecimal(value));
        } else {
            s.setString(index, value);
        }
    }

    /** Forgets the backfill's progress (a downgrade does, so the next upgrade backfills again). */
    public Forget forget() {
        return new Forget(this);
    }

    /**
     * The work that forgets a backfill's recorded progress.
     *
     * @param backfill the backfill
     */
    public record Forget(Backfill backfill) implements JdbcWork {

        @Override
        public void run(Connection connection) throws SQLException {
            createProgressTable(connection);
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + PROGRESS + " WHERE name = ?")) {
                s.setString(1, backfill.name());
                s.executeUpdate();
            }
        }
    }

    /** The table it updates. */
    public String table() {
        return table;
    }

    /** The key column its batches are ranges of. */
    public String keyColumn() {
        return key;
    }

    /** The assignments, or null when none were given yet. */
    public String assignments() {
        return set;
    }

    /** The condition rows must match, or null for all. */
    public String condition() {
        return where;
    }

    /** Rows per batch. */
    public int rowsPerBatch() {
        return batchSize;
    }

    /** The pause between batches. */
    public Duration pauseBetweenBatches() {
        return pause;
    }

    /** Whether it was given a name of its own. */
    public boolean named() {
        return name != null;
    }
}
