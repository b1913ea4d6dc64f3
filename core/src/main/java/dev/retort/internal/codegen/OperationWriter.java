package dev.retort.internal.codegen;

import java.util.ArrayList;
import java.util.List;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.DataType;
import dev.retort.operation.Identity;
import dev.retort.operation.Index;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationVisitor;
import dev.retort.operation.SequenceOptions;

/** Writes one operation as the {@code op.…} call a person would write for it. */
final class OperationWriter implements OperationVisitor<CodeBlock> {

    private static final ClassName ACTION = ClassName.get(Constraint.Action.class);
    private static final ClassName IDENTITY = ClassName.get(Identity.class);
    private static final ClassName INDEX_ELEMENT = ClassName.get(Index.Element.class);

    private final String defaultSchema;
    private final String receiver;

    /** A writer for which objects in {@code defaultSchema} need no {@code inSchema}. */
    OperationWriter(String defaultSchema) {
        this(defaultSchema, "op");
    }

    private OperationWriter(String defaultSchema, String receiver) {
        this.defaultSchema = defaultSchema;
        this.receiver = receiver;
    }

    /** The same writer, calling the recorder by another name: {@code o} inside {@code op.onlyOn(…, o -> …)}. */
    OperationWriter calling(String name) {
        return new OperationWriter(defaultSchema, name);
    }

    /** The statement, without its semicolon. */
    CodeBlock write(Operation operation) {
        return operation.accept(this);
    }

    @Override
    public CodeBlock visit(Operation.CreateTable t) {
        CodeBlock.Builder b = CodeBlock.builder().add("$L.createTable($S", op(t.schema()), t.name());
        List<CodeBlock> elements = new ArrayList<>();
        t.columns().forEach(c -> elements.add(column(c)));
        t.constraints().forEach(c -> elements.add(constraint(c)));
        for (CodeBlock element : elements) {
            b.add(",\n$L", element);
        }
        b.add(")");
        if (t.comment() != null) {
            b.add(".comment($S)", t.comment());
        }
        return b.build();
    }

    @Override
    public CodeBlock visit(Operation.DropTable t) {
        return CodeBlock.of("$L.dropTable($S)", op(t.schema()), t.name());
    }

    @Override
    public CodeBlock visit(Operation.RenameTable t) {
        return CodeBlock.of("$L.renameTable($S, $S)", op(t.schema()), t.from(), t.to());
    }

    @Override
    public CodeBlock visit(Operation.SetTableComment c) {
        return c.comment() == null ? CodeBlock.of("$L.dropTableComment($S)", op(c.schema()), c.table())
                : CodeBlock.of("$L.setTableComment($S, $S)", op(c.schema()), c.table(), c.comment());
    }

    @Override
    public CodeBlock visit(Operation.AddColumn a) {
        return CodeBlock.of("$L.addColumn($S, $L)", op(a.schema()), a.table(), column(a.column()));
    }

    @Override
    public CodeBlock visit(Operation.DropColumn d) {
        return CodeBlock.of("$L.dropColumn($S, $S)", op(d.schema()), d.table(), d.name());
    }

    @Override
    public CodeBlock visit(Operation.RenameColumn r) {
        return CodeBlock.of("$L.renameColumn($S, $S, $S)", op(r.schema()), r.table(), r.from(), r.to());
    }

    @Override
    public CodeBlock visit(Operation.AlterColumnType a) {
        CodeBlock.Builder b = CodeBlock.builder().add("$L.alterColumnType($S, $S, $L)", op(a.schema()), a.table(), a.column(), type(a.type()));
        if (a.using() != null) {
            b.add(".using($S)", a.using());
        }
        if (a.previousType() != null) {
            // The type before lets lint judge the change (rewrite, narrowing, failing casts) and the call be reversed.
            b.add(".from($L)", type(a.previousType()));
        }
        return b.build();
    }

    @Override
    public CodeBlock visit(Operation.SetNullable n) {
        return CodeBlock.of("$L.$L($S, $S)", op(n.schema()), n.nullable() ? "dropNotNull" : "setNotNull", n.table(), n.column());
    }

    @Override
    public CodeBlock visit(Operation.SetDefault d) {
        return d.defaultValue() == null ? CodeBlock.of("$L.dropDefault($S, $S)", op(d.schema()), d.table(), d.column())
                : CodeBlock.of("$L.setDefault($S, $S, $S)", op(d.schema()), d.table(), d.column(), d.defaultValue());
    }

    @Override
    public CodeBlock visit(Operation.AddIdentity a) {
        return isPlain(a.identity()) ? CodeBlock.of("$L.addIdentity($S, $S)", op(a.schema()), a.table(), a.column())
                : CodeBlock.of("$L.addIdentity($S, $S, $L)", op(a.schema()), a.table(), a.column(), identity(a.identity()));
    }

