package dev.retort.postgresql.internal.lint;

import java.util.List;

import dev.retort.lint.LintRule;

/** PostgreSQL's lint rules, in the order their findings are listed for one operation. */
public final class PostgresLintRules {

    private PostgresLintRules() {
    }

    /** Data loss, rewrites, long scans under strong locks, blocking index work, rolling-deploy breakers, hygiene. */
    public static List<LintRule> all() {
        return List.of(
                new DropTable(), new DropColumn(), new TypeChangeRules.Narrowing(), new TypeChangeRules.MayFail(),
                new TypeChangeRules.MissingUsing(), new ColumnRules.DropDefault(), new ColumnRules.DropNotNull(),
                new TypeChangeRules.Rewrite(), new ColumnRules.VolatileDefault(), new BackfillRules.UnbatchedUpdate(), new ColumnRules.AddSerialColumn(),
                new ColumnRules.SequenceBehindValues(),
                new ColumnRules.SetNotNull(), new ConstraintRules.NotValid(), new ConstraintRules.ValidateInTransaction(),
                new IndexRules.BlockingCreate(), new IndexRules.BlockingDrop(), new ConstraintRules.UniqueWithoutIndex(),
                new IndexRules.ConcurrentlyInTransaction(),
                new RollingDeployRules.RenameTable(), new RollingDeployRules.RenameColumn(), new ColumnRules.NotNullWithoutDefault(),
                new RollingDeployRules.EnumValueRenamed(), new RollingDeployRules.EnumValueRemoved(),
                new HygieneRules.NoLockTimeout(), new HygieneRules.IdentifierTooLong(), new HygieneRules.PreferJsonb(),
                new HygieneRules.PreferTimestamptz(), new HygieneRules.AvoidChar());
    }
}
