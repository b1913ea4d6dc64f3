package dev.retort.lint;

import dev.retort.operation.Operation;

/**
 * A lint rule's id, severity and summary, for a platform's rules to extend: a subclass says only what it catches, in
 * {@link #check(RuleContext)}, and where it knows one, its {@link #safeForm safe form}.
 *
 * <pre>{@code
 * final class DropTable extends AbstractLintRule {
 *     DropTable() {
 *         super("drop-table", Severity.ERROR, "a table dropped while the running version still reads it");
 *     }
 *
 *     public void check(RuleContext context) {
 *         if (context.operation() instanceof Operation.DropTable drop && context.tableExisted(drop.schema(), drop.name())) {
 *             context.report("DROP TABLE deletes its rows for good …", "Release the entity without it first …");
 *         }
 *     }
 * }
 * }</pre>
 */
public abstract class AbstractLintRule implements LintRule {

    private final String id;
    private final Severity severity;
    private final String summary;

    /**
     * @param id       lower-case words joined by dashes, e.g. {@code blocking-create-index}
     * @param severity the severity of its findings in an upgrade
     * @param summary  one line: what it catches
     */
    protected AbstractLintRule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String summary() {
        return summary;
    }

    /**
     * Whether a view under a renamed table's old name follows the rename in the revision (the expand {@code generateRolling}
     * writes where the platform bridges a rename with a view): the running version keeps reading and writing through it,
     * so the rename does not break it.
     */
    protected static boolean bridgedByView(RuleContext context, Operation.RenameTable rename) {
        String schema = rename.schema() == null ? context.platform().defaultSchema() : rename.schema();
        var dialect = context.platform().dialect();
        // Where the default schema is written as none, the two are one name.
        java.util.List<String> names = java.util.List.of(dialect.identifier(rename.from()), dialect.qualified(schema, rename.from()));
        return context.following().stream().anyMatch(op -> op instanceof Operation.ExecuteSql sql
                && sql.sql().strip().regionMatches(true, 0, "CREATE VIEW ", 0, 12)
                && names.contains(sql.sql().strip().substring(12).strip().split("\\s+")[0]));
    }
}
