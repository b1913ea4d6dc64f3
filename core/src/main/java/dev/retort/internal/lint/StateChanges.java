package dev.retort.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.retort.operation.Constraint;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationVisitor;

/** Moves a {@link SchemaState} past one operation. Data and raw SQL change nothing it tracks. */
final class StateChanges implements OperationVisitor<Void> {

    private final SchemaState state;

    StateChanges(SchemaState state) {
        this.state = state;
    }

    void apply(Operation operation) {
        operation.accept(this);
    }

    @Override
    public Void visit(Operation.CreateTable t) {
        String table = state.key(t.schema(), t.name());
        state.tablesCreatedThisRun.add(table);
        state.checks.remove(table);
        for (Constraint constraint : t.constraints()) {
            if (constraint instanceof Constraint.Check check && check.name() != null) {
                state.checksOf(table).put(check.name(), new SchemaState.Check(check.expression(), !check.unvalidated()));
            }
        }
        return null;
    }

    @Override
    public Void visit(Operation.DropTable t) {
        String table = state.key(t.schema(), t.name());
        state.tablesCreatedThisRun.remove(table);
        state.checks.remove(table);
        state.indexTables.values().removeIf(table::equals);
        return null;
    }

    @Override
    public Void visit(Operation.RenameTable t) {
        String from = state.key(t.schema(), t.from());
        String to = state.key(t.schema(), t.to());
        if (state.tablesCreatedThisRun.remove(from)) {
            state.tablesCreatedThisRun.add(to);
        }
        Map<String, SchemaState.Check> checks = state.checks.remove(from);
        if (checks != null) {
            state.checks.put(to, checks);
        }
        state.indexTables.replaceAll((index, table) -> table.equals(from) ? to : table);
        return null;
    }

    @Override
    public Void visit(Operation.SetTableComment c) {
        return null;
    }

    @Override
    public Void visit(Operation.AddColumn a) {
        return null;
    }

    @Override
    public Void visit(Operation.DropColumn d) {
        return null;
    }

    @Override
    public Void visit(Operation.RenameColumn r) {
        return null;
    }

    @Override
    public Void visit(Operation.AlterColumnType a) {
        return null;
    }

    @Override
    public Void visit(Operation.SetNullable n) {
        return null;
    }

    @Override
    public Void visit(Operation.SetDefault d) {
        return null;
    }

    @Override
    public Void visit(Operation.AddIdentity a) {
        return null;
    }

    @Override
    public Void visit(Operation.DropIdentity d) {
        return null;
    }

    @Override
    public Void visit(Operation.SetColumnComment c) {
        return null;
    }

    @Override
    public Void visit(Operation.AddConstraint a) {
        String table = state.key(a.schema(), a.table());
        state.addedThisRevision.add(table + "/" + a.constraint().name());
        if (a.constraint() instanceof Constraint.Check check) {
            state.checksOf(table).put(check.name(), new SchemaState.Check(check.expression(), !check.unvalidated()));
        }
        if (a.constraint() instanceof Constraint.Unique unique && unique.index() != null) {
            state.indexTables.remove(state.key(a.schema(), unique.index()));
        }
        return null;
    }

    @Override
    public Void visit(Operation.DropConstraint d) {
        String table = state.key(d.schema(), d.table());
        state.checksOf(table).remove(d.name());
        state.addedThisRevision.remove(table + "/" + d.name());
        return null;
    }

    @Override
    public Void visit(Operation.ValidateConstraint v) {
        state.checksOf(state.key(v.schema(), v.table())).computeIfPresent(v.name(), (name, check) -> new SchemaState.Check(check.expression(), true));
        return null;
    }

    @Override
    public Void visit(Operation.RenameConstraint r) {
        String table = state.key(r.schema(), r.table());
        SchemaState.Check check = state.checksOf(table).remove(r.from());
        if (check != null) {
            state.checksOf(table).put(r.to(), check);
        }
        if (state.addedThisRevision.remove(table + "/" + r.from())) {
            state.addedThisRevision.add(table + "/" + r.to());
        }
        return null;
    }

    @Override
    public Void visit(Operation.CreateIndex c) {
        state.indexTables.put(state.key(c.index().schema(), c.index().name()), state.key(c.index().schema(), c.index().table()));
        return null;
    }

    @Override
    public Void visit(Operation.DropIndex d) {
        state.indexTables.remove(state.key(d.schema(), d.name()));
        return null;
    }

    @Override
    public Void visit(Operation.RenameIndex r) {
        String table = state.indexTables.remove(state.key(r.schema(), r.from()));
        if (table != null) {
            state.indexTables.put(state.key(r.schema(), r.to()), table);
        }
        return null;
    }

    @Override
    public Void visit(Operation.CreateSequence c) {
        return null;
    }

    @Override
    public Void visit(Operation.AlterSequence a) {
        return null;
    }

    @Override
    public Void visit(Operation.DropSequence d) {
        return null;
    }

    @Override
    public Void visit(Operation.RenameSequence r) {
        return null;
    }

    @Override
    public Void visit(Operation.SyncSequence s) {
        return null;
    }

    @Override
    public Void visit(Operation.CreateEnum e) {
        state.enums.put(state.key(e.schema(), e.name()), new ArrayList<>(e.values()));
        // Kept when the type is dropped again: re-creating a type this run made affects no rows either.
        state.typesCreatedThisRun.add(state.key(e.schema(), e.name()));
        return null;
    }

    @Override
    public Void visit(Operation.AddEnumValue a) {
        List<String> values = state.enums.get(state.key(a.schema(), a.name()));
        if (values != null && !values.contains(a.value())) {
            int at = a.before() != null ? values.indexOf(a.before()) : a.after() != null ? values.indexOf(a.after()) + 1 : values.size();
            values.add(at < 0 ? values.size() : at, a.value());
        }
        return null;
    }

    @Override
    public Void visit(Operation.RenameEnumValue r) {
        List<String> values = state.enums.get(state.key(r.schema(), r.name()));
        if (values != null) {
            values.replaceAll(v -> v.equals(r.from()) ? r.to() : v);
        }
        return null;
    }

    @Override
    public Void visit(Operation.DropEnum d) {
        String type = state.key(d.schema(), d.name());
        List<String> values = state.enums.remove(type);
        List<String> known = values != null ? values : d.values();
        if (known != null) {
            state.droppedEnums.put(type, List.copyOf(known));
        }
        return null;
    }

    @Override
    public Void visit(Operation.CreateSchema s) {
        return null;
    }

    @Override
    public Void visit(Operation.DropSchema s) {
        if (s.cascade()) {
            String prefix = s.name() + ".";
            state.checks.keySet().removeIf(table -> table.startsWith(prefix));
            state.indexTables.keySet().removeIf(index -> index.startsWith(prefix));
            state.enums.keySet().removeIf(type -> type.startsWith(prefix));
        }
        return null;
    }

    @Override
    public Void visit(Operation.Specific s) {
        return null;
    }

    @Override
    public Void visit(Operation.ExecuteSql e) {
        return null;
    }

    @Override
    public Void visit(Operation.BulkInsert b) {
        return null;
    }

    @Override
    public Void visit(Operation.RunJdbc r) {
        return null;
    }
}
