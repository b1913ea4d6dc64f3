package dev.retort.mysql.internal;

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
import dev.retort.operation.Sequence;
import dev.retort.operation.SequenceOptions;
import dev.retort.platform.SqlStatement;

/**
 * The SQL of each operation on MariaDB or MySQL. Where the server restates a whole column to change one thing of it
 * ({@code MODIFY}: its NULL-ness, type, comment, {@code AUTO_INCREMENT}), or needs an index's table the operation does
 * not carry, the statement is written by the server from its catalog as it runs ({@link ServerSide}), so nothing of the
 * column is lost.
 */
final class MySqlRenderer implements OperationVisitor<List<SqlStatement>> {

    /** Bind parameters per statement stay well below the protocol's limit of 65,535. */
    private static final int MAX_PARAMETERS = 30_000;
    /** An index element on the first characters of a column, as the catalog reads it back. */
    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("`(?:[^`]|``)+`\\(\\d+\\)");

    private final MySqlDialect dialect;
    private final Flavour flavour;
    private final MySqlTypes types;

    MySqlRenderer(MySqlDialect dialect, Flavour flavour, MySqlTypes types) {
        this.dialect = dialect;
        this.flavour = flavour;
        this.types = types;
    }

    List<SqlStatement> render(Operation operation) {
        return operation.accept(this);
    }

    // ---- tables ---------------------------------------------------------------------------------

    @Override
    public List<SqlStatement> visit(Operation.CreateTable t) {
        List<String> lines = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>(t.constraints());
        for (Column c : t.columns()) {
            Constraint.Check own = columnCheck(c.name(), constraints);
            constraints.remove(own);
            lines.add(column(c) + (own == null ? "" : " CHECK (" + own.expression() + ")"));
        }
        constraints.forEach(c -> lines.add(constraint(c)));
        if (t.columns().isEmpty()) {
            throw new IllegalArgumentException("createTable " + t.name() + " needs at least one column.");
        }
        StringBuilder options = new StringBuilder();
        for (Column c : t.columns()) {
            if (c.identityGeneration() != null && c.identityGeneration().start() != null) {
                options.append(" AUTO_INCREMENT = ").append(c.identityGeneration().start());
            }
        }
        if (t.comment() != null) {
            options.append(" COMMENT = ").append(dialect.literal(t.comment()));
        }
        return List.of(sql("CREATE TABLE " + q(t.schema(), t.name()) + " (\n    " + String.join(",\n    ", lines) + "\n)" + options));
    }

    @Override
    public List<SqlStatement> visit(Operation.DropTable t) {
        return List.of(sql("DROP TABLE " + q(t.schema(), t.name())));
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameTable t) {
        return List.of(sql("ALTER TABLE " + q(t.schema(), t.from()) + " RENAME TO " + q(t.schema(), t.to())));
    }

    @Override
    public List<SqlStatement> visit(Operation.SetTableComment c) {
        return List.of(sql("ALTER TABLE " + q(c.schema(), c.table()) + " COMMENT = " + dialect.literal(c.comment() == null ? "" : c.comment())));
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
        return List.of(sql(alterTable(r.schema(), r.table()) + "RENAME COLUMN " + id(r.from()) + " TO " + id(r.to())));
    }

    @Override
    public List<SqlStatement> visit(Operation.AlterColumnType a) {
        if (a.using() != null) {
            throw new IllegalArgumentException(flavour.product() + " converts a column's values itself and takes no conversion "
                    + "expression (USING " + a.using() + "); convert the values with an UPDATE into a new column, or leave the using out.");
        }
        return restate(a.schema(), a.table(), a.column(), new Restatement(types.render(a.type()), null, null, null));
    }

    @Override
    public List<SqlStatement> visit(Operation.SetNullable n) {
        return restate(n.schema(), n.table(), n.column(), new Restatement(null, n.nullable(), null, null));
    }

    @Override
    public List<SqlStatement> visit(Operation.SetDefault d) {
        return List.of(sql(alterTable(d.schema(), d.table()) + "ALTER COLUMN " + id(d.column())
                + (d.defaultValue() == null ? " DROP DEFAULT" : " SET DEFAULT " + defaultExpression(d.defaultValue()))));
    }

