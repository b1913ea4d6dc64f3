package dev.retort.mysql.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.lint.RuleContext;
import dev.retort.operation.Constraint;
import dev.retort.operation.DataType;
import dev.retort.operation.Operation;
import dev.retort.platform.Conversion;

/**
 * How InnoDB runs an operation on a table that exists: the most efficient {@code ALGORITHM} the server has for it and
 * whether writes go on meanwhile ({@code LOCK=NONE}). MariaDB 10.11's answers were read off the server itself (each
 * operation run under {@code alter_algorithm}, see {@code OnlineDdlTest}); MySQL 8.0's are its manual's online DDL tables.
 * Where an answer changed with a release (ADD COLUMN instant from MariaDB 10.3 and MySQL 8.0.12, DROP COLUMN from MariaDB
 * 10.4 and MySQL 8.0.29), the {@link Server} decides: the live server's version when lint has a connection, else the
 * version the platform assumes.
 *
 * @param algorithm what the server does
 * @param writes    whether inserts, updates and deletes go on while it runs ({@code LOCK=NONE} allowed)
 * @param table     the table, qualified as messages name it
 * @param what      the change, in a few words: {@code changing the type of author.email from varchar(50) to int}
 */
record OnlineDdl(Algorithm algorithm, boolean writes, String table, String what) {

    /** InnoDB's algorithms, from the cheapest. */
    enum Algorithm {
        /** Only the data dictionary changes. */
        INSTANT,
        /** In place, without rebuilding the table (MariaDB's {@code NOCOPY}; an index is built beside the rows). */
        NOCOPY,
        /** In place, but the table is rebuilt: every row read and written again, with room for a second copy. */
        INPLACE,
        /** A new table is filled row by row while writes wait, then swapped in. */
        COPY
    }

    private static final Pattern CONSTANT = Pattern.compile("(?is)\\s*(NULL|TRUE|FALSE|-?[0-9]+(\\.[0-9]+)?|'([^']|'')*')\\s*");
    private static final Pattern ENUM = Pattern.compile("(?is)\\s*enum\\s*\\((.*)\\)\\s*");
    private static final Pattern FK_CHECKS_OFF = Pattern.compile("(?is)^\\s*SET\\s+(SESSION\\s+|@@SESSION\\.|@@)?foreign_key_checks\\s*=\\s*(0|OFF)\\b.*");
    private static final Pattern FK_CHECKS_ON = Pattern.compile("(?is)^\\s*SET\\s+(SESSION\\s+|@@SESSION\\.|@@)?foreign_key_checks\\s*=\\s*(1|ON|DEFAULT)\\b.*");

    /** How the server runs the context's operation, when it alters a table that existed before this run; else empty. */
    static Optional<OnlineDdl> of(RuleContext context, Server server) {
        Operation operation = context.operation();
        String[] table = table(operation);
        if (table == null || !context.tableExisted(table[0], table[1])) {
            return Optional.empty();
        }
        String name = Rule.name(context, table[0], table[1]);
        return Optional.ofNullable(classify(context, server, operation, name));
    }

    private static OnlineDdl classify(RuleContext context, Server server, Operation operation, String table) {
        if (operation instanceof Operation.AddColumn add) {
            String column = table + "." + add.column().name();
            if (add.column().identityGeneration() != null) {
                return new OnlineDdl(Algorithm.INPLACE, false, table, "adding the AUTO_INCREMENT column " + column);
            }
            String value = add.column().defaultValue();
            if (value != null && !CONSTANT.matcher(value).matches()) {
                return new OnlineDdl(Algorithm.COPY, false, table, "adding " + column + " with the expression default " + value.strip());
            }
            return new OnlineDdl(server.instantAddColumn() ? Algorithm.INSTANT : Algorithm.INPLACE, true, table, "adding " + column);
        }
        if (operation instanceof Operation.DropColumn drop) {
            return new OnlineDdl(server.instantDropColumn() ? Algorithm.INSTANT : Algorithm.INPLACE, true, table,
                    "dropping " + table + "." + drop.name());
        }
        if (operation instanceof Operation.AlterColumnType change) {
            return typeChange(context, server, change, table);
        }
        if (operation instanceof Operation.SetNullable set) {
            return new OnlineDdl(Algorithm.INPLACE, true, table, (set.nullable() ? "dropping NOT NULL from " : "setting NOT NULL on ")
                    + table + "." + set.column());
        }
        if (operation instanceof Operation.AddIdentity identity) {
            return new OnlineDdl(Algorithm.COPY, false, table, "making " + table + "." + identity.column() + " AUTO_INCREMENT");
        }
        if (operation instanceof Operation.DropIdentity identity) {
            return new OnlineDdl(Algorithm.COPY, false, table, "removing AUTO_INCREMENT from " + table + "." + identity.column());
        }
        if (operation instanceof Operation.AddConstraint add) {
            Constraint constraint = add.constraint();
            if (constraint instanceof Constraint.PrimaryKey) {
                return new OnlineDdl(Algorithm.INPLACE, true, table, "adding a primary key to " + table);
            } else if (constraint instanceof Constraint.ForeignKey fk) {
                return foreignKeyChecksOff(context)
                        ? new OnlineDdl(Algorithm.NOCOPY, true, table, "adding the foreign key " + fk.name() + " with foreign_key_checks off")
                        : new OnlineDdl(Algorithm.COPY, false, table, "adding the foreign key " + fk.name() + " to " + table);
            } else if (constraint instanceof Constraint.Check check) {
                return new OnlineDdl(Algorithm.COPY, false, table, "adding the check " + check.name() + " to " + table);
            } else if (constraint instanceof Constraint.Unique unique) {
                return new OnlineDdl(Algorithm.NOCOPY, true, table, "adding the unique key " + unique.name() + " to " + table);
            }
            return null;
        }
        if (operation instanceof Operation.DropConstraint drop && drop.definition() instanceof Constraint.PrimaryKey) {
            return new OnlineDdl(Algorithm.COPY, false, table, "dropping the primary key of " + table);
        }
        if (operation instanceof Operation.CreateIndex create) {
            return new OnlineDdl(Algorithm.NOCOPY, true, table, "building the index " + create.index().name() + " on " + table);
        }
        if (operation instanceof Operation.SetDefault || operation instanceof Operation.SetColumnComment
                || operation instanceof Operation.SetTableComment || operation instanceof Operation.RenameColumn) {
            return new OnlineDdl(Algorithm.INSTANT, true, table, "changing the metadata of " + table);
        }
        if (operation instanceof Operation.RenameTable) {
            // Only the dictionary changes, under an exclusive metadata lock held for an instant (LOCK=EXCLUSIVE).
            return new OnlineDdl(Algorithm.INSTANT, false, table, "renaming " + table);
        }
        return null;
    }