    @Override
    public CodeBlock visit(Operation.DropIdentity d) {
        return CodeBlock.of("$L.dropIdentity($S, $S)", op(d.schema()), d.table(), d.column());
    }

    @Override
    public CodeBlock visit(Operation.SetColumnComment c) {
        return c.comment() == null ? CodeBlock.of("$L.dropColumnComment($S, $S)", op(c.schema()), c.table(), c.column())
                : CodeBlock.of("$L.setColumnComment($S, $S, $S)", op(c.schema()), c.table(), c.column(), c.comment());
    }

    @Override
    public CodeBlock visit(Operation.AddConstraint a) {
        return CodeBlock.of("$L.addConstraint($S, $L)", op(a.schema()), a.table(), constraint(a.constraint()));
    }

    @Override
    public CodeBlock visit(Operation.DropConstraint d) {
        return CodeBlock.of("$L.dropConstraint($S, $S)", op(d.schema()), d.table(), d.name());
    }

    @Override
    public CodeBlock visit(Operation.ValidateConstraint v) {
        return CodeBlock.of("$L.validateConstraint($S, $S)", op(v.schema()), v.table(), v.name());
    }

    @Override
    public CodeBlock visit(Operation.RenameConstraint r) {
        return CodeBlock.of("$L.renameConstraint($S, $S, $S)", op(r.schema()), r.table(), r.from(), r.to());
    }

    @Override
    public CodeBlock visit(Operation.RenameIndex r) {
        return CodeBlock.of("$L.renameIndex($S, $S)", op(r.schema()), r.from(), r.to());
    }

    @Override
    public CodeBlock visit(Operation.RenameSequence r) {
        return CodeBlock.of("$L.renameSequence($S, $S)", op(r.schema()), r.from(), r.to());
    }

    @Override
    public CodeBlock visit(Operation.SyncSequence s) {
        return s.sequence() == null ? CodeBlock.of("$L.syncIdentity($S, $S)", op(s.schema()), s.table(), s.column())
                : CodeBlock.of("$L.syncSequence($S, $S, $S)", op(s.schema()), s.sequence(), s.table(), s.column());
    }

    @Override
    public CodeBlock visit(Operation.CreateIndex c) {
        return createIndex(c);
    }

    @Override
    public CodeBlock visit(Operation.DropIndex d) {
        CodeBlock.Builder b = CodeBlock.builder().add("$L.dropIndex($S)", op(d.schema()), d.name());
        if (d.concurrently()) {
            b.add(".concurrently()");
        }
        if (d.ifExists()) {
            b.add(".ifExists()");
        }
        return b.build();
    }

    @Override
    public CodeBlock visit(Operation.CreateSequence c) {
        var s = c.sequence();
        if (s.ownedBy() != null) {
            int dot = s.ownedBy().lastIndexOf('.');
            return CodeBlock.of("$L.createSequence($S, $L, $S, $S)", op(s.schema()), s.name(), options(s.options()),
                    s.ownedBy().substring(0, dot), s.ownedBy().substring(dot + 1));
        }
        return s.options().isEmpty() ? CodeBlock.of("$L.createSequence($S)", op(s.schema()), s.name())
                : CodeBlock.of("$L.createSequence($S, $L)", op(s.schema()), s.name(), options(s.options()));
    }

    @Override
    public CodeBlock visit(Operation.AlterSequence a) {
        return CodeBlock.of("$L.alterSequence($S, $L)", op(a.schema()), a.name(), options(a.changes()));
    }

    @Override
    public CodeBlock visit(Operation.DropSequence d) {
        return CodeBlock.of("$L.dropSequence($S)", op(d.schema()), d.name());
    }

    @Override
    public CodeBlock visit(Operation.CreateEnum e) {
        return CodeBlock.of("$L.createEnum($S$L)", op(e.schema()), e.name(), strings(e.values()));
    }

    @Override
    public CodeBlock visit(Operation.AddEnumValue a) {
        CodeBlock.Builder b = CodeBlock.builder().add("$L.addEnumValue($S, $S)", op(a.schema()), a.name(), a.value());
        if (a.before() != null) {
            b.add(".before($S)", a.before());
        }
        if (a.after() != null) {
            b.add(".after($S)", a.after());
        }
        if (a.ifNotExists()) {
            b.add(".ifNotExists()");
        }
        return b.build();
    }

    @Override
    public CodeBlock visit(Operation.RenameEnumValue r) {
        return CodeBlock.of("$L.renameEnumValue($S, $S, $S)", op(r.schema()), r.name(), r.from(), r.to());
    }

    @Override
    public CodeBlock visit(Operation.DropEnum d) {
        return CodeBlock.of("$L.dropEnum($S)", op(d.schema()), d.name());
    }