    @Override
    public List<SqlStatement> visit(Operation.AddIdentity a) {
        identityOptions(a.table(), a.identity());
        return restate(a.schema(), a.table(), a.column(), new Restatement(null, false, null, true));
    }

    @Override
    public List<SqlStatement> visit(Operation.DropIdentity d) {
        return restate(d.schema(), d.table(), d.column(), new Restatement(null, null, null, false));
    }

    @Override
    public List<SqlStatement> visit(Operation.SetColumnComment c) {
        return restate(c.schema(), c.table(), c.column(), new Restatement(null, null, c.comment() == null ? "" : c.comment(), null));
    }

    // ---- constraints ----------------------------------------------------------------------------

    @Override
    public List<SqlStatement> visit(Operation.AddConstraint a) {
        if (a.constraint() instanceof Constraint.Unique u && u.index() != null) {
            // The server cannot adopt an index: the unique index built beforehand becomes the constraint by taking its name.
            return List.of(sql(alterTable(a.schema(), a.table()) + "RENAME INDEX " + id(u.index()) + " TO " + id(u.name())));
        }
        String add = alterTable(a.schema(), a.table()) + "ADD " + constraint(a.constraint());
        if (a.constraint() instanceof Constraint.Check check && columnCheck(check)) {
            // Declared with its column, as Hibernate declares an enum's or a @Check's: the column restated with it.
            return restate(a.schema(), a.table(), check.name(), new Restatement(null, null, null, null, check.expression()), add);
        }
        return List.of(sql(add));
    }

    /**
     * The check of {@code constraints} MariaDB declares with the column: one named after it, as MariaDB names a check
     * declared with its column (Hibernate's checks of enums and of {@code @Check} on a field); MySQL names every check
     * after its table, so it keeps them all with the table.
     */
    private Constraint.Check columnCheck(String column, List<Constraint> constraints) {
        for (Constraint c : constraints) {
            if (c instanceof Constraint.Check check && check.name() != null && check.name().equals(column) && columnCheck(check)) {
                return check;
            }
        }
        return null;
    }

    private boolean columnCheck(Constraint.Check check) {
        return flavour.mariaDb() && check.name() != null && !check.unvalidated();
    }

    @Override
    public List<SqlStatement> visit(Operation.DropConstraint d) {
        String prefix = alterTable(d.schema(), d.table());
        Constraint definition = d.definition();
        if (definition instanceof Constraint.PrimaryKey || definition == null && "PRIMARY".equalsIgnoreCase(d.name())) {
            return List.of(sql(prefix + "DROP PRIMARY KEY"));
        }
        if (definition instanceof Constraint.ForeignKey) {
            List<SqlStatement> out = new ArrayList<>(List.of(sql(prefix + "DROP FOREIGN KEY " + id(d.name()))));
            out.addAll(dropForeignKeyIndex(d, ""));
            return out;
        }
        if (definition == null) {
            // A constraint named alone (as generate writes a drop): whether it is a foreign key is asked before it goes.
            List<SqlStatement> out = new ArrayList<>();
            out.add(sql("SET @retort_fk = (SELECT COUNT(*) FROM information_schema.referential_constraints WHERE constraint_schema = "
                    + schema(d.schema()) + " AND table_name = " + str(d.table()) + " AND constraint_name = " + str(d.name()) + ")"));
            out.addAll(flavour.mariaDb() ? dropCheckOrConstraint(d) : List.of(sql(prefix + "DROP CONSTRAINT " + id(d.name()))));
            out.addAll(dropForeignKeyIndex(d, " AND @retort_fk > 0"));
            return out;
        }
        if (definition instanceof Constraint.Check && flavour.mariaDb()) {
            return dropCheckOrConstraint(d);
        }
        if (definition instanceof Constraint.Unique) {
            return List.of(sql(prefix + "DROP INDEX " + id(d.name())));
        }
        if (definition instanceof Constraint.Check && !flavour.mariaDb()) {
            return List.of(sql(prefix + "DROP CHECK " + id(d.name())));
        }
        return List.of(sql(prefix + "DROP CONSTRAINT " + id(d.name())));
    }

