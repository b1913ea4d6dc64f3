package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * A server that logs the client in and then never answers (a network path that drops packets, a frozen server):
 * with a read timeout of two seconds the command gives up in well under the default thirty, in one line that names
 * the read timeout and what to do.
 */
@PostgresTest
class ReadTimeoutTest {

    private final TestDatabase db;

    ReadTimeoutTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void aServerThatStopsAnsweringAfterLoginFailsAfterTheReadTimeout() throws Exception {
        URI server = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        try (SilentAfterLogin proxy = new SilentAfterLogin(server.getHost(), server.getPort() == -1 ? 5432 : server.getPort())) {
            // Plain TCP, so the proxy can read the messages; with assumeMinServerVersion the driver sends its session settings
            // in the startup packet instead of as queries after it, so the login ends at the server's first ReadyForQuery.
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath()
                    + "?sslmode=disable&gssEncMode=disable&assumeMinServerVersion=9.0";
            long start = System.nanoTime();
            Cli.Result result = Cli.against(db, "dev.retort.fixtures.linear").env("DATABASE_URL", url).env("RETORT_READ_TIMEOUT", "2s")
                    .run("upgrade");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(proxy.loggedIn.get(), "the client logged in through the proxy before it fell silent");
            assertEquals(1, result.exit(), result.toString());
            assertTrue(seconds < 15, "gave up after the read timeout: " + seconds + " s; " + result);
            String error = result.err().strip();
            assertFalse(error.contains("\n"), "one line: " + error);
            assertTrue(error.startsWith("retort: "), error);
            assertTrue(error.startsWith("retort: The migration run could not talk to the database: "), error);
            assertTrue(error.endsWith("The database did not answer within --read-timeout (RETORT_READ_TIMEOUT): check that the server "
                    + "and the network path to it are up (a frozen server, a firewall dropping an idle connection), or raise "
                    + "--read-timeout (RETORT_READ_TIMEOUT) if the server is only slow; a transactional revision that was running was "
                    + "rolled back."), "names the setting and what to do: " + error);
        }
        assertEquals(null, db.value("select to_regclass('retort_version')::text"), "nothing reached the database after login");
    }

    @Test
    void aCommandThatOnlyReadsIsBoundedByTheReadTimeoutToo() throws Exception {
        URI server = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        try (SilentAfterLogin proxy = new SilentAfterLogin(server.getHost(), server.getPort() == -1 ? 5432 : server.getPort())) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath()
                    + "?sslmode=disable&gssEncMode=disable&assumeMinServerVersion=9.0";
            long start = System.nanoTime();
            Cli.Result result = Cli.against(db, "dev.retort.fixtures.linear").env("DATABASE_URL", url).env("RETORT_READ_TIMEOUT", "2s")
                    .run("current");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertEquals(1, result.exit(), result.toString());
            assertTrue(seconds < 15, "gave up after the read timeout: " + seconds + " s; " + result);
            String error = result.err().strip();
            assertFalse(error.contains("\n"), "one line: " + error);
            assertTrue(error.contains("The database did not answer within --read-timeout (RETORT_READ_TIMEOUT)"), error);
        }
    }

    /**
     * A loopback proxy to the test server that relays the login (up to the server's first ReadyForQuery) and then relays
     * nothing more in either direction, keeping the connections open.
     */
    private static final class SilentAfterLogin implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        final AtomicBoolean loggedIn = new AtomicBoolean();

        SilentAfterLogin(String host, int port) throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = listener.accept();
                        Socket upstream = new Socket(host, port);
                        sockets.add(client);
                        sockets.add(upstream);
                        relay(client, upstream);
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void relay(Socket client, Socket upstream) {
            AtomicBoolean silent = new AtomicBoolean();
            Thread up = new Thread(() -> {
                try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        if (!silent.get()) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    }
                } catch (IOException closed) {
                    // either side went away
                }
            }, "silent-proxy-up");
            Thread down = new Thread(() -> {
                // Server messages are framed (type byte, length): relay them up to the first ReadyForQuery, then nothing.
                try (DataInputStream in = new DataInputStream(upstream.getInputStream()); OutputStream out = client.getOutputStream()) {
                    while (true) {
                        byte type = in.readByte();
                        int length = in.readInt();
                        byte[] body = in.readNBytes(length - 4);
                        if (silent.get()) {
                            continue;
                        }
                        out.write(type);
                        out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
                        out.write(body);
                        out.flush();
                        if (type == 'Z') {
                            silent.set(true);
                            loggedIn.set(true);
                        }
                    }
                } catch (IOException closed) {
                    // either side went away
                }
            }, "silent-proxy-down");
            up.setDaemon(true);
            down.setDaemon(true);
            up.start();
            down.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
