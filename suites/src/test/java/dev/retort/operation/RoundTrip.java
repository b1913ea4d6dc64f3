package dev.retort.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.revision.RevisionScript;
import dev.retort.testing.Catalog;
import dev.retort.testing.TestDatabase;

/**
 * Applies operations to a real database through a revision whose downgrade is their derived
 * reverse, checks the catalog changed as expected, downgrades, and checks the catalog is back.
 */
final class RoundTrip {

    private RoundTrip() {
    }

    static void roundTrip(TestDatabase db, String setup, Consumer<Operations> change, Consumer<TestDatabase> afterUpgrade) {
        db.reset();
        if (!setup.isEmpty()) {
            db.execute(setup);
        }
        List<String> before = Catalog.snapshot(db);
        Operations recorder = new Operations();
        change.accept(recorder);
        List<Operation> upgrade = recorder.recorded();
        List<Operation> downgrade = new ArrayList<>();
        for (Operation operation : upgrade) {
            downgrade.add(operation.reverse().orElseThrow(() -> new AssertionError("no reverse for " + operation)));
        }
        Collections.reverse(downgrade);
        boolean transactional = upgrade.stream().noneMatch(dev.retort.platform.Platforms.named("postgresql").dialect()::requiresNoTransaction);
        RevisionScript script = Revs.script("rt0001", List.of(), transactional, op -> upgrade.forEach(op::add), op -> downgrade.forEach(op::add));
        try (Retort retort = Revs.configure(db).revisions(List.of(script)).listener(MigrationListener.none()).load()) {
            retort.upgrade();
            afterUpgrade.accept(db);
            assertNotEquals(before, Catalog.snapshot(db), "the upgrade changed nothing in the catalog");
            retort.downgrade("base");
        }
        assertEquals(String.join("\n", before), String.join("\n", Catalog.snapshot(db)), "the reverse did not restore the catalog");
    }
}