    /**
     * MariaDB drops a check declared with its column only by restating the column without it ({@code DROP CONSTRAINT}
     * does not find it); any other constraint is dropped by name.
     */
    private List<SqlStatement> dropCheckOrConstraint(Operation.DropConstraint d) {
        String drop = alterTable(d.schema(), d.table()) + "DROP CONSTRAINT " + id(d.name());
        List<String> column = new ArrayList<>(List.of(str(alterTable(d.schema(), d.table()) + "MODIFY COLUMN " + id(d.name()) + " ")));
        column.addAll(restated(new Restatement(null, null, null, null), "c."));
        String query = "SELECT concat(" + String.join(", ", column) + ") FROM information_schema.check_constraints cc "
                + "JOIN information_schema.columns c ON c.table_schema = cc.constraint_schema AND c.table_name = cc.table_name "
                + "AND c.column_name = cc.constraint_name WHERE cc.constraint_schema = " + schema(d.schema()) + " AND cc.table_name = "
                + str(d.table()) + " AND cc.constraint_name = " + str(d.name()) + " AND cc.level = 'Column' "
                + "AND COALESCE(c.generation_expression, '') = ''";
        return ServerSide.run(query, drop);
    }

    /**
     * The index InnoDB made for a dropped foreign key, named after it, dropped with it (the catalog reader counts it part of
     * the key, and a fresh create of the table has none), unless another foreign key of the table leans on it.
     */
    private List<SqlStatement> dropForeignKeyIndex(Operation.DropConstraint d, String condition) {
        String prefix = alterTable(d.schema(), d.table());
        String where = "table_schema = " + schema(d.schema()) + " AND table_name = " + str(d.table());
        return ServerSide.run("SELECT " + str(prefix + "DROP INDEX " + id(d.name())) + " FROM information_schema.statistics s WHERE "
                + where + " AND index_name = " + str(d.name()) + " AND non_unique = 1 AND seq_in_index = 1" + condition + " AND NOT EXISTS "
                + "(SELECT 1 FROM information_schema.key_column_usage k WHERE k." + where.replace(" AND table_name", " AND k.table_name")
                + " AND k.referenced_table_name IS NOT NULL AND k.constraint_name <> " + str(d.name())
                + " AND k.ordinal_position = 1 AND k.column_name = s.column_name) LIMIT 1", ServerSide.nothing());
    }

    /** Nothing to do: the server checks every row when a constraint is added, so none is ever left unvalidated. */
    @Override
    public List<SqlStatement> visit(Operation.ValidateConstraint v) {
        return List.of();
    }

