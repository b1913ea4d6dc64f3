package dev.retort.postgresql.internal.lint;

import java.util.List;
import java.util.Optional;

import dev.retort.lint.RuleContext;
import dev.retort.lint.SafeForm;
import dev.retort.lint.Severity;
import dev.retort.operation.Constraint;
import dev.retort.operation.Index;
import dev.retort.operation.Operation;

/** The rules about adding constraints to tables that exist: each checks every row while holding a lock. */
final class ConstraintRules {

    private ConstraintRules() {
    }

    /** A foreign key or check added to an existing table without {@code NOT VALID}: the check of every row runs under the lock. */
    static final class NotValid extends Rule {

        NotValid() {
            super("constraint-not-valid", Severity.WARNING, "a foreign key or check added to an existing table without NOT VALID");
        }

        private static boolean applies(RuleContext context) {
            return context.operation() instanceof Operation.AddConstraint add && context.tableExisted(add.schema(), add.table())
                    && (add.constraint() instanceof Constraint.ForeignKey fk && !fk.unvalidated()
                    || add.constraint() instanceof Constraint.Check check && !check.unvalidated());
        }

        @Override
        public void check(RuleContext context) {
            if (!applies(context)) {
                return;
            }
            Operation.AddConstraint add = (Operation.AddConstraint) context.operation();
            String table = context.qualified(add.schema(), add.table());
            String name = add.constraint().name();
            String problem = add.constraint() instanceof Constraint.ForeignKey fk
                    ? "Adding foreign key " + name + " checks every row of " + table + " while holding SHARE ROW EXCLUSIVE on it and on "
                    + context.qualified(fk.referencedSchema(), fk.referencedTable()) + ": writes to both wait until it is done."
                    : "Adding check " + name + " scans every row of " + table + " under ACCESS EXCLUSIVE: reads and writes wait until it is done.";
            context.report(problem, "Add it with .notValid() (new rows are checked at once, the lock is brief) and run "
                    + "op.validateConstraint(\"" + add.table() + "\", \"" + name + "\") in a later revision, which checks the existing rows "
                    + "under a lock that lets reads and writes through.");
        }

        @Override
        public Optional<SafeForm> safeForm(RuleContext context) {
            if (!applies(context)) {
                return Optional.empty();
            }
            Operation.AddConstraint add = (Operation.AddConstraint) context.operation();
            Constraint unvalidated = add.constraint() instanceof Constraint.ForeignKey fk ? fk.notValid() : ((Constraint.Check) add.constraint()).notValid();
            Operation.AddConstraint first = new Operation.AddConstraint(add.schema(), add.table(), unvalidated);
            return Optional.of(new SafeForm(List.of(first), List.of(first.reverse().orElseThrow()),
                    List.of(new Operation.ValidateConstraint(add.schema(), add.table(), add.constraint().name())), List.of(), null));
        }
    }

    /** {@code VALIDATE} in the transaction that added the constraint: the add's lock is held through the scan. */
    static final class ValidateInTransaction extends Rule {

        ValidateInTransaction() {
            super("validate-in-transaction", Severity.WARNING, "VALIDATE CONSTRAINT in the same transaction as its ADD … NOT VALID");
        }

        @Override
        public void check(RuleContext context) {
            if (context.operation() instanceof Operation.ValidateConstraint validate && context.transactional()
                    && context.addedInThisRevision(validate.schema(), validate.table(), validate.name())) {
                context.report("Validating " + validate.name() + " in the transaction that added it keeps the add's lock (ACCESS "
                                + "EXCLUSIVE for a check, SHARE ROW EXCLUSIVE for a foreign key) until commit, so the scan of "
                                + context.qualified(validate.schema(), validate.table()) + " runs under it: NOT VALID gains nothing.",
                        "Validate in a later revision, or declare this one @Revision(..., transactional = false) so each statement "
                                + "commits on its own.");
            }
        }
    }

    /** A unique constraint or primary key added to an existing table builds its index under ACCESS EXCLUSIVE. */
    static final class UniqueWithoutIndex extends Rule {

        UniqueWithoutIndex() {
            super("unique-without-index", Severity.WARNING, "a unique constraint or primary key added to an existing table without an index built first");
        }

        private static boolean applies(RuleContext context) {
            return context.operation() instanceof Operation.AddConstraint add && context.tableExisted(add.schema(), add.table())
                    && (add.constraint() instanceof Constraint.Unique unique && unique.index() == null
                    || add.constraint() instanceof Constraint.PrimaryKey);
        }

        @Override
        public void check(RuleContext context) {
            if (!applies(context)) {
                return;
            }
            Operation.AddConstraint add = (Operation.AddConstraint) context.operation();
            String name = add.constraint().name();
            context.report("Adding " + name + " builds its unique index on " + context.qualified(add.schema(), add.table())
                            + " while holding ACCESS EXCLUSIVE: reads and writes wait until the index is built.",
                    "Build the index first with op.createIndex(\"" + name + "\", \"" + add.table() + "\", …).unique().concurrently() "
                            + "in a revision with transactional = false, then adopt it: op.addConstraint(\"" + add.table() + "\", unique(\""
                            + name + "\", …).usingIndex(\"" + name + "\")).");
        }

        @Override
        public Optional<SafeForm> safeForm(RuleContext context) {
            if (!applies(context) || !(((Operation.AddConstraint) context.operation()).constraint() instanceof Constraint.Unique unique)) {
                return Optional.empty();
            }
            Operation.AddConstraint add = (Operation.AddConstraint) context.operation();
            // A foreign key added later in this revision may reference this key: it must stand before it.
            boolean referenced = context.following().stream().anyMatch(op -> op instanceof Operation.AddConstraint later
                    && later.constraint() instanceof Constraint.ForeignKey fk && fk.referencedTable().equals(add.table()));
            if (referenced) {
                return Optional.empty();
            }
            Index index = new Index(add.schema(), unique.name(), add.table(), unique.columns().stream().map(Index.Element::column).toList(),
                    true, null, null, true);
            return Optional.of(new SafeForm(List.of(), List.of(),
                    List.of(new Operation.CreateIndex(index, false), new Operation.AddConstraint(add.schema(), add.table(), unique.usingIndex(unique.name()))),
                    List.of(new Operation.DropConstraint(add.schema(), add.table(), unique.name(), unique)), null));
        }
    }
}
