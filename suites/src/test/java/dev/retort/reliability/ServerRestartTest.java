package dev.retort.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.Revs;

/**
 * The server restarts in the middle of a revision: the run fails with a clear error, the database is at the last
 * committed revision, and a rerun after the restart finishes. The server is an embedded PostgreSQL of this test's
 * own (a real server from Maven artifacts), so it can be stopped and started again on the same port and data
 * directory without touching anyone else's.
 */
class ServerRestartTest {

    @Test
    void aServerRestartMidRevisionEndsInAClearErrorAndARerunFinishes(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD).setErrorRedirector(ProcessBuilder.Redirect.DISCARD);
        List<EmbeddedPostgres> servers = new ArrayList<>();
        servers.add(builder.start());
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        Revs revs = Revs.graph().sql("rs0000000001", "create table before_restart (id int)", "drop table before_restart")
                .sql("rs0000000002", "create table during_restart (id int);; select pg_sleep(5)", "drop table during_restart", "rs0000000001");
        try {
            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
                try {
                    waitForSleep(servers.get(0));
                    servers.get(0).close();
                    servers.add(builder.start());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Retort retort = Retort.configure().url(url).user("postgres").revisions(revs.scripts())
                    .listener(MigrationListener.none()).load()) {
                RetortException e = assertThrows(RetortException.class, retort::upgrade);
                assertTrue(e.getMessage().startsWith("Revision rs0000000002 (create rs0000000002) failed during upgrade and was rolled back; "
                        + "the database stays at rs0000000001."), e.getMessage());
                assertTrue(e.getMessage().contains("The connection to the database was lost"), e.getMessage());
                restart.get(120, TimeUnit.SECONDS);
                assertEquals(List.of("rs0000000001"), column(url, "select version_num from retort_version"));
                assertEquals(List.of("before_restart"), column(url, "select tablename::text from pg_tables where tablename like '%restart'"));
                assertEquals(1, retort.upgrade().steps().size(), "after the restart a plain rerun finishes");
            }
            assertEquals(List.of("rs0000000002"), column(url, "select version_num from retort_version"));
        } finally {
            for (EmbeddedPostgres server : servers) {
                server.close();
            }
        }
    }

    private static void waitForSleep(EmbeddedPostgres server) throws Exception {
        for (int i = 0; i < 400; i++) {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where query like 'select pg_sleep(5)%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the revision never reached its sleep");
    }

    private static List<String> column(String url, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = new org.postgresql.Driver().connect(url, props()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static java.util.Properties props() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "postgres");
        return p;
    }
}
