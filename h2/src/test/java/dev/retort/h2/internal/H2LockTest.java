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

/** The lock row: held across connections, freed by its holder, and taken over once the holder's session is gone. */
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
}
