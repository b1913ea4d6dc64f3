package dev.retort.internal.command;

import java.util.List;
import java.util.function.Function;

import dev.retort.Revision;
import dev.retort.operation.Operation;
import dev.retort.revision.RevisionScript;

/**
 * Whether code older than a revision keeps working on the schema after it: what a rollback to an older artifact needs
 * of every revision that artifact does not know. An expand is backward compatible by its nature and a contract is not;
 * an ordinary revision is when each of its operations only adds (a table, a nullable column or one with a default, an
 * index, a sequence, a type, an enum label, a comment) or relaxes (drops a NOT NULL, sets a default).
 */
final class BackwardCompatibility {

    /**
     * The verdict on one revision.
     *
     * @param compatible whether older code keeps working after it
     * @param why        one phrase saying why
     */
    record Verdict(boolean compatible, String why) {
    }

    private final Function<RevisionScript, List<Operation>> upgrade;

    /** Judges revisions by the operations {@code upgrade} records for them. */
    BackwardCompatibility(Function<RevisionScript, List<Operation>> upgrade) {
        this.upgrade = upgrade;
    }

    Verdict judge(RevisionScript revision) {
        if (revision.phase() == Revision.Phase.EXPAND) {
            return new Verdict(true, "an expand, which the code before it survives");
        }
        if (revision.isContract()) {
            return new Verdict(false, "a contract, which removes what code older than its expand" + (revision.expand().isEmpty() ? ""
                    : " " + revision.expand()) + " uses");
        }
        List<Operation> operations;
        try {
            operations = upgrade.apply(revision);
        } catch (RuntimeException e) {
            return new Verdict(false, "its operations cannot be read here (" + e.getMessage() + ")");
        }
        for (Operation operation : operations) {
            String breaks = breaks(operation);
            if (breaks != null) {
                return new Verdict(false, breaks);
            }
        }
        return new Verdict(true, operations.isEmpty() ? "it changes nothing" : "it only adds or relaxes ("
                + String.join(", ", operations.stream().map(BackwardCompatibility::kind).distinct().toList()) + ")");
    }

    /** Why older code breaks on the operation, or null when it does not. */
    private static String breaks(Operation operation) {
        if (operation instanceof Operation.CreateTable || operation instanceof Operation.CreateIndex
                || operation instanceof Operation.CreateSequence || operation instanceof Operation.CreateEnum
                || operation instanceof Operation.AddEnumValue || operation instanceof Operation.CreateSchema
                || operation instanceof Operation.SetTableComment || operation instanceof Operation.SetColumnComment
                || operation instanceof Operation.SetDefault
                || operation instanceof Operation.RunJdbc jdbc && jdbc.work() instanceof dev.retort.operation.Backfill) {
            return null;
        }
        if (operation instanceof Operation.SetNullable n) {
            return n.nullable() ? null : "it sets NOT NULL on " + n.table() + "." + n.column() + ", which the older code may leave empty";
        }
        if (operation instanceof Operation.AddColumn a) {
            return a.column().acceptsNull() || a.column().defaultValue() != null || a.column().identityGeneration() != null ? null
                    : "it adds column " + a.table() + "." + a.column().name() + " NOT NULL without a default, which the older code's inserts "
                    + "leave out";
        }
        if (operation instanceof Operation.DropTable d) {
            return "it drops table " + d.name() + ", which the older code uses";
        }
        if (operation instanceof Operation.DropColumn d) {
            return "it drops column " + d.table() + "." + d.name() + ", which the older code uses";
        }
        if (operation instanceof Operation.RenameTable r) {
            return "it renames table " + r.from() + " to " + r.to() + " in place";
        }
        if (operation instanceof Operation.RenameColumn r) {
            return "it renames column " + r.table() + "." + r.from() + " to " + r.to() + " in place";
        }
        if (operation instanceof Operation.AlterColumnType t) {
            return "it changes the type of " + t.table() + "." + t.column() + " in place";
        }
        if (operation instanceof Operation.ExecuteSql || operation instanceof Operation.RunJdbc) {
            return "it runs " + (operation instanceof Operation.ExecuteSql ? "SQL" : "JDBC code") + ", whose effect cannot be judged: "
                    + "mark the revision an expand if it is one";
        }
        return "it does " + kind(operation) + ", which older code may not survive";
    }

    /** An operation's kind in words: {@code AddColumn} as "add column". */
    private static String kind(Operation operation) {
        return operation.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
