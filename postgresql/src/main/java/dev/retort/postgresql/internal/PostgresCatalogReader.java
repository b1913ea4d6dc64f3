package dev.retort.postgresql.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.DataType;
import dev.retort.operation.Identity;
import dev.retort.operation.Index;
import dev.retort.operation.Sequence;
import dev.retort.operation.SequenceOptions;
import dev.retort.platform.CatalogReader;
import dev.retort.schema.CompositeType;
import dev.retort.schema.EnumType;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/**
 * Reads a live PostgreSQL schema into a {@link SchemaModel} with a fixed number of catalog queries
 * (eight), however many tables there are: one per kind of object, for all tables at once, rather
 * than a JDBC metadata round trip per table.
 */
final class PostgresCatalogReader implements CatalogReader {

    private final Predicate<String> tableFilter;

    /**
     * An introspector that skips tables the filter rejects (Retort's own tables, by default).
     *
     * @param tableFilter accepts the names of tables to read
     */
    PostgresCatalogReader(Predicate<String> tableFilter) {
        this.tableFilter = tableFilter;
    }

    private static final class TableBuilder {
        final String schema;
        final String name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        Constraint.PrimaryKey primaryKey;
        final List<Constraint.ForeignKey> foreignKeys = new ArrayList<>();
        final List<Constraint.Unique> uniques = new ArrayList<>();
        final List<Constraint.Check> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();

        TableBuilder(String schema, String name, String comment) {
            this.schema = schema;
            this.name = name;
            this.comment = comment;
        }

        Table build() {
            return new Table(schema, name, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment);
        }
    }

    /** Reads the given schemas (only those that exist end up in the model's schema set). */
    @Override
    public SchemaModel read(Connection connection, Set<String> schemas) throws SQLException {
        Array schemaArray = connection.createArrayOf("text", schemas.toArray());
        Set<String> existing = new TreeSet<>();
        query(connection, "SELECT nspname FROM pg_namespace WHERE nspname = ANY (?)", schemaArray, rs -> existing.add(rs.getString(1)));
        Map<Long, TableBuilder> tables = readTables(connection, schemaArray);
        readColumns(connection, schemaArray, tables);
        readConstraints(connection, schemaArray, tables);
        readIndexes(connection, schemaArray, tables);
        List<Sequence> sequences = readSequences(connection, schemaArray);
        List<EnumType> enums = readEnums(connection, schemaArray);
        List<CompositeType> composites = readComposites(connection, schemaArray);
        return new SchemaModel(existing, tables.values().stream().map(TableBuilder::build).toList(), sequences, enums, composites, List.of());
    }

