package dev.retort.postgresql.internal.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.retort.command.Direction;
import dev.retort.lint.RuleContext;
import dev.retort.lint.Severity;
import dev.retort.operation.Column;
import dev.retort.operation.DataType;
import dev.retort.operation.Operation;

/** Matters of hygiene: names PostgreSQL cuts, types with a better choice, revisions without a lock timeout. */
final class HygieneRules {

    private static final Pattern SETS_LOCK_TIMEOUT = Pattern.compile("^\\s*SET\\s+(LOCAL\\s+)?lock_timeout\\b", Pattern.CASE_INSENSITIVE);

    private HygieneRules() {
    }

    /** Names longer than PostgreSQL keeps: it cuts them silently, so two can end up the same. */
    static final class IdentifierTooLong extends Rule {

        IdentifierTooLong() {
            super("identifier-too-long", Severity.WARNING, "a name longer than PostgreSQL's 63 bytes, which it cuts silently");
        }

        @Override
        public void check(RuleContext context) {
            int max = context.platform().rules().maxIdentifierBytes();
            for (String name : context.newNames()) {
                if (name != null && name.getBytes(StandardCharsets.UTF_8).length > max) {
                    context.report("Name " + name + " is longer than " + max + " bytes: PostgreSQL silently cuts it, so the object is not "
                                    + "called what the migration and the entities say, and two long names can collide.",
                            "Choose a name of at most " + max + " bytes (@Table, @Column, @Index(name = …)).");
                }
            }
        }
    }

    /**
     * The columns to which an operation gives a type of the kind, as {@code public.author.born timestamp(6)}: a type
     * rule quotes these rather than a whole CREATE TABLE. Empty when the operation gives no such type.
     */
    private static String columnsOfType(RuleContext context, Predicate<DataType.Builtin> kind) {
        List<String> columns = new ArrayList<>();
        Operation operation = context.operation();
        if (operation instanceof Operation.CreateTable create) {
            create.columns().forEach(c -> addIfOfType(context, kind, create.schema(), create.name(), c.name(), c.type(), columns));
        } else if (operation instanceof Operation.AddColumn add) {
            addIfOfType(context, kind, add.schema(), add.table(), add.column().name(), add.column().type(), columns);
        } else if (operation instanceof Operation.AlterColumnType alter) {
            addIfOfType(context, kind, alter.schema(), alter.table(), alter.column(), alter.type(), columns);
        }
        return String.join(", ", columns);
    }

    private static void addIfOfType(RuleContext context, Predicate<DataType.Builtin> kind, String schema, String table, String column,
                                    DataType type, List<String> columns) {
        if (type instanceof DataType.Builtin b && kind.test(b) || type instanceof DataType.ArrayOf a && a.element() instanceof DataType.Builtin e
                && kind.test(e)) {
            columns.add(context.qualified(schema, table) + "." + column + " " + context.platform().dialect().typeName(type));
        }
    }

    /** {@code json} where {@code jsonb} fits. */
    static final class PreferJsonb extends Rule {

        PreferJsonb() {
            super("prefer-jsonb", Severity.INFO, "json where jsonb fits");
        }

        @Override
        public void check(RuleContext context) {
            String columns = columnsOfType(context, t -> t.kind() == DataType.Kind.JSON);
            if (!columns.isEmpty()) {
                context.reportAbout(columns, "json stores the text as given and parses it on every read; it cannot be indexed with GIN or compared.",
                        "Use jsonb (@JdbcTypeCode(SqlTypes.JSON) maps to it), unless key order or duplicate keys must be kept.");
            }
        }
    }

    /** {@code timestamp} without time zone. */
    static final class PreferTimestamptz extends Rule {

        PreferTimestamptz() {
            super("prefer-timestamptz", Severity.INFO, "timestamp without time zone");
        }

