package dev.retort.mysql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
import dev.retort.operation.Types;
import dev.retort.platform.CatalogReader;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/**
 * Reads a live MariaDB or MySQL schema from {@code information_schema} in a fixed number of queries (six, and one more
 * for the values of MariaDB's sequences), however many tables there are. The connection's own database is the
 * platform's default schema ({@code ""}); other databases are schemas by their names.
 *
 * <p>What the server adds on its own is read back as the schema said it: MariaDB's {@code json} is a {@code longtext}
 * with a {@code json_valid} check named after the column, read as {@code json}; the index InnoDB creates behind a
 * foreign key (named after it) is left out; a unique index is a unique constraint, as {@code table_constraints} says.
 */
final class MySqlCatalogReader implements CatalogReader {

    private final Flavour flavour;
    private final MySqlTypes types;
    private final Predicate<String> tableFilter;

    MySqlCatalogReader(Flavour flavour, MySqlTypes types, Predicate<String> tableFilter) {
        this.flavour = flavour;
        this.types = types;
        this.tableFilter = tableFilter;
    }

    private static final class TableBuilder {
        final String schema;
        final String name;
        final String comment;
        final String collation;
        final List<Column> columns = new ArrayList<>();
        final List<String> primaryKey = new ArrayList<>();
        final Map<String, ForeignKeyBuilder> foreignKeys = new LinkedHashMap<>();
        final Map<String, List<String>> uniques = new LinkedHashMap<>();
        final List<Constraint.Check> checks = new ArrayList<>();
        final Map<String, IndexBuilder> indexes = new LinkedHashMap<>();

        TableBuilder(String schema, String name, String comment, String collation) {
            this.schema = schema;
            this.name = name;
            this.comment = comment;
            this.collation = collation;
        }

        Table build() {
            List<Constraint.ForeignKey> fks = foreignKeys.values().stream().map(ForeignKeyBuilder::build).toList();
            List<Index> built = new ArrayList<>();
            for (IndexBuilder index : indexes.values()) {
                if (uniques.containsKey(index.name) || index.name.equals("PRIMARY") || backsForeignKey(index)) {
                    continue;
                }
                built.add(new Index(schema, index.name, name, index.elements, index.unique, index.method, null, false));
            }
            List<Constraint.Unique> keys = uniques.entrySet().stream().map(e -> new Constraint.Unique(e.getKey(), e.getValue())).toList();
            return new Table(schema, name, columns, primaryKey.isEmpty() ? null : new Constraint.PrimaryKey("PRIMARY", primaryKey), fks, keys,
                    checks, built, comment);
        }

        /** The index InnoDB made for a foreign key that had none to use: named after it, on its columns. */
        private boolean backsForeignKey(IndexBuilder index) {
            ForeignKeyBuilder fk = foreignKeys.get(index.name);
            return fk != null && !index.unique && index.elements.stream().map(Index.Element::text).toList().equals(fk.columns);
        }
    }

    private static final class ForeignKeyBuilder {
        final String name;
        final List<String> columns = new ArrayList<>();
        final List<String> referenced = new ArrayList<>();
        String referencedSchema;
        String referencedTable;
        Constraint.Action onDelete;
        Constraint.Action onUpdate;

        ForeignKeyBuilder(String name) {
            this.name = name;
        }

        Constraint.ForeignKey build() {
            return new Constraint.ForeignKey(name, columns, referencedSchema, referencedTable, referenced, onDelete, onUpdate, false, false, false);
        }
    }

    private static final class IndexBuilder {
        final String name;
        final boolean unique;
        final String method;
        final List<Index.Element> elements = new ArrayList<>();

        IndexBuilder(String name, boolean unique, String method) {
            this.name = name;
            this.unique = unique;
            this.method = method;
        }
    }

    @Override
    public SchemaModel read(Connection connection, Set<String> schemas) throws SQLException {
        String current = currentDatabase(connection);
        List<String> names = new ArrayList<>();
        for (String schema : schemas) {
            names.add(schema == null || schema.isEmpty() ? current : schema);
        }
        if (names.isEmpty() || current == null && names.contains(null)) {
            return SchemaModel.empty(Set.of());
        }
        Set<String> existing = new TreeSet<>();
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        List<String[]> sequenceNames = new ArrayList<>();
        String in = placeholders(names.size());
        query(connection, "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN " + in, names,
                rs -> existing.add(modelSchema(rs.getString(1), current)));
        query(connection, "SELECT table_schema, table_name, table_comment, table_type, table_collation FROM information_schema.tables WHERE table_schema IN "
                + in + " AND table_type IN ('BASE TABLE', 'SEQUENCE') ORDER BY table_schema, table_name", names, rs -> {
                    String schema = modelSchema(rs.getString(1), current);
                    if ("SEQUENCE".equals(rs.getString(4))) {
                        sequenceNames.add(new String[] {rs.getString(1), rs.getString(2), schema});
                    } else if (tableFilter.test(rs.getString(2))) {
                        String comment = rs.getString(3);
                        tables.put(key(rs.getString(1), rs.getString(2)), new TableBuilder(schema, rs.getString(2),
                                comment == null || comment.isEmpty() ? null : comment, rs.getString(5)));
                    }
                });
        Map<String, DataType> jsonColumns = new LinkedHashMap<>();
        readConstraints(connection, in, names, current, tables, jsonColumns);
        readColumns(connection, in, names, tables, jsonColumns);
        readIndexes(connection, in, names, tables);
        List<Sequence> sequences = readSequences(connection, sequenceNames);
        return new SchemaModel(existing, tables.values().stream().map(TableBuilder::build).toList(), sequences, List.of());
    }

