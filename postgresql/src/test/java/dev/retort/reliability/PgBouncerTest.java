package dev.retort.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * Migrating through PgBouncer in transaction mode is refused before anything changes: the session lock would not
 * hold. Runs where the pgbouncer binary is installed (the {@code pgbouncer} Maven profile; {@code .ci/run} installs it).
 */
@PostgresTest
class PgBouncerTest {

    private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
    private final TestDatabase db;

    PgBouncerTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aPoolerInTransactionModeIsDetectedAndNothingChanges(@TempDir Path dir) throws Exception {
        Matcher server = SERVER.matcher(db.jdbcUrl());
        assertTrue(server.matches(), db.jdbcUrl());
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        // Round robin over two server connections: consecutive transactions land on different sessions.
        Path ini = dir.resolve("pgbouncer.ini");
        Files.writeString(ini, "[databases]\nmigrate = host=" + server.group(1) + " port=" + (server.group(2) == null ? "5432" : server.group(2))
                + " dbname=" + server.group(3) + " user=" + db.user() + (db.password() == null || db.password().isEmpty() ? "" : " password=" + db.password())
                + "\n[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = " + port + "\nauth_type = any\npool_mode = transaction\n"
                + "default_pool_size = 4\nmin_pool_size = 2\nserver_round_robin = 1\nunix_socket_dir =\nlogfile = " + dir.resolve("pgbouncer.log")
                + "\npidfile = " + dir.resolve("pgbouncer.pid") + "\n");
        // PgBouncer refuses to run as root (as CI machines often run): then it runs as nobody, in a directory it may write.
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            dir.toFile().setWritable(true, false);
            dir.toFile().setExecutable(true, false);
            ini.toFile().setReadable(true, false);
        }
        java.util.List<String> command = root ? java.util.List.of("runuser", "-u", "nobody", "--", "pgbouncer", ini.toString())
                : java.util.List.of("pgbouncer", ini.toString());
        Process bouncer = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pgbouncer.out").toFile()).start();
        try {
            waitForPort(port);
            warmUp(port);
            RetortException e = assertThrows(RetortException.class, () -> {
                try (Retort retort = Retort.configure().url("jdbc:postgresql://127.0.0.1:" + port + "/migrate?prepareThreshold=0")
                        .user(db.user()).migrationsPackage("dev.retort.fixtures.linear").listener(MigrationListener.none()).load()) {
                    retort.upgrade();
                }
            });
            assertTrue(e.getMessage().startsWith("The connection goes through a pooler that hands each transaction to another server "
                    + "session (PgBouncer in transaction mode, backend "), e.getMessage());
            assertTrue(e.getMessage().endsWith("Migrate over a direct connection to PostgreSQL, or a pool in session mode. Nothing was "
                    + "changed."), e.getMessage());
            assertNull(db.value("select to_regclass('retort_version')::text"), "nothing was changed");
        } finally {
            bouncer.destroy();
            bouncer.waitFor(10, TimeUnit.SECONDS);
            bouncer.descendants().forEach(ProcessHandle::destroy);
        }
        assertEquals("0", db.value("select count(*) from pg_locks where locktype = 'advisory' "
                + "and database = (select oid from pg_database where datname = current_database())"), "the lock went with the pooler's sessions");
    }

    /** Two clients in open transactions at once make PgBouncer open two server sessions, which round robin then alternates. */
    private void warmUp(int port) throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", db.user());
        props.setProperty("prepareThreshold", "0");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/migrate";
        try (java.sql.Connection a = new org.postgresql.Driver().connect(url, props); java.sql.Connection b = new org.postgresql.Driver().connect(url, props)) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            try (var s = a.createStatement(); var t = b.createStatement()) {
                s.execute("select 1");
                t.execute("select 1");
            }
            a.commit();
            b.commit();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (accepts(port)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pgbouncer did not start on port " + port);
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return probe.isConnected();
        } catch (java.io.IOException notYet) {
            return false;
        }
    }
}
