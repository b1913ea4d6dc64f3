package dev.retort.internal.rolling;

import java.util.List;

import dev.retort.operation.Operation;
import dev.retort.platform.Platform;
import dev.retort.schema.Change;

/**
 * A table renamed: the expand renames it and leaves a bridge under the old name (PostgreSQL: an updatable view), the
 * contract removes the bridge. The table takes the new name at once rather than the view, so the new code works on the
 * table itself (its keys, defaults and indexes, and everything the catalog compares against the entities) and the
 * contract, which only drops the view, is instant; the old code's statements go through the view until it stops. The
 * platform writes the rename and the view so that the old name is never missing ({@link Platform#renameTableBridged}).
 */
final class TableRename {

    private TableRename() {
    }

    /** Writes the rename as expand and contract; false when the platform has no bridge, and then it stays in place. */
    static boolean split(Platform platform, Operation.RenameTable rename, Change change, Halves halves) {
        List<Operation> bridge = platform.bridgeRenamedTable(rename.schema(), rename.from(), rename.to());
        if (bridge.isEmpty()) {
            halves.notes.add("the rename of table " + rename.from() + " to " + rename.to() + " is written in place: " + platform.name()
                    + " has no form to keep the old name working for the running version; release it when no instance of that "
                    + "version runs, or bridge it by hand.");
            return false;
        }
        List<Operation> unbridge = platform.stopBridgingRenamedTable(rename.schema(), rename.from(), rename.to());
        List<Operation> up = platform.renameTableBridged(rename.schema(), rename.from(), rename.to());
        List<Operation> down = platform.undoRenameTableBridged(rename.schema(), rename.from(), rename.to());
        String what = "table " + rename.from() + " renamed to " + rename.to();
        halves.expand.add(new Change("expand: " + what + " (the old name kept for the running version)", up, down, change.review()));
        halves.contract.add(new Change("contract: " + what + " (the old name dropped)", unbridge, bridge, null));
        return true;
    }
}
