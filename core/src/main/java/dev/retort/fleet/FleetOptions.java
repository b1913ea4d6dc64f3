package dev.retort.fleet;

import java.util.Map;

import dev.retort.RetortException;
import dev.retort.config.Setting;
import dev.retort.config.Settings;

/**
 * How a fleet runs.
 *
 * @param parallel how many targets run at once (the connection pool holds twice as many connections)
 * @param failFast whether the first failure stops the fleet: no further target starts, those running finish
 * @param canary   how many targets run first; if one of them fails, the others are skipped
 * @param shard    the slice of the fleet this run takes
 */
public record FleetOptions(int parallel, boolean failFast, int canary, Shard shard) {

    /** How many targets run at once unless told otherwise. */
    public static final int DEFAULT_PARALLEL = 4;

    /** Checks the bounds. */
    public FleetOptions {
        if (parallel < 1) {
            throw new RetortException("{parallel} is " + parallel + "; give at least 1.");
        }
        if (canary < 0) {
            throw new RetortException("{canary} is " + canary + "; give 0 (no canary) or more.");
        }
        shard = shard == null ? Shard.ALL : shard;
    }

    /** Four at once, no fail-fast, no canary, the whole fleet. */
    public static FleetOptions defaults() {
        return new FleetOptions(DEFAULT_PARALLEL, false, 0, Shard.ALL);
    }

    /** The options the settings give, the shard also from a Kubernetes Indexed Job's environment. */
    public static FleetOptions from(Settings settings, Map<String, String> environment) {
        return new FleetOptions(number(settings, Setting.PARALLEL), yes(settings.get(Setting.FAIL_FAST)), number(settings, Setting.CANARY),
                Shard.of(settings.get(Setting.SHARD), environment));
    }

    /** The same options with another degree of parallelism. */
    public FleetOptions withParallel(int value) {
        return new FleetOptions(value, failFast, canary, shard);
    }

    private static int number(Settings settings, Setting setting) {
        String value = settings.get(setting);
        try {
            return Integer.parseInt((value == null ? setting.defaultValue() : value).strip());
        } catch (NumberFormatException e) {
            throw new RetortException("{" + setting.key() + "} is '" + value + "', which is not a whole number.");
        }
    }

    private static boolean yes(String value) {
        return value != null && (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true"));
    }
}
