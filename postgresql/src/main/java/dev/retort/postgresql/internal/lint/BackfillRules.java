package dev.retort.postgresql.internal.lint;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.command.Direction;
import dev.retort.lint.RuleContext;
import dev.retort.lint.Severity;
import dev.retort.operation.Operation;

/** Rows of an existing table rewritten in one statement, where a batched {@code Backfill} does it without the long lock. */
final class BackfillRules {

    /** What the findings point to: the batched form, and where it is documented. */
    static final String BACKFILL = "op.backfill(Backfill.of(\"%s\").set(\"…\").where(\"…\")) in a revision of its own with transactional = "
            + "false, which updates the rows in batches of a key range, each committing with its progress (docs/rolling-deploys.md, "
            + "\"Batched backfills\")";

    /** {@code UPDATE [ONLY] name SET …}, the name possibly quoted and schema-qualified; the rest after SET. */
    private static final Pattern UPDATE = Pattern.compile("(?is)^\\s*UPDATE\\s+(?:ONLY\\s+)?((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)"
            + "(?:\\s+(?:AS\\s+)?\\w+)?\\s+SET\\s+(.*?);?\\s*$");
    /** A WHERE made of NULL tests only, the shape of a fill: it matches every row until the fill is done. */
    private static final Pattern NULL_TESTS = Pattern.compile("(?is)\\(*\\s*(?:\"[^\"]+\"|[\\w$.]+)\\s+IS\\s+(?:NOT\\s+)?NULL\\s*\\)*"
            + "(?:\\s+(?:AND|OR)\\s+\\(*\\s*(?:\"[^\"]+\"|[\\w$.]+)\\s+IS\\s+(?:NOT\\s+)?NULL\\s*\\)*)*");

    private BackfillRules() {
    }

    /** Schema and table of a single {@code UPDATE} that touches every row (no WHERE, or only NULL tests), or null. */
    static String[] wholeTableUpdate(String sql) {
        Matcher update = UPDATE.matcher(sql.strip());
        if (!update.matches() || sql.strip().replaceFirst(";\\s*$", "").contains(";")) {
            return null;
        }
        String rest = update.group(2);
        Matcher where = Pattern.compile("(?is)\\bWHERE\\b(.*)$").matcher(rest);
        if (where.find() && !NULL_TESTS.matcher(where.group(1).strip()).matches()) {
            return null;
        }
        if (Pattern.compile("(?is)\\b(FROM|RETURNING)\\b").matcher(where.find(0) ? rest.substring(0, where.start()) : rest).find()) {
            return null;
        }
        String[] parts = update.group(1).split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        String table = unquote(parts[parts.length - 1]);
        return new String[] {parts.length > 1 ? unquote(parts[0]) : null, table};
    }

    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
    }

    /** {@code op.execute("UPDATE t SET …")} over every row of a table the revision did not create. */
    static final class UnbatchedUpdate extends Rule {

        UnbatchedUpdate() {
            super("unbatched-update", Severity.WARNING, "an UPDATE of every row of an existing table in one statement");
        }

        @Override
        public void check(RuleContext context) {
            if (context.direction() != Direction.UP || !(context.operation() instanceof Operation.ExecuteSql sql)) {
                return;
            }
            String[] target = wholeTableUpdate(sql.sql());
            if (target == null || !context.tableExisted(target[0], target[1])) {
                return;
            }
            context.report("This UPDATE rewrites every row of " + context.qualified(target[0], target[1]) + " in one transaction: each row "
                            + "it reaches stays locked against the application's writes until the revision commits, and a large table "
                            + "leaves as many dead rows and as much WAL behind at once.",
                    "Fill it in batches with " + BACKFILL.formatted(target[1]) + ".");
        }
    }
}
