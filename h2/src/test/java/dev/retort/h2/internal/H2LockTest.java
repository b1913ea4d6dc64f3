package dev.retort.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.platform.MigrationLock;

/**
 * The lock row: held across connections (through a TCP server too), freed by its holder, and taken over once the holder's
 * session is gone; a user who is no admin, who cannot see that, is told how to free it.
 */
class H2LockTest {

    private final H2Platform h2 = new H2Platform();

    @Test
    void aSecondConnectionWaitsForTheHolderAndGetsTheLockOnceFreed() throws Exception {
        try (H2Db db = new H2Db("lock"); Connection other = db.connect()) {
            MigrationLock.Held held = h2.lock().acquire(db.connection, "retort_version", Duration.ofSeconds(1), MigrationListener.none());
            String session = db.column("SELECT SESSION_ID()").get(0);
            RetortException e = assertThrows(RetortException.class,
                    () -> h2.lock().acquire(other, "retort_version", Duration.ofMillis(300), MigrationListener.none()));
            assertTrue(e.getMessage().startsWith("Another migration run holds Retort's lock on this database (the row 'retort_version' of "
                    + "retort_lock, held by session " + session + " of SA since "), e.getMessage());
            assertTrue(e.getMessage().endsWith("; gave up after 300 ms. Wait for it to finish, or raise the lock timeout."), e.getMessage());
            try (MigrationLock.Held separate = h2.lock().acquire(other, "other_version", Duration.ZERO, MigrationListener.none())) {
                separate.checkSession(); // another version table migrates independently
            }
            held.close();
            try (MigrationLock.Held taken = h2.lock().acquire(other, "retort_version", Duration.ofSeconds(1), MigrationListener.none())) {
                taken.checkSession();
                assertTrue(!db.column("SELECT holder_session FROM retort_lock WHERE name = 'retort_version'").contains(session));
            }
            assertTrue(h2.catalogReader(t -> true).read(db.connection, Set.of("")).tables().isEmpty(),
                    "the lock table is no part of the schema Retort compares or cleans");
        }
    }

    @Test
    void aHolderWhoseConnectionDiesLeavesNoLockBehind() throws Exception {
        try (H2Db db = new H2Db("lockdeath")) {
            Connection holder = db.connect();
            h2.lock().acquire(holder, "retort_version", Duration.ofSeconds(1), MigrationListener.none());
            holder.close(); // the process holding it died: its session ends, the row still names it
            assertEquals(1, db.column("SELECT COUNT(*) FROM retort_lock WHERE holder_session IS NOT NULL").stream().mapToInt(Integer::parseInt).sum());
            long start = System.nanoTime();
            try (MigrationLock.Held taken = h2.lock().acquire(db.connection, "retort_version", Duration.ofSeconds(5), MigrationListener.none())) {
                taken.checkSession();
                assertTrue(System.nanoTime() - start < 2_000_000_000L, "taken over at once, not after the time-out");
                assertEquals(db.column("SELECT SESSION_ID()"), db.column("SELECT holder_session FROM retort_lock"));
            }
        }
    }

    @Test
    void eightThreadsTakeTurns() throws Exception {
        try (H2Db db = new H2Db("turns")) {
            db.execute("CREATE TABLE counter (n INT)");
            db.execute("INSERT INTO counter VALUES (0)");
            List<Thread> threads = new java.util.ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            for (int i = 0; i < 8; i++) {
                Thread thread = new Thread(() -> {
                    try (Connection c = db.connect();
                         MigrationLock.Held held = h2.lock().acquire(c, "retort_version", Duration.ofSeconds(30), MigrationListener.none())) {
                        held.checkSession();
                        if (inside.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        Thread.sleep(20);
                        inside.decrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), failures);
            assertEquals(0, overlaps.get(), "never two holders at once");
        }
    }

    @Test
    void aUserWhoIsNoAdminWaitsForAStaleHolderAndIsToldHowToFreeIt() throws Exception {
        try (H2Db db = new H2Db("lockuser")) {
            db.execute("CREATE USER app PASSWORD 'app-secret'");
            db.execute("GRANT ALL ON SCHEMA PUBLIC TO app");
            Connection holder = db.connect();
            h2.lock().acquire(holder, "retort_version", Duration.ofSeconds(1), MigrationListener.none());
            holder.close(); // gone, but only an admin can see that its session ended
            java.util.Properties credentials = new java.util.Properties();
            credentials.setProperty("user", "app");
            credentials.setProperty("password", "app-secret");
            // Settings in the URL need admin rights; the database stays open through the admin's connection.
            try (Connection app = new org.h2.Driver().connect(db.url.replace(";DB_CLOSE_DELAY=-1", ""), credentials)) {
                RetortException e = assertThrows(RetortException.class,
                        () -> h2.lock().acquire(app, "retort_version", Duration.ofMillis(300), MigrationListener.none()));
                assertTrue(e.getMessage().contains("gave up after 300 ms") && e.getMessage().contains("connect as an admin")
                        && e.getMessage().contains("UPDATE retort_lock SET holder_session = NULL"), e.getMessage());
                assertTrue(!e.getMessage().contains("app-secret"), e.getMessage());
            }
            // The admin sees the holder's session is gone and takes the lock over.
            try (MigrationLock.Held taken = h2.lock().acquire(db.connection, "retort_version", Duration.ofSeconds(5), MigrationListener.none())) {
                taken.checkSession();
            }
        }
    }

    @Test
    void throughATcpServerTwoConnectionsTakeTurnsAndADeadHoldersLockIsTakenOver() throws Exception {
        org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        try {
            java.util.Properties admin = new java.util.Properties();
            admin.setProperty("user", "sa");
            admin.setProperty("password", "");
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:tcplock_" + Long.toHexString(System.nanoTime());
            try (Connection keep = new org.h2.Driver().connect(url, admin); Connection first = new org.h2.Driver().connect(url, admin)) {
                MigrationLock.Held held = h2.lock().acquire(first, "retort_version", Duration.ofSeconds(1), MigrationListener.none());
                try (Connection second = new org.h2.Driver().connect(url, admin)) {
                    assertThrows(RetortException.class,
                            () -> h2.lock().acquire(second, "retort_version", Duration.ofMillis(300), MigrationListener.none()),
                            "a second client of the server waits for the first");
                    held.close();
                    h2.lock().acquire(second, "retort_version", Duration.ofSeconds(1), MigrationListener.none());
                    // second dies holding it: its session ends on the server, and the next client takes the lock over at once.
                }
                try (MigrationLock.Held taken = h2.lock().acquire(keep, "retort_version", Duration.ofSeconds(5), MigrationListener.none())) {
                    taken.checkSession();
                }
            }
        } finally {
            server.stop();
        }
    }
}