    /**
     * A unique constraint is an index and is renamed as one. The server cannot rename a foreign key or a check: it is
     * dropped and added again under the new name in one statement, its definition read from the catalog as it runs (a
     * foreign key keeps its index, renamed with it; on MariaDB a check named after a column is declared with it again).
     */
    @Override
    public List<SqlStatement> visit(Operation.RenameConstraint r) {
        String t = alterTable(r.schema(), r.table());
        String keyColumns = "(SELECT group_concat(concat('`', replace(k.%s, '`', '``'), '`') ORDER BY k.ordinal_position SEPARATOR ', ') "
                + "FROM information_schema.key_column_usage k WHERE k.constraint_schema = tc.constraint_schema AND k.table_name = tc.table_name "
                + "AND k.constraint_name = tc.constraint_name)";
        String referenced = "(SELECT concat(IF(k.referenced_table_schema = tc.constraint_schema, '', concat('`', replace(k.referenced_table_schema, "
                + "'`', '``'), '`.')), '`', replace(k.referenced_table_name, '`', '``'), '`') FROM information_schema.key_column_usage k WHERE "
                + "k.constraint_schema = tc.constraint_schema AND k.table_name = tc.table_name AND k.constraint_name = tc.constraint_name LIMIT 1)";
        String renameIndex = "IF(EXISTS (SELECT 1 FROM information_schema.statistics s WHERE s.table_schema = tc.constraint_schema AND s.table_name = "
                + "tc.table_name AND s.index_name = tc.constraint_name), " + str(", RENAME INDEX " + id(r.from()) + " TO " + id(r.to())) + ", '')";
        String foreignKey = "concat(" + str(t + "DROP FOREIGN KEY " + id(r.from())) + ", " + renameIndex + ", " + str(", ADD CONSTRAINT "
                + id(r.to()) + " FOREIGN KEY (") + ", " + keyColumns.formatted("column_name") + ", ') REFERENCES ', " + referenced + ", ' (', "
                + keyColumns.formatted("referenced_column_name") + ", ') ON DELETE ', rc.delete_rule, ' ON UPDATE ', rc.update_rule)";
        String dropCheck = t + (flavour.mariaDb() ? "DROP CONSTRAINT " : "DROP CHECK ") + id(r.from());
        String check = "concat(" + str(dropCheck + ", ADD CONSTRAINT " + id(r.to()) + " CHECK (") + ", cc.check_clause, ')')";
        String columnJoin = "";
        if (flavour.mariaDb()) {
            // A check declared with its column goes by restating that column without it; the new one is declared with the
            // column of its name where there is one (as MariaDB names such checks), else with the table.
            List<String> drop = new ArrayList<>(List.of(str("MODIFY COLUMN " + id(r.from()) + " ")));
            drop.addAll(restated(new Restatement(null, null, null, null), "f."));
            List<String> add = new ArrayList<>(List.of(str("MODIFY COLUMN " + id(r.to()) + " ")));
            add.addAll(restated(new Restatement(null, null, null, null), "c."));
            add.addAll(List.of("' CHECK ('", "cc.check_clause", "')'"));
            check = "concat(" + str(t) + ", IF(cc.level = 'Column' AND f.column_name IS NOT NULL, concat(" + String.join(", ", drop) + "), "
                    + str("DROP CONSTRAINT " + id(r.from())) + "), ', ', IF(c.column_name IS NULL OR COALESCE(c.generation_expression, '') <> '', "
                    + "concat(" + str("ADD CONSTRAINT " + id(r.to()) + " CHECK (") + ", cc.check_clause, ')'), concat(" + String.join(", ", add)
                    + ")))";
            columnJoin = "LEFT JOIN information_schema.columns c ON c.table_schema = tc.constraint_schema AND c.table_name = tc.table_name "
                    + "AND c.column_name = " + str(r.to()) + " LEFT JOIN information_schema.columns f ON f.table_schema = tc.constraint_schema "
                    + "AND f.table_name = tc.table_name AND f.column_name = " + str(r.from()) + " ";
        }
        String query = "SELECT CASE tc.constraint_type WHEN 'UNIQUE' THEN " + str(t + "RENAME INDEX " + id(r.from()) + " TO " + id(r.to()))
                + " WHEN 'FOREIGN KEY' THEN " + foreignKey + " WHEN 'CHECK' THEN " + check + " ELSE "
                + str(ServerSide.fail("HY000", flavour.product() + " cannot rename constraint " + r.from() + " of table " + r.table()
                + "; drop it and add it under the name " + r.to() + ".")) + " END FROM information_schema.table_constraints tc "
                + "LEFT JOIN information_schema.check_constraints cc ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = "
                + "tc.constraint_name " + (flavour.mariaDb() ? "AND cc.table_name = tc.table_name " : "")
                + "LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_schema = tc.constraint_schema AND rc.table_name = "
                + "tc.table_name AND rc.constraint_name = tc.constraint_name " + columnJoin
                + "WHERE tc.constraint_schema = " + schema(r.schema()) + " AND tc.table_name = " + str(r.table()) + " AND tc.constraint_name = "
                + str(r.from());
        // Already renamed (a check that followed its column's rename): nothing left to do.
        String renamed = "SELECT " + str(ServerSide.nothing()) + " FROM information_schema.table_constraints WHERE constraint_schema = "
                + schema(r.schema()) + " AND table_name = " + str(r.table()) + " AND constraint_name = " + str(r.to()) + " LIMIT 1";
        return ServerSide.run("SELECT COALESCE((" + query + "), (" + renamed + "))", ServerSide.fail("42000", "Table " + r.table()
                + " has no constraint " + r.from() + "."));
    }

    // ---- indexes --------------------------------------------------------------------------------

