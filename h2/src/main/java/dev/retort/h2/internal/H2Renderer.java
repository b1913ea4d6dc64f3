package dev.retort.h2.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.Identity;
import dev.retort.operation.Index;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationVisitor;
import dev.retort.operation.Sequence;
import dev.retort.operation.SequenceOptions;
import dev.retort.platform.SqlStatement;

/**
 * The SQL of each operation on H2. What H2 cannot hold (enum types, partial and expression indexes, deferrable foreign
 * keys, a conversion expression, another database's operations) is refused by name. A constraint H2 named itself
 * ({@code CONSTRAINT_1F3}), which the catalog reader reports under PostgreSQL's name for it, is found by that name when
 * dropped or renamed ({@code EXECUTE IMMEDIATE} with the name looked up as the statement runs).
 */
final class H2Renderer implements OperationVisitor<List<SqlStatement>> {

    /** Bind parameters per statement: H2 takes many, but a statement this size is already long. */
    private static final int MAX_PARAMETERS = 30_000;

    private final H2Dialect dialect;
    private final H2Types types;

    H2Renderer(H2Dialect dialect, H2Types types) {
        this.dialect = dialect;
        this.types = types;
    }

    List<SqlStatement> render(Operation operation) {
        return operation.accept(this);
    }

    // ---- tables ---------------------------------------------------------------------------------