    @Override
    public CodeBlock visit(Operation.CreateSchema s) {
        return CodeBlock.of("$L.createSchema($S)", receiver, s.name());
    }

    @Override
    public CodeBlock visit(Operation.DropSchema s) {
        return CodeBlock.of(s.cascade() ? "$L.dropSchemaCascade($S)" : "$L.dropSchema($S)", receiver, s.name());
    }

    @Override
    public CodeBlock visit(Operation.Specific s) {
        Operation.Specific.Call call = s.source();
        CodeBlock.Builder b = CodeBlock.builder().add("$L.add($T.$L(", receiver, ClassName.bestGuess(call.type()), call.method());
        for (int i = 0; i < call.arguments().size(); i++) {
            b.add(i == 0 ? "$L" : ", $L", argument(call.arguments().get(i)));
        }
        return b.add("))").build();
    }

    private static CodeBlock argument(Object value) {
        if (value instanceof String string) {
            return CodeBlock.of("$S", string);
        } else if (value instanceof Long number) {
            return CodeBlock.of("$LL", number);
        } else if (value instanceof List<?> list) {
            CodeBlock.Builder b = CodeBlock.builder().add("$T.of(", List.class);
            for (int i = 0; i < list.size(); i++) {
                b.add(i == 0 ? "$L" : ", $L", argument(list.get(i)));
            }
            return b.add(")").build();
        }
        return CodeBlock.of("$L", value);
    }

    @Override
    public CodeBlock visit(Operation.ExecuteSql e) {
        if (!e.parameters().isEmpty()) {
            throw cannotWrite(e);
        }
        return CodeBlock.of("$L.execute($S)", receiver, e.sql());
    }

    @Override
    public CodeBlock visit(Operation.BulkInsert operation) {
        throw cannotWrite(operation);
    }

    @Override
    public CodeBlock visit(Operation.RunJdbc operation) {
        if (operation.work() instanceof dev.retort.operation.Backfill backfill) {
            return CodeBlock.of("$L.backfill($L)", receiver, backfill(backfill));
        }
        if (operation.work() instanceof dev.retort.operation.Backfill.Forget forget) {
            return CodeBlock.of("$L.forgetBackfill($L)", receiver, backfill(forget.backfill()));
        }
        throw cannotWrite(operation);
    }