    /** Only the connection's own database: the others on the server are other applications'. */
    @Override
    public Set<String> userSchemas(Connection connection) throws SQLException {
        return currentDatabase(connection) == null ? Set.of() : Set.of("");
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String modelSchema(String database, String current) {
        return database.equals(current) ? "" : database;
    }

    private static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, List<String> schemas, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < schemas.size(); i++) {
                s.setString(i + 1, schemas.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private static String placeholders(int count) {
        return "(" + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    private void readColumns(Connection c, String in, List<String> names, Map<String, TableBuilder> tables, Map<String, DataType> json)
            throws SQLException {
        String sql = "SELECT c.table_schema, c.table_name, c.column_name, c.column_type, c.is_nullable, c.column_default, c.extra, "
                + "c.column_comment, c.data_type, c.character_set_name, c.collation_name FROM information_schema.columns c WHERE c.table_schema IN " + in
                + " ORDER BY c.table_schema, c.table_name, c.ordinal_position";
        query(c, sql, names, rs -> {
            TableBuilder table = tables.get(key(rs.getString(1), rs.getString(2)));
            if (table == null) {
                return;
            }
            String name = rs.getString(3);
            String extra = rs.getString(7) == null ? "" : rs.getString(7).toLowerCase(java.util.Locale.ROOT);
            DataType type = json.getOrDefault(key(table.name, name), types.parse(rs.getString(4) + characterSet(table, rs.getString(10),
                    rs.getString(11))));
            boolean identity = extra.contains("auto_increment");
            String comment = rs.getString(8);
            table.columns.add(new Column(name, type, "YES".equals(rs.getString(5)), identity ? null
                    : defaultValue(rs.getString(6), extra, rs.getString(9)), identity ? Identity.generatedByDefault() : null,
                    comment == null || comment.isEmpty() ? null : comment));
        });
    }

    /**
     * A column's own character set and collation, as its type says them, where they are not the table's
     * ({@code varchar(16) character set ascii collate ascii_bin}); an entity's type that names one of the two is completed
     * from the other when compared ({@link MySqlTypes#same}).
     */
    private static String characterSet(TableBuilder table, String characterSet, String collation) {
        if (collation == null || characterSet == null || collation.equalsIgnoreCase(table.collation)) {
            return "";
        }
        return " character set " + characterSet + " collate " + collation;
    }

    /**
     * A column's default as SQL: MariaDB keeps it so ({@code 'A'}, {@code 1.50}, {@code current_timestamp(6)}), with
     * {@code NULL} for none; MySQL keeps a literal's bare value, and an expression's text (marked DEFAULT_GENERATED).
     */
    private String defaultValue(String value, String extra, String dataType) {
        if (value == null || flavour.mariaDb() && value.equals("NULL")) {
            return null;
        }
        if (flavour.mariaDb() || extra.contains("default_generated")) {
            return value;
        }
        String kind = dataType == null ? "" : dataType.toLowerCase(java.util.Locale.ROOT);
        boolean numeric = kind.matches("tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real");
        return numeric || value.startsWith("b'") ? value : MySqlDialect.quote(value);
    }

    private void readConstraints(Connection c, String in, List<String> names, String current, Map<String, TableBuilder> tables,
                                 Map<String, DataType> json) throws SQLException {
        // MariaDB names checks per table (and says whether one was declared with a column); MySQL per database.
        String checkJoin = flavour.mariaDb()
                ? "LEFT JOIN information_schema.check_constraints cc ON cc.constraint_schema = tc.constraint_schema "
                + "AND cc.table_name = tc.table_name AND cc.constraint_name = tc.constraint_name "
                : "LEFT JOIN information_schema.check_constraints cc ON cc.constraint_schema = tc.constraint_schema "
                + "AND cc.constraint_name = tc.constraint_name ";
        String sql = "SELECT tc.table_schema, tc.table_name, tc.constraint_name, tc.constraint_type, k.column_name, "
                + "k.referenced_table_schema, k.referenced_table_name, k.referenced_column_name, r.update_rule, r.delete_rule, cc.check_clause, "
                + (flavour.mariaDb() ? "cc.level " : "NULL ")
                + "FROM information_schema.table_constraints tc "
                + "LEFT JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema "
                + "AND k.table_name = tc.table_name AND k.constraint_name = tc.constraint_name "
                + "LEFT JOIN information_schema.referential_constraints r ON r.constraint_schema = tc.constraint_schema "
                + "AND r.table_name = tc.table_name AND r.constraint_name = tc.constraint_name "
                + checkJoin
                + "WHERE tc.table_schema IN " + in + " ORDER BY tc.table_schema, tc.table_name, tc.constraint_name, k.ordinal_position";
        query(c, sql, names, rs -> {
            TableBuilder table = tables.get(key(rs.getString(1), rs.getString(2)));
            if (table == null) {
                return;
            }
            String name = rs.getString(3);
            switch (rs.getString(4)) {
                case "PRIMARY KEY" -> table.primaryKey.add(rs.getString(5));
                case "UNIQUE" -> table.uniques.computeIfAbsent(name, n -> new ArrayList<>()).add(rs.getString(5));
                case "FOREIGN KEY" -> {
                    ForeignKeyBuilder fk = table.foreignKeys.computeIfAbsent(name, ForeignKeyBuilder::new);
                    fk.columns.add(rs.getString(5));
                    fk.referenced.add(rs.getString(8));
                    fk.referencedSchema = modelSchema(rs.getString(6), current);
                    fk.referencedTable = rs.getString(7);
                    fk.onUpdate = action(rs.getString(9));
                    fk.onDelete = action(rs.getString(10));
                }
                case "CHECK" -> {
                    String clause = rs.getString(11);
                    if (flavour.mariaDb() && "Column".equals(rs.getString(12)) && clause != null
                            && clause.replace(" ", "").equalsIgnoreCase("json_valid(`" + name.replace("`", "``") + "`)")) {
                        json.put(key(table.name, name), Types.json()); // MariaDB's json: longtext and this check
                    } else if (clause != null) {
                        table.checks.add(new Constraint.Check(name, clause, false));
                    }
                }
                default -> {
                    // nothing else is a constraint Retort models
                }
            }
        });
    }

    /** InnoDB's NO ACTION is RESTRICT, and the catalog says RESTRICT for a key declared without an action. */
    private static Constraint.Action action(String rule) {
        return switch (rule == null ? "" : rule) {
            case "CASCADE" -> Constraint.Action.CASCADE;
            case "SET NULL" -> Constraint.Action.SET_NULL;
            case "SET DEFAULT" -> Constraint.Action.SET_DEFAULT;
            default -> Constraint.Action.NO_ACTION;
        };
    }

    private void readIndexes(Connection c, String in, List<String> names, Map<String, TableBuilder> tables) throws SQLException {
        String sql = "SELECT table_schema, table_name, index_name, non_unique, column_name, collation, sub_part, index_type, "
                + (flavour.mariaDb() ? "NULL" : "expression") + " FROM information_schema.statistics WHERE table_schema IN " + in
                + " ORDER BY table_schema, table_name, index_name, seq_in_index";
        query(c, sql, names, rs -> {
            TableBuilder table = tables.get(key(rs.getString(1), rs.getString(2)));
            if (table == null) {
                return;
            }
            String type = rs.getString(8);
            String method = switch (type == null ? "" : type) {
                case "HASH" -> "hash";
                case "FULLTEXT" -> "fulltext";
                case "SPATIAL" -> "spatial";
                default -> null;
            };
            IndexBuilder index = table.indexes.computeIfAbsent(rs.getString(3), n -> {
                try {
                    return new IndexBuilder(n, rs.getInt(4) == 0, method);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String column = rs.getString(5);
            Index.Element element;
            if (column == null) {
                element = Index.Element.expression(rs.getString(9));
            } else if (rs.getObject(7) != null) {
                element = Index.Element.expression("`" + column.replace("`", "``") + "`(" + rs.getInt(7) + ")");
            } else {
                element = Index.Element.column(column);
            }
            index.elements.add("D".equals(rs.getString(6)) ? element.desc() : element);
        });
    }

    /** MariaDB's sequences, whose values are rows of their own: all read in one query. */
    private static List<Sequence> readSequences(Connection c, List<String[]> names) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        if (names.isEmpty()) {
            return sequences;
        }
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            selects.add("SELECT " + i + ", start_value, increment, minimum_value, maximum_value, cache_size, cycle_option FROM `"
                    + names.get(i)[0].replace("`", "``") + "`.`" + names.get(i)[1].replace("`", "``") + "`");
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(String.join(" UNION ALL ", selects))) {
            while (rs.next()) {
                String[] name = names.get(rs.getInt(1));
                sequences.add(new Sequence(name[2], name[1], new SequenceOptions(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getBoolean(7)), null));
            }
        }
        return sequences;
    }
}