    @Override
    public List<SqlStatement> visit(Operation.CreateTable t) {
        List<String> lines = new ArrayList<>();
        t.columns().forEach(c -> lines.add(column(c)));
        t.constraints().forEach(c -> lines.add(constraint(c)));
        if (t.columns().isEmpty()) {
            throw new IllegalArgumentException("createTable " + t.name() + " needs at least one column.");
        }
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("CREATE TABLE " + q(t.schema(), t.name()) + " (\n    " + String.join(",\n    ", lines) + "\n)"));
        if (t.comment() != null) {
            out.add(sql("COMMENT ON TABLE " + q(t.schema(), t.name()) + " IS " + dialect.literal(t.comment())));
        }
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.DropTable t) {
        return List.of(sql("DROP TABLE " + q(t.schema(), t.name())));
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameTable t) {
        return List.of(sql("ALTER TABLE " + q(t.schema(), t.from()) + " RENAME TO " + id(t.to())));
    }

    @Override
    public List<SqlStatement> visit(Operation.SetTableComment c) {
        return List.of(sql("COMMENT ON TABLE " + q(c.schema(), c.table()) + " IS " + dialect.literal(c.comment())));
    }

    // ---- columns --------------------------------------------------------------------------------

    @Override
    public List<SqlStatement> visit(Operation.AddColumn a) {
        return List.of(sql(alterTable(a.schema(), a.table()) + "ADD COLUMN " + column(a.column())));
    }

    @Override
    public List<SqlStatement> visit(Operation.DropColumn d) {
        return List.of(sql(alterTable(d.schema(), d.table()) + "DROP COLUMN " + id(d.name())));
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameColumn r) {
        return List.of(sql(alterColumn(r.schema(), r.table(), r.from()) + "RENAME TO " + id(r.to())));
    }

    @Override
    public List<SqlStatement> visit(Operation.AlterColumnType a) {
        if (a.using() != null) {
            throw new IllegalArgumentException("H2 converts a column's values itself and takes no conversion expression (USING " + a.using()
                    + " for " + a.table() + "." + a.column() + "); convert the values with an UPDATE into a new column, or give H2 a form "
                    + "without it (op.onlyOn/notOn).");
        }
        return List.of(sql(alterColumn(a.schema(), a.table(), a.column()) + "SET DATA TYPE " + types.render(a.type())));
    }

    @Override
    public List<SqlStatement> visit(Operation.SetNullable n) {
        return List.of(sql(alterColumn(n.schema(), n.table(), n.column()) + (n.nullable() ? "DROP NOT NULL" : "SET NOT NULL")));
    }

    @Override
    public List<SqlStatement> visit(Operation.SetDefault d) {
        return List.of(sql(alterColumn(d.schema(), d.table(), d.column())
                + (d.defaultValue() == null ? "DROP DEFAULT" : "SET DEFAULT " + d.defaultValue())));
    }

    @Override
    public List<SqlStatement> visit(Operation.AddIdentity a) {
        List<SqlStatement> out = new ArrayList<>();
        String alter = alterColumn(a.schema(), a.table(), a.column());
        out.add(sql(alter + "SET GENERATED " + (a.identity().always() ? "ALWAYS" : "BY DEFAULT")));
        List<String> options = new ArrayList<>();
        if (a.identity().start() != null) {
            options.add("RESTART WITH " + a.identity().start());
        }
        if (a.identity().increment() != null) {
            options.add("SET INCREMENT BY " + a.identity().increment());
        }
        if (!options.isEmpty()) {
            out.add(sql(alter + String.join(" ", options)));
        }
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.DropIdentity d) {
        return List.of(sql(alterColumn(d.schema(), d.table(), d.column()) + "DROP IDENTITY"));
    }

    @Override
    public List<SqlStatement> visit(Operation.SetColumnComment c) {
        return List.of(sql("COMMENT ON COLUMN " + q(c.schema(), c.table()) + "." + id(c.column()) + " IS " + dialect.literal(c.comment())));
    }

    // ---- constraints ----------------------------------------------------------------------------

    /** Added and checked at once: H2 has no NOT VALID, so an unvalidated constraint is validated as it is added. */
    @Override
    public List<SqlStatement> visit(Operation.AddConstraint a) {
        return List.of(sql(alterTable(a.schema(), a.table()) + "ADD " + constraint(a.constraint())));
    }

    @Override
    public List<SqlStatement> visit(Operation.DropConstraint d) {
        String prefix = alterTable(d.schema(), d.table());
        if (d.definition() instanceof Constraint.PrimaryKey) {
            return List.of(sql(prefix + "DROP PRIMARY KEY"));
        }
        return List.of(sql("EXECUTE IMMEDIATE " + str(prefix + "DROP CONSTRAINT ") + " || QUOTE_IDENT(" + constraintName(d.schema(), d.table(),
                d.name()) + ")"));
    }

    /** Nothing to run: H2 checked the constraint when it was added. */
    @Override
    public List<SqlStatement> visit(Operation.ValidateConstraint v) {
        return List.of();
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameConstraint r) {
        return List.of(sql("EXECUTE IMMEDIATE " + str(alterTable(r.schema(), r.table()) + "RENAME CONSTRAINT ") + " || QUOTE_IDENT("
                + constraintName(r.schema(), r.table(), r.from()) + ") || " + str(" TO " + id(r.to()))));
    }

    /**
     * The stored name of a table's constraint, as the statement runs: the constraint of that name, else the one H2 named
     * itself that the catalog reader reports under it ({@code book_pkey}, {@code book_isbn_key}, {@code book_price_check}).
     */
    private String constraintName(String schema, String table, String name) {
        String where = "c.TABLE_SCHEMA = " + schemaExpression(schema) + " AND c.TABLE_NAME = " + str(H2Names.stored(table));
        return "COALESCE((SELECT c.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c WHERE " + where + " AND c.CONSTRAINT_NAME = "
                + str(H2Names.stored(name)) + "), (SELECT MIN(c.CONSTRAINT_NAME) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c WHERE " + where
                + " AND REGEXP_LIKE(c.CONSTRAINT_NAME, '^CONSTRAINT_[0-9A-F]+$') AND " + H2CatalogReader.REPORTED_NAME + " = " + str(name) + "), "
                + str(H2Names.stored(name)) + ")";
    }

    static String schemaExpression(String schema) {
        return schema == null || schema.isEmpty() ? "CURRENT_SCHEMA" : H2Dialect.quote(H2Names.stored(schema));
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameIndex r) {
        return List.of(sql("ALTER INDEX " + q(r.schema(), r.from()) + " RENAME TO " + id(r.to())));
    }

    // ---- indexes --------------------------------------------------------------------------------

    /** Without CONCURRENTLY, which H2 has not: an index on an embedded database builds while the table waits. */
    @Override
    public List<SqlStatement> visit(Operation.CreateIndex c) {
        Index index = c.index();
        if (index.elements().isEmpty()) {
            throw new IllegalArgumentException("Index " + index.name() + " needs at least one column.");
        }
        if (index.where() != null) {
            throw new IllegalArgumentException("H2 has no partial indexes (index " + index.name() + " WHERE " + index.where()
                    + "); index the whole column on H2 (op.onlyOn/notOn), or leave the index out there.");
        }
        String kind = "";
        if (index.method() != null) {
            switch (index.method()) {
                case "btree" -> kind = "";
                case "hash" -> kind = "HASH ";
                case "spatial" -> kind = "SPATIAL ";
                default -> throw new IllegalArgumentException("H2 has no " + index.method() + " indexes (index " + index.name()
                        + "); use btree or hash on H2.");
            }
        }
        StringJoiner elements = new StringJoiner(", ", "(", ")");
        for (Index.Element e : index.elements()) {
            if (e.expression()) {
                throw new IllegalArgumentException("H2 cannot index an expression (" + e.text() + " in index " + index.name()
                        + "); index a generated column that holds it.");
            }
            elements.add(id(e.text()) + (e.descending() ? " DESC" : ""));
        }
        return List.of(sql("CREATE " + (index.unique() ? "UNIQUE " : "") + kind + "INDEX " + (c.ifNotExists() ? "IF NOT EXISTS " : "")
                + q(index.schema(), index.name()) + " ON " + q(index.schema(), index.table()) + " " + elements));
    }

    @Override
    public List<SqlStatement> visit(Operation.DropIndex d) {
        return List.of(sql("DROP INDEX " + (d.ifExists() ? "IF EXISTS " : "") + q(d.schema(), d.name())));
    }

    // ---- sequences ------------------------------------------------------------------------------

    /** H2's sequences belong to no column: an owner is not recorded, and the sequence outlives a dropped table. */
    @Override
    public List<SqlStatement> visit(Operation.CreateSequence c) {
        Sequence s = c.sequence();
        return List.of(sql("CREATE SEQUENCE " + q(s.schema(), s.name()) + sequenceOptions(s.options())));
    }

    @Override
    public List<SqlStatement> visit(Operation.AlterSequence a) {
        if (a.changes().isEmpty()) {
            throw new IllegalArgumentException("alterSequence " + a.name() + " changes nothing; give at least one option.");
        }
        return List.of(sql("ALTER SEQUENCE " + q(a.schema(), a.name()) + sequenceOptions(a.changes())));
    }

    @Override
    public List<SqlStatement> visit(Operation.DropSequence d) {
        return List.of(sql("DROP SEQUENCE " + q(d.schema(), d.name())));
    }

    /**
     * H2 cannot rename a sequence: a new one is created with the old one's options, continuing where it stood, and the old
     * one dropped. A column default that calls the old one must be changed with it.
     */
    @Override
    public List<SqlStatement> visit(Operation.RenameSequence r) {
        String query = "SELECT " + str("CREATE SEQUENCE " + q(r.schema(), r.to()) + " START WITH ")
                + " || BASE_VALUE || ' INCREMENT BY ' || INCREMENT || ' MINVALUE ' || MINIMUM_VALUE || ' MAXVALUE ' || MAXIMUM_VALUE"
                + " || ' CACHE ' || GREATEST(CACHE, 1) || CASE CYCLE_OPTION WHEN 'YES' THEN ' CYCLE' ELSE ' NO CYCLE' END"
                + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = " + schemaExpression(r.schema()) + " AND SEQUENCE_NAME = "
                + str(H2Names.stored(r.from()));
        return List.of(sql("EXECUTE IMMEDIATE COALESCE((" + query + "), " + str("CREATE SEQUENCE " + q(r.schema(), r.from())) + ")"),
                sql("DROP SEQUENCE " + q(r.schema(), r.from())));
    }

    @Override
    public List<SqlStatement> visit(Operation.SyncSequence s) {
        String next = "(SELECT COALESCE(MAX(" + id(s.column()) + "), 0) + 1 FROM " + q(s.schema(), s.table()) + ")";
        if (s.sequence() != null) {
            return List.of(sql("ALTER SEQUENCE " + q(s.schema(), s.sequence()) + " RESTART WITH " + next));
        }
        return List.of(sql(alterColumn(s.schema(), s.table(), s.column()) + "RESTART WITH " + next));
    }

    // ---- enum types, schemas --------------------------------------------------------------------

    @Override
    public List<SqlStatement> visit(Operation.CreateEnum e) {
        throw noEnumTypes(e.name());
    }

    @Override
    public List<SqlStatement> visit(Operation.AddEnumValue a) {
        throw noEnumTypes(a.name());
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameEnumValue r) {
        throw noEnumTypes(r.name());
    }

    @Override
    public List<SqlStatement> visit(Operation.DropEnum d) {
        throw noEnumTypes(d.name());
    }

    @Override
    public List<SqlStatement> visit(Operation.CreateSchema s) {
        return List.of(sql("CREATE SCHEMA " + (s.ifNotExists() ? "IF NOT EXISTS " : "") + id(s.name())));
    }

    @Override
    public List<SqlStatement> visit(Operation.DropSchema s) {
        return List.of(sql("DROP SCHEMA " + (s.ifExists() ? "IF EXISTS " : "") + id(s.name()) + (s.cascade() ? " CASCADE" : " RESTRICT")));
    }

    @Override
    public List<SqlStatement> visit(Operation.Specific operation) {
        throw new IllegalArgumentException("'" + operation.describe() + "' is an operation of " + operation.platform()
                + ", which H2 cannot run; give the H2 form of this change in the migration.");
    }

    // ---- data -----------------------------------------------------------------------------------

    @Override
    public List<SqlStatement> visit(Operation.ExecuteSql sql) {
        return List.of(new SqlStatement(stripTerminator(sql.sql()), sql.parameters()));
    }

    @Override
    public List<SqlStatement> visit(Operation.BulkInsert b) {
        List<SqlStatement> out = new ArrayList<>();
        String head = "INSERT INTO " + q(b.schema(), b.table()) + " " + columns(b.columns()) + " VALUES ";
        String row = "(" + "?, ".repeat(b.columns().size() - 1) + "?)";
        int perStatement = Math.max(1, MAX_PARAMETERS / b.columns().size());
        for (int from = 0; from < b.rows().size(); from += perStatement) {
            List<List<Object>> chunk = b.rows().subList(from, Math.min(b.rows().size(), from + perStatement));
            List<Object> parameters = new ArrayList<>();
            chunk.forEach(parameters::addAll);
            out.add(new SqlStatement(head + String.join(", ", java.util.Collections.nCopies(chunk.size(), row)), parameters));
        }
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.RunJdbc operation) {
        return List.of();
    }

    // ---- pieces ---------------------------------------------------------------------------------

    String column(Column c) {
        StringBuilder out = new StringBuilder(id(c.name())).append(' ').append(types.render(c.type()));
        if (c.identityGeneration() != null) {
            out.append(' ').append(identity(c.identityGeneration()));
        } else if (c.defaultValue() != null) {
            out.append(" DEFAULT ").append(c.defaultValue());
        }
        if (c.comment() != null) {
            out.append(" COMMENT ").append(dialect.literal(c.comment()));
        }
        if (!c.acceptsNull()) {
            out.append(" NOT NULL");
        }
        return out.toString();
    }

    private static String identity(Identity identity) {
        StringBuilder out = new StringBuilder("GENERATED ").append(identity.always() ? "ALWAYS" : "BY DEFAULT").append(" AS IDENTITY");
        List<String> options = new ArrayList<>();
        if (identity.start() != null) {
            options.add("START WITH " + identity.start());
        }
        if (identity.increment() != null) {
            options.add("INCREMENT BY " + identity.increment());
        }
        if (!options.isEmpty()) {
            out.append(" (").append(String.join(" ", options)).append(')');
        }
        return out.toString();
    }

    private String constraint(Constraint c) {
        String prefix = c.name() == null ? "" : "CONSTRAINT " + id(c.name()) + " ";
        if (c instanceof Constraint.PrimaryKey pk) {
            return prefix + "PRIMARY KEY " + columns(pk.columns());
        }
        if (c instanceof Constraint.Unique u) {
            // An existing unique index on the columns is adopted by H2 itself.
            return prefix + "UNIQUE " + columns(u.columns());
        }
        if (c instanceof Constraint.Check ck) {
            return prefix + "CHECK (" + ck.expression() + ")";
        }
        Constraint.ForeignKey fk = (Constraint.ForeignKey) c;
        if (fk.deferrable()) {
            throw new IllegalArgumentException("H2 checks foreign keys at once and cannot defer " + (fk.name() == null ? "a foreign key"
                    : fk.name()) + "; leave deferrable out on H2.");
        }
        StringBuilder out = new StringBuilder(prefix).append("FOREIGN KEY ").append(columns(fk.columns())).append(" REFERENCES ")
                .append(q(fk.referencedSchema(), fk.referencedTable())).append(' ').append(columns(fk.referencedColumns()));
        if (fk.onDelete() != Constraint.Action.NO_ACTION) {
            out.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != Constraint.Action.NO_ACTION) {
            out.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return out.toString();
    }

    private static String sequenceOptions(SequenceOptions o) {
        StringBuilder out = new StringBuilder();
        if (o.start() != null) {
            out.append(" START WITH ").append(o.start());
        }
        if (o.increment() != null) {
            out.append(" INCREMENT BY ").append(o.increment());
        }
        if (o.minValue() != null) {
            out.append(" MINVALUE ").append(o.minValue());
        }
        if (o.maxValue() != null) {
            out.append(" MAXVALUE ").append(o.maxValue());
        }
        if (o.cache() != null) {
            out.append(o.cache() <= 1 ? " NO CACHE" : " CACHE " + o.cache());
        }
        if (o.cycle() != null) {
            out.append(o.cycle() ? " CYCLE" : " NO CYCLE");
        }
        return out.toString();
    }

    private IllegalArgumentException noEnumTypes(String name) {
        return new IllegalArgumentException("H2 has no enum types (" + name + "): an enum is a column type of its own there, "
                + "H2.enumOf(\"A\", \"B\") (ENUM('A', 'B')); give the column that type on H2 (op.onlyOn/notOn).");
    }

    private String alterTable(String schema, String table) {
        return "ALTER TABLE " + q(schema, table) + " ";
    }

    private String alterColumn(String schema, String table, String column) {
        return alterTable(schema, table) + "ALTER COLUMN " + id(column) + " ";
    }

    private String columns(List<String> names) {
        StringJoiner out = new StringJoiner(", ", "(", ")");
        names.forEach(n -> out.add(id(n)));
        return out.toString();
    }

    private static String str(String text) {
        return H2Dialect.quote(text);
    }

    private String id(String name) {
        return dialect.identifier(name);
    }

    private String q(String schema, String name) {
        return dialect.qualified(schema, name);
    }

    private static SqlStatement sql(String text) {
        return SqlStatement.of(text);
    }

    private static String stripTerminator(String sql) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
        }
        return trimmed;
    }
}
