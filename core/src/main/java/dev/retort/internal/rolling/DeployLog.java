package dev.retort.internal.rolling;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The deploys {@code release} ran, one row each: which artifact, when, how it ended, what it applied and held back. */
public final class DeployLog {

    private final RollingTables tables;

    /** The deploys recorded in these tables. */
    public DeployLog(RollingTables tables) {
        this.tables = tables;
    }

    /**
     * One deploy.
     *
     * @param id          its id
     * @param heads       the artifact's head(s)
     * @param version     the artifact's version, or null
     * @param environment the configured environment, or null
     * @param startedAt   when the release started
     * @param finishedAt  when it ended
     * @param outcome     how it ended ({@code upgraded}, {@code nothing_to_do}, {@code refused}, {@code failed})
     * @param applied     the revisions it applied, in order
     * @param held        the contract revisions it held back for a later deploy
     */
    public record Deploy(String id, Set<String> heads, String version, String environment, Instant startedAt, Instant finishedAt,
                         String outcome, List<String> applied, List<String> held) {
    }

    /** Records a deploy. */
    public void record(Deploy deploy) {
        tables.on("record the deploy", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + tables.deploys()
                    + " (id, head, version, environment, started_at, finished_at, outcome, applied, held) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, deploy.id());
                s.setString(2, String.join(",", new TreeSet<>(deploy.heads())));
                s.setString(3, deploy.version());
                s.setString(4, deploy.environment());
                s.setTimestamp(5, Timestamp.from(deploy.startedAt()));
                s.setTimestamp(6, Timestamp.from(deploy.finishedAt()));
                s.setString(7, deploy.outcome());
                s.setString(8, String.join(",", deploy.applied()));
                s.setString(9, String.join(",", deploy.held()));
                return s.executeUpdate();
            }
        });
    }

    /** Every deploy, oldest first. */
    public List<Deploy> all() {
        return tables.on("read the deploys", c -> {
            List<Deploy> deploys = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, head, version, environment, started_at, finished_at, outcome, applied, held FROM "
                    + tables.deploys() + " ORDER BY started_at, id"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    deploys.add(new Deploy(rs.getString(1), new TreeSet<>(list(rs.getString(2))), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7), list(rs.getString(8)),
                            list(rs.getString(9))));
                }
            }
            return deploys;
        });
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