    private static OnlineDdl typeChange(RuleContext context, Server server, Operation.AlterColumnType change, String table) {
        String column = table + "." + change.column();
        if (change.previousType() == null) {
            return new OnlineDdl(Algorithm.COPY, false, table, "changing the type of " + column + " (from a type the call does not say)");
        }
        String what = "changing " + column + " from " + typeName(context, change.previousType()) + " to " + typeName(context, change.type());
        List<String> before = enumLabels(context, change.previousType());
        List<String> after = enumLabels(context, change.type());
        if (before != null && after != null) {
            boolean appended = after.size() >= before.size() && after.subList(0, before.size()).equals(before);
            return new OnlineDdl(appended ? Algorithm.INSTANT : Algorithm.COPY, appended, table, what);
        }
        Conversion conversion = context.platform().rules().conversion(change.column(), change.previousType(), change.type());
        if (conversion == null || conversion.rewrites()) {
            return new OnlineDdl(Algorithm.COPY, false, table, what);
        }
        return new OnlineDdl(server.instantTypeChange() ? Algorithm.INSTANT : Algorithm.NOCOPY, true, table, what);
    }

    static String typeName(RuleContext context, DataType type) {
        try {
            return context.platform().dialect().typeName(type);
        } catch (RuntimeException e) {
            return type.toString();
        }
    }

    /** The labels of an {@code ENUM(…)} type, or null for another type. */
    static List<String> enumLabels(RuleContext context, DataType type) {
        Matcher m = ENUM.matcher(typeName(context, type));
        if (!m.matches()) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        Matcher label = Pattern.compile("'((?:[^']|'')*)'").matcher(m.group(1));
        while (label.find()) {
            labels.add(label.group(1).replace("''", "'"));
        }
        return labels;
    }

    /** Whether the revision turned foreign_key_checks off before this operation (and not on again). */
    static boolean foreignKeyChecksOff(RuleContext context) {
        boolean off = false;
        for (Operation op : context.preceding()) {
            if (op instanceof Operation.ExecuteSql sql) {
                off = FK_CHECKS_OFF.matcher(sql.sql()).matches() || off && !FK_CHECKS_ON.matcher(sql.sql()).matches();
            }
        }
        return off;
    }

    /** The table an operation alters, as {schema, name}, or null. */
    static String[] table(Operation operation) {
        if (operation instanceof Operation.AddColumn a) {
            return new String[] {a.schema(), a.table()};
        } else if (operation instanceof Operation.DropColumn d) {
            return new String[] {d.schema(), d.table()};
        } else if (operation instanceof Operation.RenameColumn r) {
            return new String[] {r.schema(), r.table()};
        } else if (operation instanceof Operation.AlterColumnType a) {
            return new String[] {a.schema(), a.table()};
        } else if (operation instanceof Operation.SetNullable s) {
            return new String[] {s.schema(), s.table()};
        } else if (operation instanceof Operation.SetDefault s) {
            return new String[] {s.schema(), s.table()};
        } else if (operation instanceof Operation.AddIdentity a) {
            return new String[] {a.schema(), a.table()};
        } else if (operation instanceof Operation.DropIdentity d) {
            return new String[] {d.schema(), d.table()};
        } else if (operation instanceof Operation.SetColumnComment s) {
            return new String[] {s.schema(), s.table()};
        } else if (operation instanceof Operation.SetTableComment s) {
            return new String[] {s.schema(), s.table()};
        } else if (operation instanceof Operation.AddConstraint a) {
            return new String[] {a.schema(), a.table()};
        } else if (operation instanceof Operation.DropConstraint d) {
            return new String[] {d.schema(), d.table()};
        } else if (operation instanceof Operation.CreateIndex c) {
            return new String[] {c.index().schema(), c.index().table()};
        } else if (operation instanceof Operation.RenameTable r) {
            return new String[] {r.schema(), r.from()};
        } else if (operation instanceof Operation.DropTable d) {
            return new String[] {d.schema(), d.name()};
        }
        return null;
    }
}
