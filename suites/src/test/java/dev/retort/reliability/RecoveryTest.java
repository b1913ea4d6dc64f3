package dev.retort.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.Revs;
import dev.retort.command.CheckResult;
import dev.retort.command.Problem;
import dev.retort.config.Setting;
import dev.retort.config.Settings;
import dev.retort.revision.RevisionGraphException;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.SchemaSource;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** The failure paths that must end in a clear message, a consistent database, and a rerun that works. */
@PostgresTest
class RecoveryTest {

    private final TestDatabase db;

    RecoveryTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private static Retort.Builder quiet(Retort.Builder builder) {
        return builder.listener(MigrationListener.none());
    }

    private Retort linear() {
        return quiet(Revs.configure(db).migrationsPackage("dev.retort.fixtures.linear")).load();
    }

    @Test
    void aMessageWithALineBreakIsRefusedWhenTheMigrationsAreFoundNamingTheRevision() {
        RevisionGraphException e = assertThrows(RevisionGraphException.class,
                () -> quiet(Revs.configure(db).migrationsPackage("dev.retort.fixtures.multiline")).load());
        assertEquals("The revision graph is not valid: dev.retort.fixtures.multiline.TwoLines has a message with a line break or "
                + "another control character; a revision message is one line (it is written into SQL comments and history rows).",
                e.getMessage());
    }

    @Test
    void hostileButOneLineMessagesRenderTheSameOfflineAsOnline() {
        Revs revs = Revs.graph().add(Revs.script("h00000000001", List.of(), true, op -> op.execute("create table hostile (id int)"),
                op -> op.execute("drop table hostile")));
        var script = revs.scripts().get(0);
        var hostile = new dev.retort.revision.RevisionScript(script.id(), script.parents(),
                "ends */ a comment; -- starts one; it's \"quoted\" \\ and ; drop table hostile", "", true, "test", script.migration());
        List<String> executed = new ArrayList<>();
        String sql;
        try (Retort retort = Revs.configure(db).revisions(List.of(hostile)).listener(new MigrationListener() {
            @Override
            public void statementExecuted(dev.retort.command.Step step, String statement) {
                executed.add(statement);
            }
        }).load()) {
            sql = retort.upgradeSql("head");
            retort.upgrade();
        }
        for (String statement : executed) {
            assertTrue(sql.contains(statement), "offline script lacks: " + statement);
        }
        assertTrue(sql.contains("-- up: base -> h00000000001, ends */ a comment; -- starts one;"), sql);
        assertEquals("t", db.value("select (to_regclass('hostile') is not null)::text::char"), "the table the message 'drops' is there");
        assertEquals(List.of("ends */ a comment; -- starts one; it's \"quoted\" \\ and ; drop table hostile"),
                db.column("select message from retort_history"));
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersFailsAfterTheConnectTimeout() throws Exception {
        // Closed by hand once the run gave up, which ends the acceptor, and again on the way out whatever happened.
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try {
            List<Socket> accepted = new ArrayList<>();
            CompletableFuture<Void> acceptor = CompletableFuture.runAsync(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            long start = System.nanoTime();
            RetortException e = assertThrows(RetortException.class, () -> {
                try (Retort retort = quiet(Retort.configure().settings(Settings.builder().set(Setting.CONNECT_TIMEOUT, "2s").build())
                        .url("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/db").user("nobody")
                        .migrationsPackage("dev.retort.fixtures.linear")).load()) {
                    retort.upgrade();
                }
            });
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(e.getMessage().startsWith("Cannot connect to the database: "), e.getMessage());
            assertTrue(seconds < 30, "gave up after the connect timeout, not never: " + seconds + " s");
            assertTrue(!accepted.isEmpty(), "the connection was accepted, then the server stayed silent");
            silent.close();
            acceptor.get(5, TimeUnit.SECONDS);
            for (Socket socket : accepted) {
                socket.close();
            }
        } finally {
            silent.close();
        }
    }

    @Test
    void connectRetriesWaitForADatabaseThatIsNotThereYetThenGiveUp() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        List<String> notes = new ArrayList<>();
        RetortException e = assertThrows(RetortException.class, () -> {
            try (Retort retort = Retort.configure().settings(Settings.builder().set(Setting.CONNECT_RETRIES, "2").build())
                    .url("jdbc:postgresql://127.0.0.1:" + closedPort + "/db").migrationsPackage("dev.retort.fixtures.linear")
                    .listener(new MigrationListener() {
                        @Override
                        public void note(String message) {
                            notes.add(message);
                        }
                    }).load()) {
                retort.upgrade();
            }
        });
        assertTrue(e.getMessage().endsWith("Gave up after 3 attempts."), e.getMessage());
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("trying again in 1s (retry 1 of 2)"), notes.get(0));
        assertTrue(notes.get(1).contains("trying again in 2s (retry 2 of 2)"), notes.get(1));
    }