        @Override
        public void check(RuleContext context) {
            String columns = columnsOfType(context, t -> t.kind() == DataType.Kind.TIMESTAMP);
            if (!columns.isEmpty()) {
                context.reportAbout(columns, "timestamp without time zone stores wall-clock time with no zone: the same instant written from servers in "
                                + "different zones, or across a daylight-saving change, reads differently.",
                        "Use timestamp with time zone (Instant or OffsetDateTime fields map to it).");
            }
        }
    }

    /** {@code char(n)}: padded with spaces. */
    static final class AvoidChar extends Rule {

        AvoidChar() {
            super("avoid-char", Severity.INFO, "char(n) longer than one character");
        }

        @Override
        public void check(RuleContext context) {
            String columns = columnsOfType(context, t -> t.kind() == DataType.Kind.CHAR && t.precision() != null && t.precision() > 1);
            if (!columns.isEmpty()) {
                context.reportAbout(columns, "char(n) pads values with spaces to n characters, which comparisons and the application then see; it is "
                                + "no faster than varchar.",
                        "Use varchar(n) or text.");
            }
        }
    }

    /** A revision that takes a strong lock on an existing table with no lock timeout in force. */
    static final class NoLockTimeout extends Rule {

        NoLockTimeout() {
            super("no-lock-timeout", Severity.INFO, "a strong lock on an existing table taken with no lock_timeout in force");
        }

        @Override
        public void check(RuleContext context) {
            // A downgrade runs deliberately, with people watching: the rule judges what runs on every deploy.
            if (context.direction() != Direction.UP || context.runSetsLockTimeout() || !locksExistingTable(context, context.operation())
                    || context.preceding().stream().anyMatch(op -> setsLockTimeout(op) || locksExistingTable(context, op))) {
                return;
            }
            context.report("This revision locks a table that serves traffic with no lock_timeout: if a long transaction holds the "
                            + "table, the ALTER waits for it, and every query on the table queues behind the ALTER meanwhile.",
                    (context.transactional() ? "Start the revision with " + LOCK_TIMEOUT
                            : "Start this non-transactional revision with op.execute(\"SET lock_timeout = '5s'\") and end it with "
                            + "op.execute(\"RESET lock_timeout\")") + ", so it fails fast and can be retried.");
        }

        private static boolean setsLockTimeout(Operation operation) {
            return operation instanceof Operation.ExecuteSql sql && SETS_LOCK_TIMEOUT.matcher(sql.sql()).find();
        }

        /** Whether the operation takes a lock that blocks writes on a table this revision did not create. */
        private static boolean locksExistingTable(RuleContext context, Operation operation) {
            String[] table = lockedTable(operation);
            return table != null && context.tableExisted(table[0], table[1]);
        }

        private static String[] lockedTable(Operation operation) {
            if (operation instanceof Operation.DropTable t) {
                return new String[] {t.schema(), t.name()};
            } else if (operation instanceof Operation.RenameTable t) {
                return new String[] {t.schema(), t.from()};
            } else if (operation instanceof Operation.AddColumn a) {
                return new String[] {a.schema(), a.table()};
            } else if (operation instanceof Operation.DropColumn d) {
                return new String[] {d.schema(), d.table()};
            } else if (operation instanceof Operation.RenameColumn r) {
                return new String[] {r.schema(), r.table()};
            } else if (operation instanceof Operation.AlterColumnType a) {
                return new String[] {a.schema(), a.table()};
            } else if (operation instanceof Operation.SetNullable n) {
                return new String[] {n.schema(), n.table()};
            } else if (operation instanceof Operation.AddConstraint a) {
                return new String[] {a.schema(), a.table()};
            } else if (operation instanceof Operation.DropConstraint d) {
                return new String[] {d.schema(), d.table()};
            } else if (operation instanceof Operation.CreateIndex c && !c.index().concurrently()) {
                return new String[] {c.index().schema(), c.index().table()};
            }
            return null;
        }
    }
}
