package dev.retort.internal.lint;

import java.util.List;

import dev.retort.command.Direction;
import dev.retort.internal.revision.MigrationClasses;
import dev.retort.operation.Acknowledgement;
import dev.retort.operation.Operation;
import dev.retort.operation.Operations;
import dev.retort.revision.RevisionScript;

/**
 * One revision's operations both ways, with the findings its source accepts.
 *
 * @param revision         its id, or null while it is being generated
 * @param transactional    whether it runs in one transaction
 * @param upgrade          its upgrade
 * @param upgradeAccepted  acknowledgements beside the upgrade's operations
 * @param downgrade        its downgrade
 * @param downgradeAccepted acknowledgements beside the downgrade's operations
 */
public record RevisionOperations(String revision, boolean transactional, List<Operation> upgrade, List<Acknowledgement> upgradeAccepted,
                                 List<Operation> downgrade, List<Acknowledgement> downgradeAccepted) {

    public RevisionOperations {
        upgrade = List.copyOf(upgrade);
        upgradeAccepted = List.copyOf(upgradeAccepted);
        downgrade = List.copyOf(downgrade);
        downgradeAccepted = List.copyOf(downgradeAccepted);
    }

    /** A revision's operations, recorded from its migration for a platform. */
    static RevisionOperations of(RevisionScript script, String platform) {
        Operations up = MigrationClasses.record(script, Direction.UP, platform);
        // A SQL revision without a downgrade section has nothing to lint that way (downgrading through it is refused).
        Operations down = MigrationClasses.downgradable(script) ? MigrationClasses.record(script, Direction.DOWN, platform)
                : new Operations(platform);
        return new RevisionOperations(script.id(), script.transactional(), up.recorded(), up.acknowledgements(), down.recorded(),
                down.acknowledgements());
    }

    /** Generated operations: nothing is acknowledged yet. */
    public static RevisionOperations generated(boolean transactional, List<Operation> upgrade, List<Operation> downgrade) {
        return new RevisionOperations(null, transactional, upgrade, List.of(), downgrade, List.of());
    }

    List<Operation> operations(Direction direction) {
        return direction == Direction.UP ? upgrade : downgrade;
    }

    List<Acknowledgement> accepted(Direction direction) {
        return direction == Direction.UP ? upgradeAccepted : downgradeAccepted;
    }
}