    @Override
    public List<SqlStatement> visit(Operation.CreateIndex c) {
        String create = createIndex(c.index(), c.ifNotExists() && flavour.mariaDb());
        if (c.ifNotExists() && !flavour.mariaDb()) {
            // MySQL has no CREATE INDEX IF NOT EXISTS: the catalog says whether it is there.
            return ServerSide.run("SELECT " + str(ServerSide.nothing()) + " FROM information_schema.statistics WHERE table_schema = "
                    + schema(c.index().schema()) + " AND table_name = " + str(c.index().table()) + " AND index_name = " + str(c.index().name())
                    + " LIMIT 1", create);
        }
        return List.of(sql(create));
    }

    @Override
    public List<SqlStatement> visit(Operation.DropIndex d) {
        String online = d.concurrently() ? " ALGORITHM=INPLACE LOCK=NONE" : "";
        if (d.definition() != null && (!d.ifExists() || flavour.mariaDb())) {
            return List.of(sql("DROP INDEX " + (d.ifExists() ? "IF EXISTS " : "") + id(d.name()) + " ON " + q(d.schema(), d.definition().table())
                    + online));
        }
        // The operation does not name the table: the index is found by its name (the one index of that name in the database).
        String query = "SELECT concat(" + str("DROP INDEX " + id(d.name()) + " ON ") + ", " + tableExpression(d.schema())
                + ", " + str(online) + ") FROM information_schema.statistics WHERE table_schema = " + schema(d.schema())
                + " AND index_name = " + str(d.name()) + " LIMIT 1";
        return ServerSide.run(query, d.ifExists() ? ServerSide.nothing()
                : ServerSide.fail("42000", "There is no index " + d.name() + " to drop."));
    }

    @Override
    public List<SqlStatement> visit(Operation.RenameIndex r) {
        String query = "SELECT concat('ALTER TABLE ', " + tableExpression(r.schema()) + ", "
                + str(" RENAME INDEX " + id(r.from()) + " TO " + id(r.to())) + ") FROM information_schema.statistics WHERE table_schema = "
                + schema(r.schema()) + " AND index_name = " + str(r.from()) + " LIMIT 1";
        return ServerSide.run(query, ServerSide.fail("42000", "There is no index " + r.from() + " to rename."));
    }

    // ---- sequences ------------------------------------------------------------------------------

    @Override
    public List<SqlStatement> visit(Operation.CreateSequence c) {
        requireSequences("createSequence " + c.sequence().name());
        Sequence s = c.sequence();
        // Without a cache size, none: Hibernate's MariaDB dialect creates its sequences NOCACHE.
        String cache = s.options().cache() == null ? " NOCACHE" : "";
        return List.of(sql("CREATE SEQUENCE " + q(s.schema(), s.name()) + sequenceOptions(s.options()) + cache));
    }

    @Override
    public List<SqlStatement> visit(Operation.AlterSequence a) {
        requireSequences("alterSequence " + a.name());
        if (a.changes().isEmpty()) {
            throw new IllegalArgumentException("alterSequence " + a.name() + " changes nothing; give at least one option.");
        }
        return List.of(sql("ALTER SEQUENCE " + q(a.schema(), a.name()) + sequenceOptions(a.changes()).replace(" START WITH ", " RESTART WITH ")));
    }

    @Override
    public List<SqlStatement> visit(Operation.DropSequence d) {
        requireSequences("dropSequence " + d.name());
        return List.of(sql("DROP SEQUENCE " + q(d.schema(), d.name())));
    }

    /** A sequence is a table to MariaDB, renamed as one. */
    @Override
    public List<SqlStatement> visit(Operation.RenameSequence r) {
        requireSequences("renameSequence " + r.from());
        return List.of(sql("RENAME TABLE " + q(r.schema(), r.from()) + " TO " + q(r.schema(), r.to())));
    }

