package dev.retort.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.retort.mysql.internal.MariaDbPlatform;
import dev.retort.testing.TestDatabase;

/** What the crash test asks the database between kills, each platform in its own catalog's words. */
interface CrashProbes {

    static CrashProbes of(TestDatabase db) {
        return switch (db.platform()) {
            case "postgresql" -> new Postgres(db);
            case "h2" -> new H2(db);
            default -> new MariaDb(db);
        };
    }

    /** Whether Retort's version table exists, asked on the polling connection. */
    boolean versionTableExists(Statement s) throws SQLException;

    /** Whether the child runs an index build or drop now. */
    boolean runningIndexWork();

    /** Whether a session of the killed run is still on the server (it finishes its statement before noticing). */
    boolean runLeftASession();

    /** Whether a migration lock is held. */
    boolean lockHeld();

    /** {@code present}, {@code absent} or {@code invalid} (an index a killed concurrent build left unusable). */
    default String presence(String object) {
        return object.startsWith("ix_") ? indexPresence(object) : db().tableExists(object) ? "present" : "absent";
    }

    /** The database asked (each probe's record component). */
    TestDatabase db();

    /** {@link #presence} of an index, in the catalog's words. */
    String indexPresence(String index);

    /**
     * A transaction that keeps the next index build or drop waiting until it ends, so a kill lands inside it however fast
     * the server builds indexes. The wait is well within the run's lock time-out.
     */
    default Connection holdIndexWork(TestDatabase db) throws SQLException {
        Connection holder = db.connect();
        holder.setAutoCommit(false);
        holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = holder.createStatement()) {
            s.execute(db.tableExists("big") ? "select count(*) from big where 1 = 0" : "select 1");
        }
        return holder;
    }

    /** CREATE INDEX CONCURRENTLY waits for older snapshots, DROP INDEX CONCURRENTLY for readers of the table. */
    record Postgres(TestDatabase db) implements CrashProbes {

        @Override
        public boolean versionTableExists(Statement s) throws SQLException {
            try (ResultSet exists = s.executeQuery("select to_regclass('retort_version') is not null")) {
                exists.next();
                return exists.getBoolean(1);
            }
        }

        @Override
        public boolean runningIndexWork() {
            return !"0".equals(db.value("select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
                    + "and state = 'active' and (query ilike 'create index concurrently%' or query ilike 'drop index concurrently%')"));
        }

        @Override
        public boolean runLeftASession() {
            return !"0".equals(db.value("select count(*) from pg_stat_activity where datname = current_database() "
                    + "and pid <> pg_backend_pid() and application_name = 'retort'"));
        }

        @Override
        public boolean lockHeld() {
            return !"0".equals(db.value("select count(*) from pg_locks where locktype = 'advisory' "
                    + "and database = (select oid from pg_database where datname = current_database())"));
        }

        @Override
        public String indexPresence(String object) {
            String valid = db.value("select indisvalid::text from pg_index where indexrelid = to_regclass('" + object + "')");
            return valid == null ? "absent" : "true".equals(valid) ? "present" : "invalid";
        }
    }

    /** An online index build waits for the metadata lock of a transaction that read the table, at its start or end. */
    record MariaDb(TestDatabase db) implements CrashProbes {

        @Override
        public boolean versionTableExists(Statement s) throws SQLException {
            try (ResultSet exists = s.executeQuery("select count(*) from information_schema.tables where table_schema = database() "
                    + "and table_name = 'retort_version'")) {
                exists.next();
                return exists.getInt(1) > 0;
            }
        }

        @Override
        public boolean runningIndexWork() {
            return !"0".equals(db.value("select count(*) from information_schema.processlist where db = database() "
                    + "and id <> connection_id() and info like '%INDEX%ix\\_big\\_%'"));
        }

        @Override
        public boolean runLeftASession() {
            return !"0".equals(db.value("select count(*) from information_schema.processlist where db = database() and id <> connection_id()"));
        }

        @Override
        public boolean lockHeld() {
            return db.value("select is_used_lock('" + MariaDbPlatform.lockName(db.name(), "retort_version") + "')") != null;
        }

        @Override
        public String indexPresence(String object) {
            return "0".equals(db.value("select count(*) from information_schema.statistics where table_schema = database() "
                    + "and index_name = '" + object + "'")) ? "absent" : "present";
        }
    }

    /**
     * An H2 file opened by the test and, through H2's auto-server, by the killed run: sessions and the lock row are in its
     * own tables. H2 builds an index without waiting for readers, so a steered kill only waits until one is being built.
     */
    record H2(TestDatabase db) implements CrashProbes {

        @Override
        public boolean versionTableExists(Statement s) throws SQLException {
            try (ResultSet exists = s.executeQuery("select count(*) from information_schema.tables where table_name = 'RETORT_VERSION'")) {
                exists.next();
                return exists.getInt(1) > 0;
            }
        }

        @Override
        public boolean runningIndexWork() {
            return !"0".equals(db.value("select count(*) from information_schema.sessions where session_id <> session_id() "
                    + "and upper(executing_statement) like '%CREATE INDEX%'"));
        }

        @Override
        public boolean runLeftASession() {
            // The killed run's sessions end when the auto-server notices its connection is gone; the test holds no other.
            return !"0".equals(db.value("select count(*) from information_schema.sessions where session_id <> session_id()"));
        }

        @Override
        public boolean lockHeld() {
            if ("0".equals(db.value("select count(*) from information_schema.tables where table_name = 'RETORT_LOCK'"))) {
                return false;
            }
            return !"0".equals(db.value("select count(*) from retort_lock l where exists (select 1 from information_schema.sessions s "
                    + "where s.session_id = l.holder_session and s.session_start = l.holder_start)"));
        }

        @Override
        public String indexPresence(String object) {
            return "0".equals(db.value("select count(*) from information_schema.indexes where index_name = '"
                    + object.toUpperCase(java.util.Locale.ROOT) + "'")) ? "absent" : "present";
        }

        @Override
        public Connection holdIndexWork(TestDatabase db) throws SQLException {
            Connection idle = db.connect();
            idle.setAutoCommit(false);
            return idle;
        }
    }
}
