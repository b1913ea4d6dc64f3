package dev.retort.mysql.internal.lint;

import java.util.regex.Pattern;

import dev.retort.command.Direction;
import dev.retort.lint.RuleContext;
import dev.retort.lint.Severity;
import dev.retort.operation.Operation;

/** Matters of hygiene: names the server refuses, ALTERs that may wait for the metadata lock for a year. */
final class HygieneRules {

    private static final Pattern SETS_LOCK_WAIT = Pattern.compile("(?is)^\\s*SET\\s+(SESSION\\s+|@@SESSION\\.|@@)?lock_wait_timeout\\b.*");

    private HygieneRules() {
    }

    /** Names longer than 64 characters: the server refuses them. */
    static final class IdentifierTooLong extends Rule {

        IdentifierTooLong() {
            super("identifier-too-long", Severity.ERROR, "a name longer than the 64 characters MariaDB and MySQL allow");
        }

        @Override
        public void check(RuleContext context) {
            int max = context.platform().rules().maxIdentifierBytes();
            for (String name : context.newNames()) {
                if (name != null && name.codePointCount(0, name.length()) > max) {
                    context.report(Severity.ERROR, "Name " + name + " is longer than " + max + " characters: the server refuses it "
                                    + "(\"Identifier name is too long\") and the revision fails there, with what ran before it committed.",
                            "Choose a name of at most " + max + " characters (@Table, @Column, @Index(name = …)).");
                }
            }
        }
    }

    /** An ALTER of a table in use with no bound on its wait for the metadata lock. */
    static final class NoLockTimeout extends Rule {

        NoLockTimeout() {
            super("no-lock-timeout", Severity.INFO, "an ALTER of an existing table with no lock_wait_timeout in force");
        }

        @Override
        public void check(RuleContext context) {
            if (context.direction() != Direction.UP || context.runSetsLockTimeout() || !altersExistingTable(context, context.operation())
                    || context.preceding().stream().anyMatch(op -> op instanceof Operation.ExecuteSql sql && SETS_LOCK_WAIT.matcher(sql.sql()).matches()
                            || altersExistingTable(context, op))) {
                return;
            }
            context.report("This revision alters a table that serves traffic with no lock_wait_timeout (the server's default is a year): "
                            + "if a long transaction has read the table, the ALTER waits for its metadata lock, and every query on the "
                            + "table queues behind the ALTER meanwhile.",
                    "Set statementLockTimeout, or start the revision with " + LOCK_TIMEOUT + ", so it fails fast and can be retried.");
        }

        private static boolean altersExistingTable(RuleContext context, Operation operation) {
            String[] table = OnlineDdl.table(operation);
            return table != null && context.tableExisted(table[0], table[1]);
        }
    }

}