    /**
     * A named sequence moves past the column's values with {@code SETVAL}; an {@code AUTO_INCREMENT} column needs nothing
     * but a nudge: InnoDB sets a counter asked to go below the column's largest value to just past it.
     */
    @Override
    public List<SqlStatement> visit(Operation.SyncSequence s) {
        if (s.sequence() == null) {
            return List.of(sql(alterTable(s.schema(), s.table()) + "AUTO_INCREMENT = 1"));
        }
        requireSequences("syncSequence " + s.sequence());
        String sequence = q(s.schema(), s.sequence());
        String query = "SELECT concat(" + str("SELECT SETVAL(" + sequence + ", ") + ", GREATEST(COALESCE((SELECT MAX(" + id(s.column())
                + ") FROM " + q(s.schema(), s.table()) + "), 0) + increment, minimum_value), ', 0)') FROM " + sequence;
        return ServerSide.run(query, ServerSide.fail("42000", "There is no sequence " + s.sequence() + "."));
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

    /** A schema is a database here. */
    @Override
    public List<SqlStatement> visit(Operation.CreateSchema s) {
        return List.of(sql("CREATE DATABASE " + (s.ifNotExists() ? "IF NOT EXISTS " : "") + id(s.name())));
    }

    /** Dropping a database drops what it holds; without {@code cascade} only an empty one is dropped, as elsewhere. */
    @Override
    public List<SqlStatement> visit(Operation.DropSchema s) {
        String drop = "DROP DATABASE " + (s.ifExists() ? "IF EXISTS " : "") + id(s.name());
        if (s.cascade()) {
            return List.of(sql(drop));
        }
        String query = "SELECT IF(COUNT(*) = 0, " + str(drop) + ", " + str(ServerSide.fail("HY000", "Database " + s.name()
                + " is not empty; drop its objects first, or drop it with dropSchemaCascade.")) + ") FROM information_schema.tables "
                + "WHERE table_schema = " + str(s.name());
        return ServerSide.run(query, drop);
    }

    @Override
    public List<SqlStatement> visit(Operation.Specific operation) {
        throw new IllegalArgumentException("'" + operation.describe() + "' is an operation of " + operation.platform() + ", which "
                + flavour.product() + " cannot run; give the " + flavour.product() + " form of this change in the migration.");
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
        out.append(c.acceptsNull() ? "" : " NOT NULL");
        if (c.defaultValue() != null) {
            out.append(" DEFAULT ").append(defaultExpression(c.defaultValue()));
        }
        if (c.identityGeneration() != null) {
            identityOptions(c.name(), c.identityGeneration());
            out.append(" AUTO_INCREMENT");
        }
        if (c.comment() != null) {
            out.append(" COMMENT ").append(dialect.literal(c.comment()));
        }
        return out.toString();
    }

    /** AUTO_INCREMENT counts in steps the server sets for all tables at once (auto_increment_increment). */
    private void identityOptions(String what, Identity identity) {
        if (identity.increment() != null && identity.increment() != 1) {
            throw new IllegalArgumentException(flavour.product() + " counts AUTO_INCREMENT columns in steps of the server's "
                    + "auto_increment_increment, not per column (" + what + " asks for " + identity.increment() + "); leave the increment out.");
        }
    }

    /**
     * A default as the server takes it: a literal (a number, a string, NULL, TRUE, a bit or hex value) or
     * {@code CURRENT_TIMESTAMP} as it is, any other expression in parentheses (MySQL 8.0.13 and MariaDB 10.2 read those).
     */
    static String defaultExpression(String expression) {
        String e = expression.strip();
        if (e.matches("(?is)-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|'(?:[^'\\\\]|''|\\\\.)*'|null|true|false|[bx]'[0-9a-f]*'|0x[0-9a-f]+")
                || e.matches("(?is)(current_timestamp|now|localtimestamp|localtime)(\\s*\\(\\s*\\d*\\s*\\))?") || e.startsWith("(") && e.endsWith(")")) {
            return e;
        }
        return "(" + e + ")";
    }

    private String constraint(Constraint c) {
        String prefix = c.name() == null ? "" : "CONSTRAINT " + id(c.name()) + " ";
        if (c instanceof Constraint.PrimaryKey pk) {
            return "PRIMARY KEY " + columns(pk.columns()); // always named PRIMARY
        }
        if (c instanceof Constraint.Unique u) {
            return prefix + "UNIQUE " + columns(u.columns());
        }
        if (c instanceof Constraint.Check ck) {
            return prefix + "CHECK (" + ck.expression() + ")";
        }
        Constraint.ForeignKey fk = (Constraint.ForeignKey) c;
        if (fk.deferrable()) {
            throw new IllegalArgumentException(flavour.product() + " checks foreign keys at once and cannot defer " + (fk.name() == null
                    ? "a foreign key" : fk.name()) + "; leave deferrable out.");
        }
        StringBuilder out = new StringBuilder(prefix).append("FOREIGN KEY ").append(columns(fk.columns())).append(" REFERENCES ")
                .append(q(fk.referencedSchema(), fk.referencedTable())).append(' ').append(columns(fk.referencedColumns()));
        if (fk.onDelete() != Constraint.Action.NO_ACTION) {
            out.append(" ON DELETE ").append(action(fk.onDelete(), fk));
        }
        if (fk.onUpdate() != Constraint.Action.NO_ACTION) {
            out.append(" ON UPDATE ").append(action(fk.onUpdate(), fk));
        }
        return out.toString();
    }

    private String action(Constraint.Action action, Constraint.ForeignKey fk) {
        if (action == Constraint.Action.SET_DEFAULT) {
            throw new IllegalArgumentException("InnoDB refuses SET DEFAULT as a foreign key's action (" + fk.name() + "); use SET NULL, "
                    + "CASCADE or RESTRICT.");
        }
        return action.sql();
    }

    private String createIndex(Index index, boolean ifNotExists) {
        if (index.elements().isEmpty()) {
            throw new IllegalArgumentException("Index " + index.name() + " needs at least one column or expression.");
        }
        if (index.where() != null) {
            throw new IllegalArgumentException(flavour.product() + " has no partial indexes (index " + index.name() + " WHERE "
                    + index.where() + "); index the whole column, or a generated column that is NULL where the predicate is false.");
        }
        String kind = "";
        String using = "";
        if (index.method() != null) {
            switch (index.method()) {
                case "btree" -> using = " USING BTREE";
                case "hash" -> using = " USING HASH";
                case "fulltext" -> kind = "FULLTEXT ";
                case "spatial" -> kind = "SPATIAL ";
                default -> throw new IllegalArgumentException(flavour.product() + " has no " + index.method() + " indexes (index "
                        + index.name() + "); use btree, hash, fulltext or spatial.");
            }
        }
        StringJoiner elements = new StringJoiner(", ", "(", ")");
        for (Index.Element e : index.elements()) {
            if (e.expression() && PREFIX.matcher(e.text()).matches()) {
                elements.add(e.text() + (e.descending() ? " DESC" : "")); // a column's first characters: `name`(10)
                continue;
            }
            if (e.expression() && flavour.mariaDb()) {
                throw new IllegalArgumentException("MariaDB cannot index an expression (" + e.text() + " in index " + index.name()
                        + "); index a generated column that holds it.");
            }
            elements.add((e.expression() ? "(" + e.text() + ")" : id(e.text())) + (e.descending() ? " DESC" : ""));
        }
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + kind + "INDEX " + (ifNotExists ? "IF NOT EXISTS " : "") + id(index.name())
                + " ON " + q(index.schema(), index.table()) + " " + elements + using
                + (index.concurrently() ? " ALGORITHM=INPLACE LOCK=NONE" : "");
    }

    private String sequenceOptions(SequenceOptions o) {
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
            out.append(o.cache() <= 1 ? " NOCACHE" : " CACHE " + o.cache());
        }
        if (o.cycle() != null) {
            out.append(o.cycle() ? " CYCLE" : " NOCYCLE");
        }
        return out.toString();
    }

