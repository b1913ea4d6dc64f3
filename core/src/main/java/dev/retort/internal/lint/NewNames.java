package dev.retort.internal.lint;

import java.util.ArrayList;
import java.util.List;

import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationVisitor;

/** The names an operation gives objects: what a database may cut short or refuse. */
final class NewNames implements OperationVisitor<List<String>> {

    static List<String> of(Operation operation) {
        return operation.accept(new NewNames());
    }

    @Override
    public List<String> visit(Operation.CreateTable t) {
        List<String> names = new ArrayList<>(List.of(t.name()));
        t.columns().stream().map(Column::name).forEach(names::add);
        t.constraints().stream().map(Constraint::name).filter(n -> n != null).forEach(names::add);
        return names;
    }

    @Override
    public List<String> visit(Operation.DropTable t) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.RenameTable t) {
        return List.of(t.to());
    }

    @Override
    public List<String> visit(Operation.SetTableComment c) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.AddColumn a) {
        return List.of(a.column().name());
    }

    @Override
    public List<String> visit(Operation.DropColumn d) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.RenameColumn r) {
        return List.of(r.to());
    }

    @Override
    public List<String> visit(Operation.AlterColumnType a) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.SetNullable n) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.SetDefault d) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.AddIdentity a) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.DropIdentity d) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.SetColumnComment c) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.AddConstraint a) {
        return List.of(a.constraint().name());
    }

    @Override
    public List<String> visit(Operation.DropConstraint d) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.ValidateConstraint v) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.RenameConstraint r) {
        return List.of(r.to());
    }

    @Override
    public List<String> visit(Operation.CreateIndex c) {
        return List.of(c.index().name());
    }

    @Override
    public List<String> visit(Operation.DropIndex d) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.RenameIndex r) {
        return List.of(r.to());
    }

    @Override
    public List<String> visit(Operation.CreateSequence c) {
        return List.of(c.sequence().name());
    }

    @Override
    public List<String> visit(Operation.AlterSequence a) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.DropSequence d) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.RenameSequence r) {
        return List.of(r.to());
    }

    @Override
    public List<String> visit(Operation.SyncSequence s) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.CreateEnum e) {
        return List.of(e.name());
    }

    @Override
    public List<String> visit(Operation.AddEnumValue a) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.RenameEnumValue r) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.DropEnum d) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.CreateSchema s) {
        return List.of(s.name());
    }

    @Override
    public List<String> visit(Operation.DropSchema s) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.Specific s) {
        return s.newNames();
    }

    @Override
    public List<String> visit(Operation.ExecuteSql e) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.BulkInsert b) {
        return List.of();
    }

    @Override
    public List<String> visit(Operation.RunJdbc r) {
        return List.of();
    }
}
