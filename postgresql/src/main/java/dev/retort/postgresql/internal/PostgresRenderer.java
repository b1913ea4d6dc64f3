package dev.retort.postgresql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.DataType;
import dev.retort.operation.Identity;
import dev.retort.operation.Index;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationVisitor;
import dev.retort.postgresql.PostgreSQL;
import dev.retort.operation.Sequence;
import dev.retort.operation.SequenceOptions;
import dev.retort.platform.SqlDialect;
import dev.retort.platform.SqlStatement;

/** The SQL of each operation on PostgreSQL, written the way a person would write it. */
final class PostgresRenderer implements OperationVisitor<List<SqlStatement>> {

    /** Bind parameters per statement stay well below PostgreSQL's limit of 65,535. */
    private static final int MAX_PARAMETERS = 30_000;

    private final SqlDialect dialect;

    PostgresRenderer(SqlDialect dialect) {
        this.dialect = dialect;
    }

    List<SqlStatement> render(Operation operation) {
        return operation.accept(this);
    }

    @Override
    public List<SqlStatement> visit(Operation.ExecuteSql sql) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(new SqlStatement(stripTerminator(sql.sql()), sql.parameters()));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.RunJdbc operation) {
        return List.of(); // code, run online only
    }

    @Override
    public List<SqlStatement> visit(Operation.CreateTable t) {
        List<SqlStatement> out = new ArrayList<>();
        createTable(t, out);
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.DropTable t) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("DROP TABLE " + q(t.schema(), t.name())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameTable t) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("ALTER TABLE " + q(t.schema(), t.from()) + " RENAME TO " + id(t.to())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.SetTableComment c) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("COMMENT ON TABLE " + q(c.schema(), c.table()) + " IS " + dialect.literal(c.comment())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.AddColumn a) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("ALTER TABLE " + q(a.schema(), a.table()) + " ADD COLUMN " + column(a.column())));
        if (a.column().comment() != null) {
            out.add(columnComment(a.schema(), a.table(), a.column().name(), a.column().comment()));
        }
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.DropColumn d) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterTable(d.schema(), d.table()) + "DROP COLUMN " + id(d.name())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameColumn r) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterTable(r.schema(), r.table()) + "RENAME COLUMN " + id(r.from()) + " TO " + id(r.to())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.AlterColumnType a) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterColumn(a.schema(), a.table(), a.column()) + "TYPE " + type(a.type())
                + (a.using() == null ? "" : " USING " + a.using())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.SetNullable n) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterColumn(n.schema(), n.table(), n.column()) + (n.nullable() ? "DROP NOT NULL" : "SET NOT NULL")));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.SetDefault d) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterColumn(d.schema(), d.table(), d.column())
                + (d.defaultValue() == null ? "DROP DEFAULT" : "SET DEFAULT " + d.defaultValue())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.AddIdentity a) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterColumn(a.schema(), a.table(), a.column()) + "ADD " + identity(a.identity())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.DropIdentity d) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterColumn(d.schema(), d.table(), d.column()) + "DROP IDENTITY"));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.SetColumnComment c) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(columnComment(c.schema(), c.table(), c.column(), c.comment()));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.AddConstraint a) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterTable(a.schema(), a.table()) + "ADD " + constraint(a.constraint()) + (notValid(a.constraint()) ? " NOT VALID" : "")));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.DropConstraint d) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterTable(d.schema(), d.table()) + "DROP CONSTRAINT " + id(d.name())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.ValidateConstraint v) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterTable(v.schema(), v.table()) + "VALIDATE CONSTRAINT " + id(v.name())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameConstraint r) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(alterTable(r.schema(), r.table()) + "RENAME CONSTRAINT " + id(r.from()) + " TO " + id(r.to())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameIndex r) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("ALTER INDEX " + q(r.schema(), r.from()) + " RENAME TO " + id(r.to())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameSequence r) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("ALTER SEQUENCE " + q(r.schema(), r.from()) + " RENAME TO " + id(r.to())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.SyncSequence s) {
        // The sequence by name, or the identity's own: pg_get_serial_sequence takes the table as text to parse.
        String sequence = s.sequence() != null ? dialect.literal(q(s.schema(), s.sequence())) + "::regclass"
                : "pg_get_serial_sequence(" + dialect.literal(q(s.schema(), s.table())) + ", " + dialect.literal(s.column()) + ")::regclass";
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("SELECT setval(g.seq, GREATEST(COALESCE((SELECT max(" + id(s.column()) + ") FROM " + q(s.schema(), s.table())
                + "), 0) + p.seqincrement, p.seqmin), false) FROM (SELECT " + sequence + " AS seq) g JOIN pg_sequence p ON p.seqrelid = g.seq"));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.CreateIndex c) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(createIndex(c.index(), c.ifNotExists())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.DropIndex d) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("DROP INDEX " + (d.concurrently() ? "CONCURRENTLY " : "") + (d.ifExists() ? "IF EXISTS " : "") + q(d.schema(), d.name())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.CreateSequence c) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql(createSequence(c.sequence())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.AlterSequence a) {
        List<SqlStatement> out = new ArrayList<>();
        if (a.changes().isEmpty()) {
            throw new IllegalArgumentException("alterSequence " + a.name() + " changes nothing; give at least one option.");
        }
        out.add(sql("ALTER SEQUENCE " + q(a.schema(), a.name()) + sequenceOptions(a.changes())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.DropSequence d) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("DROP SEQUENCE " + q(d.schema(), d.name())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.CreateEnum e) {
        List<SqlStatement> out = new ArrayList<>();
        StringJoiner values = new StringJoiner(", ", "(", ")");
        e.values().forEach(v -> values.add(dialect.literal(v)));
        out.add(sql("CREATE TYPE " + q(e.schema(), e.name()) + " AS ENUM " + values));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.AddEnumValue a) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("ALTER TYPE " + q(a.schema(), a.name()) + " ADD VALUE " + (a.ifNotExists() ? "IF NOT EXISTS " : "")
                + dialect.literal(a.value()) + (a.before() != null ? " BEFORE " + dialect.literal(a.before()) : "")
                + (a.after() != null ? " AFTER " + dialect.literal(a.after()) : "")));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameEnumValue r) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("ALTER TYPE " + q(r.schema(), r.name()) + " RENAME VALUE " + dialect.literal(r.from()) + " TO " + dialect.literal(r.to())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.DropEnum d) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("DROP TYPE " + q(d.schema(), d.name())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.CreateSchema s) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("CREATE SCHEMA " + (s.ifNotExists() ? "IF NOT EXISTS " : "") + id(s.name())));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.DropSchema s) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(sql("DROP SCHEMA " + (s.ifExists() ? "IF EXISTS " : "") + id(s.name()) + (s.cascade() ? " CASCADE" : "")));
        return out;
    }

    @Override
    public List<SqlStatement> visit(Operation.Specific operation) {
        if (operation instanceof PostgreSQL.CreateExtension e) {
            return List.of(sql("CREATE EXTENSION " + (e.ifNotExists() ? "IF NOT EXISTS " : "") + id(e.name())
                    + (e.schema() == null ? "" : " SCHEMA " + id(e.schema()))));
        } else if (operation instanceof PostgreSQL.DropExtension e) {
            return List.of(sql("DROP EXTENSION " + (e.ifExists() ? "IF EXISTS " : "") + id(e.name())));
        } else if (operation instanceof PostgreSQL.CreateCompositeType c) {
            return List.of(sql("CREATE TYPE " + q(c.schema(), c.name()) + " AS (" + String.join(", ", c.attributes()) + ")"));
        } else if (operation instanceof PostgreSQL.DropCompositeType d) {
            return List.of(sql("DROP TYPE " + q(d.schema(), d.name())));
        } else if (operation instanceof PostgreSQL.AddAttribute a) {
            return List.of(sql("ALTER TYPE " + q(a.schema(), a.type()) + " ADD ATTRIBUTE " + a.attribute()));
        } else if (operation instanceof PostgreSQL.DropAttribute d) {
            return List.of(sql("ALTER TYPE " + q(d.schema(), d.type()) + " DROP ATTRIBUTE " + id(d.name())));
        } else if (operation instanceof PostgreSQL.AlterAttributeType a) {
            return List.of(sql("ALTER TYPE " + q(a.schema(), a.type()) + " ALTER ATTRIBUTE " + id(a.name()) + " TYPE " + a.newType()));
        }
        throw new IllegalArgumentException("'" + operation.describe() + "' is an operation of " + operation.platform()
                + ", which PostgreSQL cannot run; give the PostgreSQL form of this change in the migration.");
    }

    @Override
    public List<SqlStatement> visit(Operation.BulkInsert b) {
        List<SqlStatement> out = new ArrayList<>();
        bulkInsert(b, out);
        return out;
    }

    String type(DataType type) {
        if (type instanceof DataType.ArrayOf array) {
            return type(array.element()) + "[]";
        }
        if (type instanceof DataType.UserDefined user) {
            return q(user.schema(), user.name());
        }
        if (type instanceof DataType.Raw raw) {
            return raw.sql();
        }
        if (type instanceof DataType.Specific specific) {
            if (specific.platform().equals(PostgreSQL.PLATFORM)) {
                return specific.sql();
            }
            if (specific.portable() == null) {
                throw new IllegalArgumentException("Type " + specific.sql() + " is " + specific.platform() + "'s own and has no portable "
                        + "form PostgreSQL could use; give the column a type PostgreSQL has.");
            }
            return type(specific.portable());
        }
        DataType.Builtin b = (DataType.Builtin) type;
        String p = b.precision() == null ? "" : "(" + b.precision() + (b.scale() == null ? "" : ", " + b.scale()) + ")";
        return switch (b.kind()) {
            case BOOLEAN -> "boolean";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case NUMERIC -> "numeric" + p;
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case VARCHAR -> "varchar" + p;
            case TEXT -> "text";
            case CHAR -> "char" + p;
            case DATE -> "date";
            case TIME -> "time" + p;
            case TIME_TZ -> "time" + p + " with time zone";
            case TIMESTAMP -> "timestamp" + p;
            case TIMESTAMP_TZ -> "timestamp" + p + " with time zone";
            case INTERVAL -> "interval";
            case UUID -> "uuid";
            case BINARY -> "bytea";
            case JSON -> "json";
            case JSONB -> "jsonb";
        };
    }

    private void createTable(Operation.CreateTable t, List<SqlStatement> out) {
        List<String> lines = new ArrayList<>();
        t.columns().forEach(c -> lines.add(column(c)));
        t.constraints().forEach(c -> lines.add(constraint(c)));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("createTable " + t.name() + " needs at least one column.");
        }
        out.add(sql("CREATE TABLE " + q(t.schema(), t.name()) + " (\n    " + String.join(",\n    ", lines) + "\n)"));
        if (t.comment() != null) {
            out.add(sql("COMMENT ON TABLE " + q(t.schema(), t.name()) + " IS " + dialect.literal(t.comment())));
        }
        for (Column c : t.columns()) {
            if (c.comment() != null) {
                out.add(columnComment(t.schema(), t.name(), c.name(), c.comment()));
            }
        }
    }

    private String column(Column c) {
        StringBuilder out = new StringBuilder(id(c.name())).append(' ').append(type(c.type()));
        if (c.identityGeneration() != null) {
            out.append(' ').append(identity(c.identityGeneration()));
        }
        // A serial type is its sequence's default (PostgreSQL refuses a second one); the model carries it to compare.
        if (c.defaultValue() != null && !TypeNames.isSerial(c.type())) {
            out.append(" DEFAULT ").append(c.defaultValue());
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
            return prefix + "UNIQUE " + (u.index() == null ? columns(u.columns()) : "USING INDEX " + id(u.index()));
        }
        if (c instanceof Constraint.Check ck) {
            return prefix + "CHECK (" + ck.expression() + ")";
        }
        Constraint.ForeignKey fk = (Constraint.ForeignKey) c;
        StringBuilder out = new StringBuilder(prefix).append("FOREIGN KEY ").append(columns(fk.columns())).append(" REFERENCES ")
                .append(q(fk.referencedSchema(), fk.referencedTable())).append(' ').append(columns(fk.referencedColumns()));
        if (fk.onDelete() != Constraint.Action.NO_ACTION) {
            out.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != Constraint.Action.NO_ACTION) {
            out.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        if (fk.deferrable()) {
            out.append(fk.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
        }
        return out.toString();
    }

    private static boolean notValid(Constraint c) {
        return c instanceof Constraint.ForeignKey fk && fk.unvalidated() || c instanceof Constraint.Check ck && ck.unvalidated();
    }

    private String createIndex(Index index, boolean ifNotExists) {
        if (index.elements().isEmpty()) {
            throw new IllegalArgumentException("Index " + index.name() + " needs at least one column or expression.");
        }
        StringJoiner elements = new StringJoiner(", ", "(", ")");
        for (Index.Element e : index.elements()) {
            elements.add((e.expression() ? "(" + e.text() + ")" : id(e.text())) + (e.descending() ? " DESC" : ""));
        }
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + (index.concurrently() ? "CONCURRENTLY " : "")
                + (ifNotExists ? "IF NOT EXISTS " : "") + id(index.name()) + " ON " + q(index.schema(), index.table())
                + (index.method() == null ? "" : " USING " + index.method()) + " " + elements
                + (index.where() == null ? "" : " WHERE " + index.where());
    }

    private String createSequence(Sequence s) {
        String owner = "";
        if (s.ownedBy() != null) {
            int dot = s.ownedBy().lastIndexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("Sequence " + s.name() + " is owned by '" + s.ownedBy() + "'; expected table.column.");
            }
            owner = " OWNED BY " + q(s.schema(), s.ownedBy().substring(0, dot)) + "." + id(s.ownedBy().substring(dot + 1));
        }
        return "CREATE SEQUENCE " + q(s.schema(), s.name()) + sequenceOptions(s.options()) + owner;
    }

    private static String sequenceOptions(SequenceOptions o) {
        StringBuilder out = new StringBuilder();
        if (o.increment() != null) {
            out.append(" INCREMENT BY ").append(o.increment());
        }
        if (o.minValue() != null) {
            out.append(" MINVALUE ").append(o.minValue());
        }
        if (o.maxValue() != null) {
            out.append(" MAXVALUE ").append(o.maxValue());
        }
        if (o.start() != null) {
            out.append(" START WITH ").append(o.start());
        }
        if (o.cache() != null) {
            out.append(" CACHE ").append(o.cache());
        }
        if (o.cycle() != null) {
            out.append(o.cycle() ? " CYCLE" : " NO CYCLE");
        }
        return out.toString();
    }

    private void bulkInsert(Operation.BulkInsert b, List<SqlStatement> out) {
        String head = "INSERT INTO " + q(b.schema(), b.table()) + " " + columns(b.columns()) + " VALUES ";
        String row = "(" + "?, ".repeat(b.columns().size() - 1) + "?)";
        int perStatement = Math.max(1, MAX_PARAMETERS / b.columns().size());
        for (int from = 0; from < b.rows().size(); from += perStatement) {
            List<List<Object>> chunk = b.rows().subList(from, Math.min(b.rows().size(), from + perStatement));
            List<Object> parameters = new ArrayList<>();
            chunk.forEach(parameters::addAll);
            out.add(new SqlStatement(head + String.join(", ", java.util.Collections.nCopies(chunk.size(), row)), parameters));
        }
    }

    private SqlStatement columnComment(String schema, String table, String column, String comment) {
        return sql("COMMENT ON COLUMN " + q(schema, table) + "." + id(column) + " IS " + dialect.literal(comment));
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