    private void requireSequences(String what) {
        if (!flavour.mariaDb()) {
            throw new IllegalArgumentException("MySQL has no sequences (" + what + "); number rows with an AUTO_INCREMENT column "
                    + "(an identity), as Hibernate does on MySQL.");
        }
    }

    private IllegalArgumentException noEnumTypes(String name) {
        return new IllegalArgumentException(flavour.product() + " has no enum types (" + name + "): an enum is a column type of its own "
                + "there, MySql.enumOf(\"A\", \"B\") (ENUM('A','B')); give the column that type.");
    }

    /** What of a column a {@code MODIFY} changes; a null part keeps what the column has. */
    private record Restatement(String type, Boolean nullable, String comment, Boolean autoIncrement, String check) {

        Restatement(String type, Boolean nullable, String comment, Boolean autoIncrement) {
            this(type, nullable, comment, autoIncrement, null);
        }
    }

    /**
     * {@code ALTER TABLE … MODIFY COLUMN} with the whole column restated from the catalog, the part that changes
     * replaced: type (with its character set and collation), NULL-ness, default, {@code AUTO_INCREMENT},
     * {@code ON UPDATE} and comment.
     */
    private List<SqlStatement> restate(String schema, String table, String column, Restatement change) {
        return restate(schema, table, column, change, ServerSide.fail("42S22", "Table " + table + " has no column " + column + "."));
    }