    /** A backfill as the builder calls that make it. */
    private static CodeBlock backfill(dev.retort.operation.Backfill backfill) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.of($S)", dev.retort.operation.Backfill.class, backfill.table());
        if (!"id".equals(backfill.keyColumn())) {
            code.add(".key($S)", backfill.keyColumn());
        }
        code.add(".set($S)", backfill.assignments());
        if (backfill.condition() != null) {
            code.add(".where($S)", backfill.condition());
        }
        code.add(".batchSize($L)", backfill.rowsPerBatch());
        if (!backfill.pauseBetweenBatches().isZero()) {
            code.add(".pause($T.ofMillis($L))", java.time.Duration.class, backfill.pauseBetweenBatches().toMillis());
        }
        if (backfill.named()) {
            code.add(".name($S)", backfill.name());
        }
        return code.build();
    }

    private static IllegalArgumentException cannotWrite(Operation operation) {
        return new IllegalArgumentException("Cannot write " + operation.getClass().getSimpleName() + " as Java source.");
    }

    private String op(String schema) {
        return schema == null || schema.equals(defaultSchema) ? receiver : CodeBlock.of("$L.inSchema($S)", receiver, schema).toString();
    }

    CodeBlock column(Column c) {
        CodeBlock.Builder b = CodeBlock.builder().add("column($S, $L)", c.name(), type(c.type()));
        if (c.identityGeneration() != null) {
            b.add(isPlain(c.identityGeneration()) ? CodeBlock.of(".identity()") : CodeBlock.of(".identity($L)", identity(c.identityGeneration())));
        } else if (!c.acceptsNull()) {
            b.add(".notNull()");
        }
        if (c.defaultValue() != null) {
            b.add(".defaultValue($S)", c.defaultValue());
        }
        if (c.comment() != null) {
            b.add(".comment($S)", c.comment());
        }
        return b.build();
    }

    private boolean isPlain(Identity identity) {
        return !identity.always() && identity.start() == null && identity.increment() == null;
    }

    private CodeBlock identity(Identity identity) {
        CodeBlock.Builder b = CodeBlock.builder().add("$T.$L()", IDENTITY, identity.always() ? "generatedAlways" : "generatedByDefault");
        if (identity.start() != null) {
            b.add(".startWith($LL)", identity.start());
        }
        if (identity.increment() != null) {
            b.add(".incrementBy($LL)", identity.increment());
        }
        return b.build();
    }

    CodeBlock type(DataType type) {
        if (type instanceof DataType.ArrayOf a) {
            return CodeBlock.of("arrayOf($L)", type(a.element()));
        }
        if (type instanceof DataType.UserDefined u) {
            return u.schema() == null || u.schema().equals(defaultSchema) ? CodeBlock.of("enumType($S)", u.name())
                    : CodeBlock.of("enumType($S, $S)", u.schema(), u.name());
        }
        if (type instanceof DataType.Raw r) {
            return CodeBlock.of("raw($S)", r.sql());
        }
        if (type instanceof DataType.Specific s) {
            return CodeBlock.of("specific($S, $S, $L)", s.platform(), s.sql(), s.portable() == null ? "null" : type(s.portable()));
        }
        DataType.Builtin b = (DataType.Builtin) type;
        String args = b.precision() == null ? "" : b.precision() + (b.scale() == null ? "" : ", " + b.scale());
        return CodeBlock.of("$L($L)", b.kind().javaName(), args);
    }

    private CodeBlock constraint(Constraint c) {
        if (c instanceof Constraint.PrimaryKey pk) {
            return CodeBlock.of("primaryKey($S$L)", pk.name(), strings(pk.columns()));
        }
        if (c instanceof Constraint.Unique u) {
            return u.index() == null ? CodeBlock.of("unique($S$L)", u.name(), strings(u.columns()))
                    : CodeBlock.of("unique($S$L).usingIndex($S)", u.name(), strings(u.columns()), u.index());
        }
        if (c instanceof Constraint.Check ck) {
            return CodeBlock.of("check($S, $S)$L", ck.name(), ck.expression(), ck.unvalidated() ? ".notValid()" : "");
        }
        Constraint.ForeignKey fk = (Constraint.ForeignKey) c;
        CodeBlock.Builder b = CodeBlock.builder().add("foreignKey($S$L)", fk.name(), strings(fk.columns()));
        if (fk.referencedSchema() == null || fk.referencedSchema().equals(defaultSchema)) {
            b.add(".references($S$L)", fk.referencedTable(), strings(fk.referencedColumns()));
        } else {
            b.add(".referencesIn($S, $S$L)", fk.referencedSchema(), fk.referencedTable(), strings(fk.referencedColumns()));
        }
        if (fk.onDelete() != Constraint.Action.NO_ACTION) {
            b.add(".onDelete($T.$L)", ACTION, fk.onDelete().javaName());
        }
        if (fk.onUpdate() != Constraint.Action.NO_ACTION) {
            b.add(".onUpdate($T.$L)", ACTION, fk.onUpdate().javaName());
        }
        if (fk.deferrable()) {
            b.add(".deferrable($L)", fk.initiallyDeferred());
        }
        if (fk.unvalidated()) {
            b.add(".notValid()");
        }
        return b.build();
    }

    private CodeBlock createIndex(Operation.CreateIndex c) {
        Index index = c.index();
        boolean plainColumns = index.elements().stream().noneMatch(e -> e.expression() || e.descending());
        CodeBlock.Builder b = CodeBlock.builder().add("$L.createIndex($S, $S", op(index.schema()), index.name(), index.table());
        for (Index.Element e : index.elements()) {
            if (plainColumns) {
                b.add(", $S", e.text());
            } else {
                b.add(", $L", e.expression() ? CodeBlock.of("expression($S)", e.text()) : CodeBlock.of("$T.column($S)", INDEX_ELEMENT, e.text()));
                if (e.descending()) {
                    b.add(".desc()");
                }
            }
        }
        b.add(")");
        if (index.unique()) {
            b.add(".unique()");
        }
        if (index.method() != null) {
            b.add(".using($S)", index.method());
        }
        if (index.where() != null) {
            b.add(".where($S)", index.where());
        }
        if (index.concurrently()) {
            b.add(".concurrently()");
        }
        if (c.ifNotExists()) {
            b.add(".ifNotExists()");
        }
        return b.build();
    }

    private CodeBlock options(SequenceOptions o) {
        CodeBlock.Builder b = CodeBlock.builder().add("sequenceOptions()");
        if (o.start() != null) {
            b.add(".start($LL)", o.start());
        }
        if (o.increment() != null) {
            b.add(".increment($LL)", o.increment());
        }
        if (o.minValue() != null) {
            b.add(".minValue($LL)", o.minValue());
        }
        if (o.maxValue() != null) {
            b.add(".maxValue($LL)", o.maxValue());
        }
        if (o.cache() != null) {
            b.add(".cache($LL)", o.cache());
        }
        if (o.cycle() != null) {
            b.add(".cycle($L)", o.cycle());
        }
        return b.build();
    }

    private CodeBlock strings(List<String> values) {
        CodeBlock.Builder b = CodeBlock.builder();
        values.forEach(v -> b.add(", $S", v));
        return b.build();
    }
}
