package dev.retort.postgresql.internal.lint;

import java.util.List;
import java.util.Optional;

import dev.retort.lint.RuleContext;
import dev.retort.lint.SafeForm;
import dev.retort.lint.Severity;
import dev.retort.operation.Index;
import dev.retort.operation.Operation;

/** The rules about building and dropping indexes. */
final class IndexRules {

    private static final String NON_TRANSACTIONAL = "in a revision of its own declared @Revision(..., transactional = false)";

    private IndexRules() {
    }

    private static Index concurrent(Index index) {
        return new Index(index.schema(), index.name(), index.table(), index.elements(), index.unique(), index.method(), index.where(), true);
    }

    /** {@code CREATE INDEX} without {@code CONCURRENTLY} on a table that exists blocks writes while it builds. */
    static final class BlockingCreate extends Rule {

        BlockingCreate() {
            super("blocking-create-index", Severity.WARNING, "CREATE INDEX without CONCURRENTLY on an existing table");
        }

        private static boolean applies(RuleContext context) {
            return context.operation() instanceof Operation.CreateIndex create && !create.index().concurrently()
                    && context.tableExisted(create.index().schema(), create.index().table());
        }

        @Override
        public void check(RuleContext context) {
            if (applies(context)) {
                Index index = ((Operation.CreateIndex) context.operation()).index();
                context.report("Building " + index.name() + " on " + context.qualified(index.schema(), index.table()) + " holds a SHARE "
                                + "lock on it: inserts, updates and deletes wait until the whole index is built.",
                        "Build it with .concurrently() " + NON_TRANSACTIONAL + "; it takes longer but lets writes through (if it fails, "
                                + "drop the INVALID index it leaves and run it again).");
            }
        }

        @Override
        public Optional<SafeForm> safeForm(RuleContext context) {
            if (!applies(context)) {
                return Optional.empty();
            }
            Index index = concurrent(((Operation.CreateIndex) context.operation()).index());
            return Optional.of(new SafeForm(List.of(), List.of(), List.of(new Operation.CreateIndex(index, false)),
                    List.of(new Operation.DropIndex(index.schema(), index.name(), true, false, index)), null));
        }
    }

    /** {@code DROP INDEX} without {@code CONCURRENTLY} takes ACCESS EXCLUSIVE on the table. */
    static final class BlockingDrop extends Rule {

        BlockingDrop() {
            super("blocking-drop-index", Severity.WARNING, "DROP INDEX without CONCURRENTLY on an existing table");
        }

        private static boolean applies(RuleContext context) {
            if (!(context.operation() instanceof Operation.DropIndex drop) || drop.concurrently()) {
                return false;
            }
            // An index of a table this revision created (or an unknown one whose definition names its table) is judged by that table.
            String table = context.tableOfIndex(drop.schema(), drop.name()).orElse(drop.definition() == null ? null
                    : context.qualified(drop.definition().schema(), drop.definition().table()));
            if (table == null) {
                return true;
            }
            int dot = table.indexOf('.');
            return context.tableExisted(table.substring(0, dot), table.substring(dot + 1)) && !tableDroppedLater(context, table);
        }

        /** Whether the same list drops the index's table afterwards: that takes the same lock anyway, and the index with it. */
        private static boolean tableDroppedLater(RuleContext context, String table) {
            return context.following().stream().anyMatch(op -> op instanceof Operation.DropTable t
                    && context.qualified(t.schema(), t.name()).equals(table));
        }

        @Override
        public void check(RuleContext context) {
            if (applies(context)) {
                Operation.DropIndex drop = (Operation.DropIndex) context.operation();
                context.report("Dropping " + context.qualified(drop.schema(), drop.name()) + " takes ACCESS EXCLUSIVE on its table: "
                                + "reads and writes wait, and while it waits for running queries, every query queues behind it.",
                        "Drop it with .concurrently() " + NON_TRANSACTIONAL + ".");
            }
        }

        @Override
        public Optional<SafeForm> safeForm(RuleContext context) {
            Operation.DropIndex drop = context.operation() instanceof Operation.DropIndex d ? d : null;
            if (!applies(context) || drop.definition() == null || droppedWithItsTable(context, drop.definition())) {
                return Optional.empty();
            }
            Index index = concurrent(drop.definition());
            return Optional.of(new SafeForm(List.of(), List.of(), List.of(new Operation.DropIndex(drop.schema(), drop.name(), true,
                    drop.ifExists(), index)), List.of(new Operation.CreateIndex(index, false)), null));
        }

        /** Whether the revision drops the index's table or a column, which may take the index with it before a later revision. */
        private static boolean droppedWithItsTable(RuleContext context, Index index) {
            return context.following().stream().anyMatch(op -> op instanceof Operation.DropTable t && t.name().equals(index.table())
                    || op instanceof Operation.DropColumn c && c.table().equals(index.table()));
        }
    }

    /** {@code CONCURRENTLY} cannot run inside a transaction block. */
    static final class ConcurrentlyInTransaction extends Rule {

        ConcurrentlyInTransaction() {
            super("concurrently-in-transaction", Severity.ERROR, "CREATE or DROP INDEX CONCURRENTLY in a transactional revision");
        }

        /** Raw SQL (op.execute, SQL revision files) that PostgreSQL refuses inside a transaction block. */
        private static final java.util.regex.Pattern RAW = java.util.regex.Pattern.compile(
                "^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\b.*\\bCONCURRENTLY\\b"
                        + "|VACUUM\\b)", java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

        @Override
        public void check(RuleContext context) {
            boolean raw = context.operation() instanceof Operation.ExecuteSql sql && RAW.matcher(sql.sql()).find();
            boolean concurrently = context.operation() instanceof Operation.CreateIndex c && c.index().concurrently()
                    || context.operation() instanceof Operation.DropIndex d && d.concurrently();
            if ((concurrently || raw) && context.transactional()) {
                context.report(Severity.ERROR, "PostgreSQL refuses " + (raw ? "this statement" : "CONCURRENTLY")
                                + " inside a transaction block, and this revision runs in one: it fails before anything runs.",
                        raw ? "Run it in a revision of its own that is not transactional: @Revision(..., transactional = false), or "
                                + "-- retort:transactional false in a SQL revision file."
                                : "Move the index work " + NON_TRANSACTIONAL + ".");
            }
        }
    }
}