    @Test
    void anIndexLeftInvalidByAnInterruptedConcurrentBuildIsDroppedAndBuiltAgain() {
        db.execute("create table big (id int primary key, v int)");
        db.execute("insert into big select g, g % 10 from generate_series(1, 1000) g");
        // An interrupted CREATE INDEX CONCURRENTLY leaves its index INVALID; a failing unique build does the same.
        assertThrows(RuntimeException.class, () -> db.execute("create unique index concurrently ix_big_v on big (v)"));
        assertEquals("f", db.value("select indisvalid::text::char from pg_index where indexrelid = 'ix_big_v'::regclass"));
        Revs revs = Revs.graph().add(Revs.script("iv0000000001", List.of(), false,
                op -> op.createIndex("ix_big_v", "big", "v").concurrently(), op -> op.dropIndex("ix_big_v").concurrently()));
        List<String> notes = new ArrayList<>();
        try (Retort retort = Revs.configure(db).revisions(revs.scripts()).listener(new MigrationListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        }).load()) {
            retort.upgrade();
        }
        assertEquals("t", db.value("select indisvalid::text::char from pg_index where indexrelid = 'ix_big_v'::regclass"));
        assertEquals("f", db.value("select indisunique::text::char from pg_index where indexrelid = 'ix_big_v'::regclass"),
                "the revision's own index, not the leftover");
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("Revision iv0000000001 was interrupted before: clearing what it left half-done first: "
                + "DROP INDEX CONCURRENTLY IF EXISTS ix_big_v."), notes.get(0));
    }

    @Test
    void aLostVersionTableIsRefusedWithTheStampToRunInsteadOfRerunningRevisionOne() {
        try (Retort retort = linear()) {
            retort.upgrade("3fa9");
        }
        db.execute("drop table retort_version");
        try (Retort retort = linear()) {
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertEquals("The database has Retort's history table (retort_history) but no version table (retort_version): it was "
                    + "dropped, or only part of the database was restored. Its history says it was last at 3fa9c1b27d4e. If its schema "
                    + "is still there, record that with stamp 3fa9c1b27d4e, then upgrade. Nothing was executed.", e.getMessage());
            retort.stamp("3fa9c1b27d4e");
            assertEquals(1, retort.upgrade().steps().size(), "after the stamp, only the last revision runs");
        }
    }

    @Test
    void aRevisionWhoseObjectsExistSaysWhichAndTheStampToRunAndCheckSaysItBefore() {
        db.execute("create table author (id bigint primary key, name text not null)");
        Revs revs = Revs.graph().add(Revs.script("a1b2c3d4e5f6", List.of(), true,
                op -> op.createTable("author", dev.retort.operation.Types.column("id", dev.retort.operation.Types.bigint()).notNull(),
                        dev.retort.operation.Types.column("name", dev.retort.operation.Types.text()).notNull(),
                        dev.retort.operation.Types.primaryKey("author_pkey", "id")),
                op -> op.dropTable("author")));
        try (Retort retort = quiet(Revs.configure(db).revisions(revs.scripts())).load()) {
            CheckResult check = retort.check(SchemaSource.of(SchemaModel.empty(java.util.Set.of("public"))));
            Problem objects = check.problems().stream().filter(p -> p.kind() == Problem.Kind.OBJECTS_EXIST).findFirst().orElseThrow();
            assertTrue(objects.message().contains("the next revision, a1b2c3d4e5f6, creates objects the database already has"),
                    objects.message());
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().startsWith("Revision a1b2c3d4e5f6 (create a1b2c3d4e5f6) failed during upgrade and was rolled back; "
                    + "the database stays at base."), e.getMessage());
            assertTrue(e.getMessage().endsWith("Error: ERROR: relation \"author\" already exists. Already in the database: table "
                    + "public.author (with the revision's columns). Everything revision a1b2c3d4e5f6 creates is there: if the database "
                    + "really is at a1b2c3d4e5f6 (its version table is behind, or the revision was applied by hand), record that with "
                    + "stamp a1b2c3d4e5f6, then upgrade."), e.getMessage());
        }
    }

    @Test
    void aStatementTimeoutIsNamedWithTheSettingThatSetsIt() {
        Revs revs = Revs.graph().sql("st0000000001", "select pg_sleep(3)", "select 1");
        try (Retort retort = quiet(Retort.configure().settings(Settings.builder().set(Setting.STATEMENT_TIMEOUT, "300ms").build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).revisions(revs.scripts())).load()) {
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().contains("canceling statement due to statement timeout"), e.getMessage());
            assertTrue(e.getMessage().endsWith("A statement ran longer than retort.statementTimeout allows; raise it for this run if "
                    + "the statement is expected to take that long."), e.getMessage());
        }
        assertEquals(List.of(), db.column("select version_num from retort_version"));
    }

    @Test
    void aUserWithoutPrivilegesGetsTheReasonAndTheDatabaseIsUnchanged() throws Exception {
        String role = "retort_ro_" + Long.toHexString(System.nanoTime());
        db.execute("create role " + role + " login");
        try {
            db.execute("revoke create on schema public from public");
            RetortException e = assertThrows(RetortException.class, () -> {
                try (Retort retort = quiet(Retort.configure().url(db.jdbcUrl()).user(role).migrationsPackage("dev.retort.fixtures.linear"))
                        .load()) {
                    retort.upgrade();
                }
            });
            assertTrue(e.getMessage().contains("no schema has been selected to create in") || e.getMessage().contains("permission denied"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("The database user lacks a privilege this needs: run migrations as a user that owns the "
                    + "schema (or has CREATE on it and owns the tables the revisions change)."), e.getMessage());
            assertNull(db.value("select to_regclass('retort_version')::text"));
        } finally {
            db.execute("grant create on schema public to public");
            db.execute("drop owned by " + role);
            db.execute("drop role " + role);
        }
    }

    @Test
    void aBackendTerminatedMidRevisionEndsInAClearErrorAConsistentDatabaseAndAWorkingRerun() throws Exception {
        Revs revs = Revs.graph().sql("tb0000000001", "create table before_sleep (id int)", "drop table before_sleep")
                .sql("tb0000000002", "create table during_sleep (id int);; select pg_sleep(2)", "drop table during_sleep", "tb0000000001");
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 200; i++) {
                String pid = db.value("select pid::text from pg_stat_activity where datname = current_database() and query like 'select pg_sleep(2)%' "
                        + "and pid <> pg_backend_pid() limit 1");
                if (pid != null) {
                    db.execute("select pg_terminate_backend(" + pid + ")");
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (Retort retort = quiet(Revs.configure(db).revisions(revs.scripts())).load()) {
            RetortException e = assertThrows(RetortException.class, retort::upgrade);
            assertTrue(e.getMessage().startsWith("Revision tb0000000002 (create tb0000000002) failed during upgrade and was rolled back; "
                    + "the database stays at tb0000000001."), e.getMessage());
            assertTrue(e.getMessage().contains("The connection to the database was lost"), e.getMessage());
            killer.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("tb0000000001"), db.column("select version_num from retort_version"));
            assertNull(db.value("select to_regclass('during_sleep')::text"), "the interrupted revision was rolled back whole");
            assertEquals(1, retort.upgrade().steps().size(), "a plain rerun finishes the job");
        }
        assertEquals(List.of("tb0000000002"), db.column("select version_num from retort_version"));
    }
}
