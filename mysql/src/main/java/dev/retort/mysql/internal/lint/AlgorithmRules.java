package dev.retort.mysql.internal.lint;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.retort.lint.RuleContext;
import dev.retort.lint.SafeForm;
import dev.retort.lint.Severity;
import dev.retort.operation.Constraint;
import dev.retort.operation.Operation;
import dev.retort.mysql.internal.lint.OnlineDdl.Algorithm;

/** The rules about how InnoDB runs an ALTER on a table that serves traffic: a copy that blocks writes, or a rebuild. */
final class AlgorithmRules {

    private static final Pattern STATES_ALGORITHM = Pattern.compile(
            "(?is)^\\s*SET\\s+(SESSION\\s+|@@SESSION\\.|@@)?alter_algorithm\\s*=\\s*'?(INPLACE|NOCOPY|INSTANT)'?\\s*;?\\s*$");
    private static final Pattern RESETS_ALGORITHM = Pattern.compile("(?is)^\\s*SET\\s+(SESSION\\s+|@@SESSION\\.|@@)?alter_algorithm\\b.*");

    private static final String NEW_TABLE_AND_COPY = "build a new table and copy the rows into it while writes go on (pt-online-schema-change or "
            + "gh-ost do this with triggers or the binary log), then swap it in with RENAME TABLE";

    private AlgorithmRules() {
    }

    /** Whether the revision set MariaDB's alter_algorithm to an in-place algorithm before this operation, so the server refuses a copy. */
    static boolean statesAlgorithm(RuleContext context) {
        boolean stated = false;
        for (Operation op : context.preceding()) {
            if (op instanceof Operation.ExecuteSql sql && RESETS_ALGORITHM.matcher(sql.sql()).matches()) {
                stated = STATES_ALGORITHM.matcher(sql.sql()).matches();
            }
        }
        return stated;
    }

    /** An ALTER only {@code ALGORITHM=COPY} can run: the table is copied row by row while writes wait. */
    static final class Copy extends Rule {

        private final Server server;

        Copy(Server server) {
            super("copy-algorithm", Severity.WARNING, "an ALTER InnoDB runs only with ALGORITHM=COPY, blocking writes while it copies the table");
            this.server = server;
        }

        @Override
        public void check(RuleContext context) {
            Optional<OnlineDdl> ddl = OnlineDdl.of(context, server);
            if (ddl.isEmpty() || ddl.get().algorithm() != Algorithm.COPY) {
                return;
            }
            OnlineDdl alter = ddl.get();
            String problem = capitalized(alter.what()) + " runs only with ALGORITHM=COPY on " + server + ": InnoDB copies " + alter.table()
                    + " row by row into a new table while inserts, updates and deletes wait (LOCK=SHARED), for as long as the copy takes.";
            if (statesAlgorithm(context)) {
                context.report(Severity.ERROR, problem + " The revision set alter_algorithm to an in-place algorithm before it, so the "
                        + "server refuses it and the revision fails here.", "Run it in a maintenance window without alter_algorithm, or "
                        + NEW_TABLE_AND_COPY + ".");
                return;
            }
            context.report(problem, alternative(context));
        }

        private String alternative(RuleContext context) {
            Operation operation = context.operation();
            if (operation instanceof Operation.AddConstraint add && add.constraint() instanceof Constraint.ForeignKey fk) {
                return "Check first that every row of " + Rule.name(context, add.schema(), add.table()) + " has its parent, then add the key "
                        + "with foreign_key_checks off, which InnoDB does in place without a copy (ALGORITHM=INPLACE, LOCK=NONE): "
                        + "op.execute(\"SET SESSION foreign_key_checks = 0\"), the addForeignKey, op.execute(\"SET SESSION "
                        + "foreign_key_checks = 1\"). The server does not check existing rows then.";
            }
            if (operation instanceof Operation.AlterColumnType) {
                return "Add a new column of the new type (ADD COLUMN is ALGORITHM=INSTANT), fill it in batches, switch the application "
                        + "to it and drop the old column in a later release; or " + NEW_TABLE_AND_COPY + "."
                        + (operation instanceof Operation.AlterColumnType t && t.previousType() == null
                                ? " Add .from(<previous type>) to the alterColumnType so Retort can tell whether it is done in place." : "");
            }
            if (operation instanceof Operation.AddColumn add) {
                return "Add " + add.column().name() + " without a default (ALGORITHM=INSTANT), then set the default (INSTANT too) and fill "
                        + "existing rows in batches.";
            }
            return "Run it in a maintenance window, or " + NEW_TABLE_AND_COPY + ".";
        }

