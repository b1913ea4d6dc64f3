package dev.retort.rolling;

import java.time.Duration;
import java.util.List;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.operation.Backfill;
import dev.retort.revision.RevisionScript;
import dev.retort.testing.Revs;

/** A process that runs the backfill revision of {@link BackfillTest}, slowly, to be killed midway. */
public final class BackfillChild {

    /** 2000 rows, 50 a batch, a pause between batches: some seconds in all. */
    static final Backfill BACKFILL = Backfill.of("items").set("n = n + 1").batchSize(50).pause(Duration.ofMillis(40)).name("items n");

    static List<RevisionScript> revisions(Backfill backfill) {
        return List.of(Revs.script("b1", List.of(), false, op -> op.backfill(backfill), op -> op.forgetBackfill(backfill)));
    }

    private BackfillChild() {
    }

    /** Arguments: URL, user, password (may be empty). */
    public static void main(String[] args) {
        try (Retort retort = Retort.configure().url(args[0]).user(args[1]).password(args.length > 2 && !args[2].isEmpty() ? args[2] : null)
                .revisions(revisions(BACKFILL)).listener(MigrationListener.none()).load()) {
            retort.upgrade();
        }
    }
}
