package dev.retort.fleet;

import java.time.Duration;

/**
 * Where a fleet run is.
 *
 * @param total   how many targets it runs over
 * @param done    how many finished, failed ones included
 * @param running how many are running
 * @param failed  how many failed
 * @param slowest the target that has been running longest, or null when none runs
 * @param slowestFor how long that one has been running
 */
public record FleetProgress(int total, int done, int running, int failed, Target slowest, Duration slowestFor) {

    /** One line: {@code fleet: 120/1000 done, 8 running, 1 failed; slowest running: tenant_0042 (12.3s)}. */
    public String line() {
        return "fleet: " + done + "/" + total + " done, " + running + " running, " + failed + " failed"
                + (slowest == null ? "" : "; slowest running: " + slowest.name() + " (" + FleetReport.seconds(slowestFor) + ")");
    }
}
