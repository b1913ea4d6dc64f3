package dev.retort.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.command.Direction;
import dev.retort.lint.LintRule;
import dev.retort.lint.SafeForm;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;
import dev.retort.schema.SchemaModel;

/**
 * {@code generate}'s {@code safe} option: each change a rule knows a safe form for is written that way, in two
 * revisions. The first runs in a transaction as usual; the second runs outside one, so each of its statements commits
 * on its own: indexes built and dropped {@code CONCURRENTLY}, constraints validated after they were added unvalidated,
 * NOT NULL set through a validated check.
 */
public final class SafeRewriter {

    /**
     * The changes split in two.
     *
     * @param now   what the first revision runs
     * @param later what the second, non-transactional revision runs; empty when nothing needed it
     * @param notes what a person must add to the second revision (backfills)
     */
    public record Split(Comparison now, Comparison later, List<String> notes) {
    }

    private SafeRewriter() {
    }

    /**
     * The safe form the platform's lint rules know for one operation run against the current schema (PostgreSQL's NOT NULL
     * set through a validated check), if any: what {@code generateRolling}'s contract runs instead of the operation.
     */
    public static Optional<SafeForm> safeForm(Platform platform, Operation operation, SchemaModel current) {
        RevisionOperations revision = RevisionOperations.generated(true, List.of(operation), List.of());
        Context context = new Context(platform, revision, Direction.UP, 0, SchemaState.of(current, platform.defaultSchema()), false,
                finding -> { });
        return firstSafeForm(platform.lintRules(), context);
    }

    private static Optional<SafeForm> firstSafeForm(List<LintRule> rules, Context context) {
        Optional<SafeForm> safe = Optional.empty();
        for (LintRule rule : rules) {
            safe = safe.isPresent() ? safe : rule.safeForm(context.judgedBy(rule));
        }
        return safe;
    }

    /** Splits the changes found against the current schema into their safe forms, as the platform's rules offline know them. */
    public static Split rewrite(Platform platform, Comparison comparison, SchemaModel current) {
        return rewrite(platform, platform.lintRules(), comparison, current);
    }

    /** Splits the changes found against the current schema into the safe forms the rules (those of a particular server) know. */
    public static Split rewrite(Platform platform, List<LintRule> rules, Comparison comparison, SchemaModel current) {
        List<Operation> all = comparison.upgrade();
        RevisionOperations revision = RevisionOperations.generated(true, all, comparison.downgrade());
        SchemaState state = SchemaState.of(current, platform.defaultSchema());
        StateChanges changes = new StateChanges(state);
        List<Change> now = new ArrayList<>();
        List<Change> later = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int index = 0;
        for (Change change : comparison.changes()) {
            Optional<SafeForm> safe = Optional.empty();
            if (change.upgrade().size() == 1) {
                safe = firstSafeForm(rules, new Context(platform, revision, Direction.UP, index, state, false, finding -> { }));
            }
            if (safe.isEmpty()) {
                now.add(change);
            } else {
                SafeForm form = safe.get();
                if (!form.upgrade().isEmpty()) {
                    now.add(new Change(change.summary(), form.upgrade(), form.downgrade(), change.review()));
                }
                later.add(new Change(change.summary(), form.laterUpgrade(), form.laterDowngrade(), form.upgrade().isEmpty() ? change.review() : null));
                if (form.note() != null) {
                    notes.add(form.note());
                }
            }
            for (Operation operation : change.upgrade()) {
                changes.apply(operation);
                index++;
            }
        }
        return new Split(new Comparison(now), new Comparison(later), notes);
    }
}