        @Override
        public Optional<SafeForm> safeForm(RuleContext context) {
            Optional<OnlineDdl> ddl = OnlineDdl.of(context, server);
            if (ddl.isEmpty() || ddl.get().algorithm() != Algorithm.COPY || statesAlgorithm(context)) {
                return Optional.empty();
            }
            Operation operation = context.operation();
            if (operation instanceof Operation.AddConstraint add && add.constraint() instanceof Constraint.ForeignKey fk) {
                return Optional.of(new SafeForm(List.of(new Operation.ExecuteSql("SET SESSION foreign_key_checks = 0", List.of()), add,
                        new Operation.ExecuteSql("SET SESSION foreign_key_checks = 1", List.of())),
                        List.of(new Operation.DropConstraint(add.schema(), add.table(), fk.name(), fk)), List.of(), List.of(),
                        "Check that every row of " + add.table() + " has its parent before this runs: with foreign_key_checks off the "
                                + "server does not."));
            }
            if (operation instanceof Operation.AddColumn add && add.column().identityGeneration() == null) {
                var plain = new dev.retort.operation.Column(add.column().name(), add.column().type(), true, null, null, add.column().comment());
                return Optional.of(new SafeForm(
                        List.of(new Operation.AddColumn(add.schema(), add.table(), plain),
                                new Operation.SetDefault(add.schema(), add.table(), plain.name(), add.column().defaultValue(), null)),
                        List.of(new Operation.DropColumn(add.schema(), add.table(), plain.name(), plain)), List.of(), List.of(),
                        "Fill " + add.table() + "." + plain.name() + " in existing rows in batches"
                                + (add.column().acceptsNull() ? "." : ", then set it NOT NULL (an in-place rebuild).")));
            }
            return Optional.empty();
        }
    }

    /** An ALTER InnoDB runs in place but by rebuilding the table. */
    static final class Rebuild extends Rule {

        private final Server server;

        Rebuild(Server server) {
            super("table-rebuild", Severity.WARNING, "an ALTER InnoDB runs in place but by rebuilding the whole table");
            this.server = server;
        }

        @Override
        public void check(RuleContext context) {
            Optional<OnlineDdl> ddl = OnlineDdl.of(context, server);
            if (ddl.isEmpty() || ddl.get().algorithm() != Algorithm.INPLACE || ddl.get().writes() && statesAlgorithm(context)) {
                return;
            }
            OnlineDdl alter = ddl.get();
            String writes = alter.writes()
                    ? "writes go on (LOCK=NONE), but it reads and writes every row, needs room for a second copy, takes the table's "
                            + "metadata lock exclusively at its start and end, and replicas apply it only once it is done, lagging as long"
                    : "inserts, updates and deletes wait until it is done (LOCK=SHARED)";
            context.report(capitalized(alter.what()) + " runs with ALGORITHM=INPLACE on " + server + " but rebuilds " + alter.table() + ": "
                            + writes + ".",
                    alter.writes()
                            ? (server.mariaDb()
                                    ? "Run it off-peak, with op.execute(\"SET SESSION alter_algorithm = 'INPLACE'\") before it and "
                                            + "op.execute(\"SET SESSION alter_algorithm = DEFAULT\") after, so the server refuses rather "
                                            + "than falls back to a copy that blocks writes"
                                    : "Run it off-peak as op.execute(\"ALTER TABLE … , ALGORITHM=INPLACE, LOCK=NONE\"), so the server refuses "
                                            + "rather than falls back to a copy that blocks writes")
                                    + "; for a large table, " + NEW_TABLE_AND_COPY + "."
                            : "Create the table with the column, or " + NEW_TABLE_AND_COPY + ".");
        }

        /**
         * On MariaDB, NOT NULL set between {@code alter_algorithm = 'INPLACE'} and its reset, in a revision of its own, and
         * dropped again the same way: the server rebuilds the table while writes go on, or refuses rather than fall back to a
         * copy that blocks them. MySQL
         * has no such setting (its form restates the column in a raw ALTER), so it has none here.
         */
        @Override
        public Optional<SafeForm> safeForm(RuleContext context) {
            Optional<OnlineDdl> ddl = OnlineDdl.of(context, server);
            if (!server.mariaDb() || ddl.isEmpty() || ddl.get().algorithm() != Algorithm.INPLACE || !ddl.get().writes()
                    || statesAlgorithm(context) || !(context.operation() instanceof Operation.SetNullable set) || set.nullable()) {
                return Optional.empty();
            }
            return Optional.of(new SafeForm(List.of(), List.of(), inPlace(set),
                    inPlace(new Operation.SetNullable(set.schema(), set.table(), set.column(), true)), null));
        }

        private static List<Operation> inPlace(Operation operation) {
            return List.of(new Operation.ExecuteSql("SET SESSION alter_algorithm = 'INPLACE'", List.of()), operation,
                    new Operation.ExecuteSql("SET SESSION alter_algorithm = DEFAULT", List.of()));
        }
    }

    static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
