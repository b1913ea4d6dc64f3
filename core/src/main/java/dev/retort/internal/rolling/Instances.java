package dev.retort.internal.rolling;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The running instances of the application, as they register themselves: each row says which head the instance was built
 * with, and stays live while the instance refreshes it before its time to live runs out. Times are written and compared in
 * UTC, from the clock of the machine that writes or reads them: a database's local time depends on each session's time
 * zone (the PostgreSQL and H2 drivers set the JVM's), so an instance and a release step in different zones would read
 * each other's times hours apart. Machines kept in time (NTP) differ by far less than a time to live.
 */
public final class Instances {

    private final RollingTables tables;

    /** The instances recorded in these tables. */
    public Instances(RollingTables tables) {
        this.tables = tables;
    }

    /**
     * One registered instance.
     *
     * @param id      its registration id
     * @param heads   the head(s) it was built with
     * @param version its version, or null
     * @param host    the host it runs on
     * @param idle    how long ago it last refreshed its registration
     */
    public record Instance(String id, Set<String> heads, String version, String host, Duration idle) {

        /** The instance as a message names it. */
        public String describe() {
            return "instance " + id + (host == null ? "" : " on " + host) + " (built with head " + String.join(",", heads)
                    + (version == null ? "" : ", version " + version) + ", seen " + idle.toSeconds() + "s ago)";
        }
    }

    /** Registers an instance built with these heads. */
    public void register(String id, Set<String> heads, String version, String host, Duration ttl) {
        tables.on("register the running instance", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + tables.instances()
                    + " (id, head, version, host, started_at, seen_at, ttl_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                LocalDateTime now = utcNow();
                s.setString(1, id);
                s.setString(2, String.join(",", new TreeSet<>(heads)));
                s.setString(3, version);
                s.setString(4, host);
                s.setObject(5, now);
                s.setObject(6, now);
                s.setInt(7, (int) Math.max(1, ttl.toSeconds()));
                return s.executeUpdate();
            }
        });
    }

    /** Refreshes a registration; false when it is gone (expired and removed), so the caller registers again. */
    public boolean refresh(String id) {
        return tables.on("refresh the running instance's registration", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.instances() + " SET seen_at = ? WHERE id = ?")) {
                s.setObject(1, utcNow());
                s.setString(2, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Removes a registration: the instance stopped. */
    public void unregister(String id) {
        tables.on("remove the running instance's registration", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + tables.instances() + " WHERE id = ?")) {
                s.setString(1, id);
                return s.executeUpdate();
            }
        });
    }

    /** The live instances (refreshed within their time to live); expired registrations are removed. */
    public List<Instance> live() {
        return tables.on("read the running instances", c -> {
            List<Instance> live = new ArrayList<>();
            List<String> expired = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, head, version, host, seen_at, ttl_seconds "
                    + "FROM " + tables.instances() + " ORDER BY started_at, id")) {
                LocalDateTime now = utcNow();
                while (rs.next()) {
                    Duration idle = Duration.between(rs.getObject(5, LocalDateTime.class), now);
                    if (idle.compareTo(Duration.ofSeconds(rs.getInt(6))) > 0) {
                        expired.add(rs.getString(1));
                    } else {
                        live.add(new Instance(rs.getString(1), new TreeSet<>(Arrays.asList(rs.getString(2).split(","))), rs.getString(3),
                                rs.getString(4), idle.isNegative() ? Duration.ZERO : idle));
                    }
                }
            }
            for (String id : expired) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + tables.instances() + " WHERE id = ?")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
            }
            return live;
        });
    }

    /** The time now in UTC, without its zone: what the tables hold. */
    static LocalDateTime utcNow() {
        return LocalDateTime.now(java.time.ZoneOffset.UTC);
    }
}
