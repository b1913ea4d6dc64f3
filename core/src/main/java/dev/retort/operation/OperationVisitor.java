package dev.retort.operation;

/**
 * One method per kind of {@link Operation}: what a platform renders, what code generation writes,
 * what the linter judges. A new operation adds a method here, and the compiler then names every
 * visitor that does not handle it yet.
 *
 * @param <R> what the visitor makes of an operation
 */
public interface OperationVisitor<R> {

    /** Visits {@link Operation.CreateTable}. */
    R visit(Operation.CreateTable operation);

    /** Visits {@link Operation.DropTable}. */
    R visit(Operation.DropTable operation);

    /** Visits {@link Operation.RenameTable}. */
    R visit(Operation.RenameTable operation);

    /** Visits {@link Operation.SetTableComment}. */
    R visit(Operation.SetTableComment operation);

    /** Visits {@link Operation.AddColumn}. */
    R visit(Operation.AddColumn operation);

    /** Visits {@link Operation.DropColumn}. */
    R visit(Operation.DropColumn operation);

    /** Visits {@link Operation.RenameColumn}. */
    R visit(Operation.RenameColumn operation);

    /** Visits {@link Operation.AlterColumnType}. */
    R visit(Operation.AlterColumnType operation);

    /** Visits {@link Operation.SetNullable}. */
    R visit(Operation.SetNullable operation);

    /** Visits {@link Operation.SetDefault}. */
    R visit(Operation.SetDefault operation);

    /** Visits {@link Operation.AddIdentity}. */
    R visit(Operation.AddIdentity operation);

    /** Visits {@link Operation.DropIdentity}. */
    R visit(Operation.DropIdentity operation);

    /** Visits {@link Operation.SetColumnComment}. */
    R visit(Operation.SetColumnComment operation);

    /** Visits {@link Operation.AddConstraint}. */
    R visit(Operation.AddConstraint operation);

    /** Visits {@link Operation.DropConstraint}. */
    R visit(Operation.DropConstraint operation);

    /** Visits {@link Operation.ValidateConstraint}. */
    R visit(Operation.ValidateConstraint operation);

    /** Visits {@link Operation.RenameConstraint}. */
    R visit(Operation.RenameConstraint operation);

    /** Visits {@link Operation.CreateIndex}. */
    R visit(Operation.CreateIndex operation);

    /** Visits {@link Operation.DropIndex}. */
    R visit(Operation.DropIndex operation);

    /** Visits {@link Operation.RenameIndex}. */
    R visit(Operation.RenameIndex operation);

    /** Visits {@link Operation.CreateSequence}. */
    R visit(Operation.CreateSequence operation);

    /** Visits {@link Operation.AlterSequence}. */
    R visit(Operation.AlterSequence operation);

    /** Visits {@link Operation.DropSequence}. */
    R visit(Operation.DropSequence operation);

    /** Visits {@link Operation.RenameSequence}. */
    R visit(Operation.RenameSequence operation);

    /** Visits {@link Operation.SyncSequence}. */
    R visit(Operation.SyncSequence operation);

    /** Visits {@link Operation.CreateEnum}. */
    R visit(Operation.CreateEnum operation);

    /** Visits {@link Operation.AddEnumValue}. */
    R visit(Operation.AddEnumValue operation);

    /** Visits {@link Operation.RenameEnumValue}. */
    R visit(Operation.RenameEnumValue operation);

    /** Visits {@link Operation.DropEnum}. */
    R visit(Operation.DropEnum operation);

    /** Visits {@link Operation.CreateSchema}. */
    R visit(Operation.CreateSchema operation);

    /** Visits {@link Operation.DropSchema}. */
    R visit(Operation.DropSchema operation);

    /** Visits an operation a platform module defines ({@link Operation.Specific}). */
    R visit(Operation.Specific operation);

    /** Visits {@link Operation.ExecuteSql}. */
    R visit(Operation.ExecuteSql operation);

    /** Visits {@link Operation.BulkInsert}. */
    R visit(Operation.BulkInsert operation);

    /** Visits {@link Operation.RunJdbc}. */
    R visit(Operation.RunJdbc operation);
}