    /** As {@link #restate(String, String, String, Restatement)}, running {@code missing} where the table has no such column. */
    private List<SqlStatement> restate(String schema, String table, String column, Restatement change, String missing) {
        List<String> parts = new ArrayList<>();
        parts.add(str(alterTable(schema, table) + "MODIFY COLUMN " + id(column) + " "));
        parts.addAll(restated(change, ""));
        String query = "SELECT IF(COALESCE(generation_expression, '') <> '', " + str(ServerSide.fail("HY000", "Column " + column + " of "
                + table + " is generated; change it with its generation expression, in an ALTER TABLE of your own.")) + ", concat("
                + String.join(", ", parts) + ")) FROM information_schema.columns WHERE table_schema = " + schema(schema)
                + " AND table_name = " + str(table) + " AND column_name = " + str(column);
        return ServerSide.run(query, missing);
    }

    /**
     * The SQL expressions that write a column's definition from its {@code information_schema.columns} row (the row's
     * columns prefixed with {@code c}), what {@code change} says replaced.
     */
    private List<String> restated(Restatement change, String c) {
        List<String> parts = new ArrayList<>();
        if (change.type() != null) {
            parts.add(str(change.type()));
        } else {
            parts.add(c + "column_type");
            parts.add("IF(" + c + "collation_name IS NULL, '', concat(' CHARACTER SET ', " + c + "character_set_name, ' COLLATE ', " + c
                    + "collation_name))");
        }
        parts.add(change.nullable() == null ? "IF(" + c + "is_nullable = 'YES', ' NULL', ' NOT NULL')"
                : str(change.nullable() ? " NULL" : " NOT NULL"));
        String keptDefault = flavour.mariaDb()
                ? "IF(" + c + "column_default IS NULL OR " + c + "column_default = 'NULL', '', concat(' DEFAULT ', " + c + "column_default))"
                : "IF(" + c + "column_default IS NULL, '', IF(" + c + "extra LIKE '%DEFAULT_GENERATED%', IF(" + c + "column_default LIKE "
                + "'CURRENT\\_TIMESTAMP%', concat(' DEFAULT ', " + c + "column_default), concat(' DEFAULT (', " + c + "column_default, ')')), "
                + "concat(' DEFAULT ', quote(" + c + "column_default))))";
        if (!Boolean.TRUE.equals(change.autoIncrement())) {
            parts.add(keptDefault);
        }
        parts.add(change.autoIncrement() == null ? "IF(" + c + "extra LIKE '%auto_increment%', ' AUTO_INCREMENT', '')"
                : str(change.autoIncrement() ? " AUTO_INCREMENT" : ""));
        parts.add("IF(" + c + "extra LIKE '%on update%', concat(' ', substring(" + c + "extra, locate('on update', " + c + "extra))), '')");
        parts.add(change.comment() == null ? "IF(" + c + "column_comment = '', '', concat(' COMMENT ', quote(" + c + "column_comment)))"
                : str(change.comment().isEmpty() ? "" : " COMMENT " + dialect.literal(change.comment())));
        if (change.check() != null) {
            parts.add(str(" CHECK (" + change.check() + ")"));
        }
        return parts;
    }

    /** The schema for a catalog query: the named database, or the connection's. */
    private String schema(String schema) {
        return schema == null || schema.isEmpty() ? "database()" : str(schema);
    }

    /** The catalog row's table, quoted as the statement the server writes needs it. */
    private String tableExpression(String schema) {
        return (schema == null || schema.isEmpty() ? "" : str(id(schema) + ".") + ", ") + "concat('`', replace(table_name, '`', '``'), '`')";
    }

    private String str(String text) {
        return MySqlDialect.quote(text);
    }

    private String alterTable(String schema, String table) {
        return "ALTER TABLE " + q(schema, table) + " ";
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