    @Override
    public Set<String> userSchemas(Connection connection) throws SQLException {
        Set<String> schemas = new TreeSet<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    /** Receives one result row. */
    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a catalog query whose only parameter is the schema list, handing over each row. */
    private static void query(Connection c, String sql, Array schemas, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, schemas);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private Map<Long, TableBuilder> readTables(Connection c, Array schemas) throws SQLException {
        Map<Long, TableBuilder> tables = new LinkedHashMap<>();
        String sql = """
                SELECT c.oid, n.nspname, c.relname, obj_description(c.oid, 'pg_class')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
                ORDER BY n.nspname, c.relname""";
        query(c, sql, schemas, rs -> {
            if (tableFilter.test(rs.getString(3))) {
                tables.put(rs.getLong(1), new TableBuilder(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        });
        return tables;
    }

    private static void readColumns(Connection c, Array schemas, Map<Long, TableBuilder> tables) throws SQLException {
        String sql = """
                SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(a.attrelid, a.attnum),
                       et.typtype, etn.nspname, et.typname, t.typcategory = 'A'
                FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_type t ON t.oid = a.atttypid
                JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
                JOIN pg_namespace etn ON etn.oid = et.typnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY (?)
                ORDER BY a.attrelid, a.attnum""";
        query(c, sql, schemas, rs -> {
            TableBuilder table = tables.get(rs.getLong(1));
            if (table == null) {
                return;
            }
            DataType type = type(rs, 3, 8);
            String identity = rs.getString(6);
            Identity generation = switch (identity == null ? "" : identity) {
                case "a" -> Identity.generatedAlways();
                case "d" -> Identity.generatedByDefault();
                default -> null;
            };
            table.columns.add(new Column(rs.getString(2), type, !rs.getBoolean(4), rs.getString(5), generation, rs.getString(7)));
        });
    }

    private static void readConstraints(Connection c, Array schemas, Map<Long, TableBuilder> tables) throws SQLException {
        String sql = """
                SELECT k.conrelid, k.conname, k.contype,
                       (SELECT array_agg(a.attname ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum),
                       rn.nspname, rc.relname,
                       (SELECT array_agg(a.attname ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum),
                       k.confdeltype, k.confupdtype, k.condeferrable, k.condeferred, k.convalidated,
                       pg_get_expr(k.conbin, k.conrelid)
                FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_class rc ON rc.oid = k.confrelid
                LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
                WHERE k.contype IN ('p', 'f', 'u', 'c') AND n.nspname = ANY (?)
                ORDER BY k.conrelid, k.conname""";
        query(c, sql, schemas, rs -> {
            TableBuilder table = tables.get(rs.getLong(1));
            if (table == null) {
                return;
            }
            String name = rs.getString(2);
            List<String> columns = strings(rs.getArray(4));
            switch (rs.getString(3)) {
                case "p" -> table.primaryKey = new Constraint.PrimaryKey(name, columns);
                case "u" -> table.uniques.add(new Constraint.Unique(name, columns));
                // Written back the way a person writes it, so a downgrade that re-adds the check reads well.
                case "c" -> table.checks.add(new Constraint.Check(name, PostgresExpressions.readable(rs.getString(13)), !rs.getBoolean(12)));
                case "f" -> table.foreignKeys.add(new Constraint.ForeignKey(name, columns, rs.getString(5), rs.getString(6),
                        strings(rs.getArray(7)), action(rs.getString(8)), action(rs.getString(9)), rs.getBoolean(10),
                        rs.getBoolean(11), !rs.getBoolean(12)));
                default -> throw new IllegalStateException("unexpected constraint type " + rs.getString(3));
            }
        });
    }

    /**
     * A column's or an attribute's type: an enum or composite type (or an array of one) by name, anything else from
     * its {@code format_type}. The columns from {@code formatted} on: the formatted type, then the (element) type's
     * {@code typtype}, schema and name, and whether it is an array.
     */
    private static DataType type(ResultSet rs, int formatted, int kind) throws SQLException {
        String typtype = rs.getString(kind);
        if ("e".equals(typtype) || "c".equals(typtype)) {
            DataType named = new DataType.UserDefined(rs.getString(kind + 1), rs.getString(kind + 2));
            return rs.getBoolean(kind + 3) ? new DataType.ArrayOf(named) : named;
        }
        return TypeNames.parse(rs.getString(formatted));
    }

    private static List<CompositeType> readComposites(Connection c, Array schemas) throws SQLException {
        String sql = """
                SELECT n.nspname, t.typname, a.attname, format_type(a.atttypid, a.atttypmod),
                       et.typtype, etn.nspname, et.typname, at.typcategory = 'A'
                FROM pg_type t
                JOIN pg_namespace n ON n.oid = t.typnamespace
                JOIN pg_class r ON r.oid = t.typrelid AND r.relkind = 'c'
                JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
                JOIN pg_type at ON at.oid = a.atttypid
                JOIN pg_type et ON et.oid = CASE WHEN at.typcategory = 'A' THEN at.typelem ELSE at.oid END
                JOIN pg_namespace etn ON etn.oid = et.typnamespace
                WHERE t.typtype = 'c' AND n.nspname = ANY (?)
                ORDER BY n.nspname, t.typname, a.attnum""";
        Map<String, List<CompositeType.Attribute>> attributes = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        query(c, sql, schemas, rs -> {
            String key = rs.getString(1) + "." + rs.getString(2);
            names.putIfAbsent(key, new String[] {rs.getString(1), rs.getString(2)});
            attributes.computeIfAbsent(key, k -> new ArrayList<>()).add(new CompositeType.Attribute(rs.getString(3), type(rs, 4, 5)));
        });
        List<CompositeType> types = new ArrayList<>();
        names.forEach((key, name) -> types.add(new CompositeType(name[0], name[1], attributes.get(key))));
        return types;
    }

    private static Constraint.Action action(String code) {
        return switch (code) {
            case "r" -> Constraint.Action.RESTRICT;
            case "c" -> Constraint.Action.CASCADE;
            case "n" -> Constraint.Action.SET_NULL;
            case "d" -> Constraint.Action.SET_DEFAULT;
            default -> Constraint.Action.NO_ACTION;
        };
    }

    private static void readIndexes(Connection c, Array schemas, Map<Long, TableBuilder> tables) throws SQLException {
        String sql = """
                SELECT i.indrelid, ic.relname, i.indisunique, am.amname, pg_get_expr(i.indpred, i.indrelid),
                       (SELECT array_agg(pg_get_indexdef(i.indexrelid, k, true) ORDER BY k) FROM generate_series(1, i.indnkeyatts) k),
                       (SELECT array_agg(i.indkey[k - 1] = 0 ORDER BY k) FROM generate_series(1, i.indnkeyatts) k),
                       (SELECT array_agg((i.indoption[k - 1] & 1) = 1 ORDER BY k) FROM generate_series(1, i.indnkeyatts) k)
                FROM pg_index i
                JOIN pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_class c ON c.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_am am ON am.oid = ic.relam
                WHERE n.nspname = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
                ORDER BY i.indrelid, ic.relname""";
        query(c, sql, schemas, rs -> {
            TableBuilder table = tables.get(rs.getLong(1));
            if (table == null) {
                return;
            }
            List<String> texts = strings(rs.getArray(6));
            Boolean[] expressions = (Boolean[]) rs.getArray(7).getArray();
            Boolean[] descending = (Boolean[]) rs.getArray(8).getArray();
            List<Index.Element> elements = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                Index.Element element = expressions[i] ? Index.Element.expression(unwrap(text)) : Index.Element.column(unquote(text));
                elements.add(descending[i] ? element.desc() : element);
            }
            String method = rs.getString(4);
            table.indexes.add(new Index(table.schema, rs.getString(2), table.name, elements, rs.getBoolean(3),
                    "btree".equals(method) ? null : method, rs.getString(5), false));
        });
    }

    private List<Sequence> readSequences(Connection c, Array schemas) throws SQLException {
        String sql = """
                SELECT n.nspname, c.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                       oc.relname, oa.attname
                FROM pg_sequence s
                JOIN pg_class c ON c.oid = s.seqrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass
                     AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                LEFT JOIN pg_class oc ON oc.oid = d.refobjid
                LEFT JOIN pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
                WHERE n.nspname = ANY (?)
                ORDER BY n.nspname, c.relname""";
        List<Sequence> sequences = new ArrayList<>();
        query(c, sql, schemas, rs -> {
            SequenceOptions options = new SequenceOptions(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                    rs.getBoolean(8));
            String owner = rs.getString(9) == null ? null : rs.getString(9) + "." + rs.getString(10);
            // A sequence belongs to its table: one of a table left out (Retort's own history) is left out with it.
            if (owner == null || tableFilter.test(rs.getString(9))) {
                sequences.add(new Sequence(rs.getString(1), rs.getString(2), options, owner));
            }
        });
        return sequences;
    }

    private static List<EnumType> readEnums(Connection c, Array schemas) throws SQLException {
        String sql = """
                SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
                WHERE n.nspname = ANY (?)
                GROUP BY n.nspname, t.typname
                ORDER BY n.nspname, t.typname""";
        List<EnumType> enums = new ArrayList<>();
        query(c, sql, schemas, rs -> {
            enums.add(new EnumType(rs.getString(1), rs.getString(2), strings(rs.getArray(3))));
        });
        return enums;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** A column name as pg_get_indexdef prints it: quoted only where needed. */
    private static String unquote(String text) {
        return text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text;
    }

    /** pg_get_indexdef wraps some expressions in parentheses; the index element adds its own. */
    private static String unwrap(String text) {
        String t = text.strip();
        if (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char ch : text.toCharArray()) {
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
