package dev.retort.fleet;

import dev.retort.MigrationListener;

/** Receives a fleet run's progress; every method may be called from several threads at once. */
public interface FleetListener {

    /** A target finished (or was skipped). */
    default void targetFinished(TargetResult result) {
    }

    /** Where the run is: after targets finish (at most about once a second) and every few seconds while they run. */
    default void progress(FleetProgress progress) {
    }

    /** What receives one target's own progress (lock waits, steps, notes); by default nothing. */
    default MigrationListener forTarget(Target target) {
        return MigrationListener.none();
    }

    /** A listener that hears nothing. */
    static FleetListener none() {
        return new FleetListener() {
        };
    }
}
