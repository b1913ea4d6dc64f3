package dev.retort.h2.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * Reads a live H2 schema from {@code INFORMATION_SCHEMA} in six queries, however many tables there are. The
 * connection's current schema is the platform's default ({@code ""}); names come back as the model has them
 * ({@link H2Names#model}). A constraint H2 named itself ({@code CONSTRAINT_1F3}) is reported under PostgreSQL's name for
 * it ({@link #REPORTED_NAME}), so the names do not depend on the order things were made in; the indexes H2 builds for
 * constraints are left out, and so is Retort's lock table ({@link H2Lock#MARKER}).
 */
final class H2CatalogReader implements CatalogReader {

    /**
     * The name reported for a constraint H2 named itself, over {@code INFORMATION_SCHEMA.TABLE_CONSTRAINTS c}:
     * {@code <table>_pkey}, {@code <table>_<columns>_key}, {@code <table>_<columns>_fkey}, {@code <table>[_<column>]_check}.
     */
    static final String REPORTED_NAME = "CASE c.CONSTRAINT_TYPE WHEN 'PRIMARY KEY' THEN LOWER(c.TABLE_NAME) || '_pkey' "
            + "WHEN 'UNIQUE' THEN LOWER(c.TABLE_NAME) || '_' || (SELECT LISTAGG(LOWER(k.COLUMN_NAME), '_') WITHIN GROUP (ORDER BY "
            + "k.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
            + "AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME) || '_key' "
            + "WHEN 'FOREIGN KEY' THEN LOWER(c.TABLE_NAME) || '_' || (SELECT LISTAGG(LOWER(k.COLUMN_NAME), '_') WITHIN GROUP (ORDER BY "
            + "k.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k WHERE k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
            + "AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME) || '_fkey' "
            + "ELSE LOWER(c.TABLE_NAME) || COALESCE((SELECT '_' || LOWER(MIN(u.COLUMN_NAME)) FROM INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE u "
            + "WHERE u.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND u.CONSTRAINT_NAME = c.CONSTRAINT_NAME HAVING COUNT(*) = 1), '') "
            + "|| '_check' END";

    private final H2Types types;
    private final Predicate<String> tableFilter;

    H2CatalogReader(H2Types types, Predicate<String> tableFilter) {
        this.types = types;
        this.tableFilter = tableFilter;
    }

    private static final class TableBuilder {
        final String schema;
        final String name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        Constraint.PrimaryKey primaryKey;
        final Map<String, ForeignKeyBuilder> foreignKeys = new LinkedHashMap<>();
        final Map<String, List<String>> uniques = new LinkedHashMap<>();
        final List<Constraint.Check> checks = new ArrayList<>();
        final Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
        final List<String> primaryKeyColumns = new ArrayList<>();
        String primaryKeyName;

        TableBuilder(String schema, String name, String comment) {
            this.schema = schema;
            this.name = name;
            this.comment = comment;
        }

        Table build() {
            List<Index> built = indexes.values().stream()
                    .map(i -> new Index(schema, i.name, name, i.elements, i.unique, i.method, null, false)).toList();
            List<Constraint.Unique> keys = uniques.entrySet().stream().map(e -> new Constraint.Unique(e.getKey(), e.getValue())).toList();
            Constraint.PrimaryKey pk = primaryKeyColumns.isEmpty() ? null : new Constraint.PrimaryKey(primaryKeyName, primaryKeyColumns);
            return new Table(schema, name, columns, pk, foreignKeys.values().stream().map(ForeignKeyBuilder::build).toList(), keys, checks,
                    built, comment);
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
        String current = currentSchema(connection);
        List<String> names = new ArrayList<>();
        for (String schema : schemas) {
            names.add(schema == null || schema.isEmpty() ? current : H2Names.stored(schema));
        }
        if (names.isEmpty()) {
            return SchemaModel.empty(Set.of());
        }
        String in = "(" + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
        Set<String> existing = new TreeSet<>();
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        query(connection, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME IN " + in, names,
                rs -> existing.add(modelSchema(rs.getString(1), current)));
        query(connection, "SELECT TABLE_SCHEMA, TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' "
                + "AND TABLE_SCHEMA IN " + in + " AND (REMARKS IS NULL OR REMARKS <> '" + H2Lock.MARKER + "') ORDER BY TABLE_SCHEMA, TABLE_NAME",
                names, rs -> {
                    String name = H2Names.model(rs.getString(2));
                    if (tableFilter.test(name)) {
                        tables.put(key(rs.getString(1), rs.getString(2)), new TableBuilder(modelSchema(rs.getString(1), current), name,
                                rs.getString(3)));
                    }
                });
        readColumns(connection, in, names, tables);
        readConstraints(connection, in, names, current, tables);
        readIndexes(connection, in, names, tables);
        List<Sequence> sequences = new ArrayList<>();
        query(connection, "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CACHE, CYCLE_OPTION "
                + "FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA IN " + in + " ORDER BY SEQUENCE_SCHEMA, SEQUENCE_NAME", names,
                rs -> sequences.add(new Sequence(modelSchema(rs.getString(1), current), H2Names.model(rs.getString(2)), new SequenceOptions(
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), "YES".equals(rs.getString(8))), null)));
        return new SchemaModel(existing, tables.values().stream().map(TableBuilder::build).toList(), sequences, List.of());
    }

    /** The current schema, and every other schema but H2's own. */
    @Override
    public Set<String> userSchemas(Connection connection) throws SQLException {
        String current = currentSchema(connection);
        Set<String> schemas = new LinkedHashSet<>();
        schemas.add("");
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME <> 'INFORMATION_SCHEMA' "
                     + "ORDER BY SCHEMA_NAME")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(current)) {
                    schemas.add(H2Names.model(rs.getString(1)));
                }
            }
        }
        return schemas;
    }

    static String currentSchema(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_SCHEMA")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String modelSchema(String schema, String current) {
        return schema == null || schema.equals(current) ? "" : H2Names.model(schema);
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

    private void readColumns(Connection c, String in, List<String> names, Map<String, TableBuilder> tables) throws SQLException {
        String sql = "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH, c.NUMERIC_PRECISION, "
                + "c.NUMERIC_SCALE, c.DATETIME_PRECISION, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.IS_IDENTITY, c.IDENTITY_GENERATION, c.REMARKS, "
                + "c.INTERVAL_TYPE, c.DOMAIN_SCHEMA, c.DOMAIN_NAME, "
                + "(SELECT LISTAGG('''' || REPLACE(e.VALUE_NAME, '''', '''''') || '''', ', ') WITHIN GROUP (ORDER BY e.VALUE_ORDINAL) "
                + "FROM INFORMATION_SCHEMA.ENUM_VALUES e WHERE e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME "
                + "AND e.OBJECT_TYPE = 'TABLE' AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER), "
                + "t.DATA_TYPE, t.CHARACTER_MAXIMUM_LENGTH, t.NUMERIC_PRECISION, t.NUMERIC_SCALE, t.DATETIME_PRECISION, t.INTERVAL_TYPE "
                + "FROM INFORMATION_SCHEMA.COLUMNS c LEFT JOIN INFORMATION_SCHEMA.ELEMENT_TYPES t ON t.OBJECT_SCHEMA = c.TABLE_SCHEMA "
                + "AND t.OBJECT_NAME = c.TABLE_NAME AND t.OBJECT_TYPE = 'TABLE' AND t.COLLECTION_TYPE_IDENTIFIER = c.DTD_IDENTIFIER "
                + "WHERE c.TABLE_SCHEMA IN " + in + " ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION";
        query(c, sql, names, rs -> {
            TableBuilder table = tables.get(key(rs.getString(1), rs.getString(2)));
            if (table == null) {
                return;
            }
            DataType type;
            if (rs.getString(16) != null) {
                type = new DataType.UserDefined(rs.getString(15) == null ? null : H2Names.model(rs.getString(15)), H2Names.model(rs.getString(16)));
            } else if ("ENUM".equals(rs.getString(4))) {
                type = H2Types.enumOf(rs.getString(17) == null ? "" : rs.getString(17));
            } else if ("ARRAY".equals(rs.getString(4)) && rs.getString(18) != null) {
                type = Types.arrayOf(type(rs.getString(18), rs.getObject(19), rs.getObject(20), rs.getObject(21), rs.getObject(22), rs.getString(23)));
            } else {
                type = type(rs.getString(4), rs.getObject(5), rs.getObject(6), rs.getObject(7), rs.getObject(8), rs.getString(14));
            }
            boolean identity = "YES".equals(rs.getString(11));
            Identity generation = identity ? ("ALWAYS".equals(rs.getString(12)) ? Identity.generatedAlways() : Identity.generatedByDefault()) : null;
            String comment = rs.getString(13);
            table.columns.add(new Column(H2Names.model(rs.getString(3)), type, "YES".equals(rs.getString(9)), identity ? null : rs.getString(10),
                    generation, comment == null || comment.isEmpty() ? null : comment));
        });
    }

    /** A type from the catalog's parts, in the words {@link H2Types#parse} reads. */
    private DataType type(String dataType, Object length, Object precision, Object scale, Object timePrecision, String intervalType) {
        String name = dataType.toLowerCase(java.util.Locale.ROOT);
        return switch (name) {
            case "character varying", "character", "binary varying", "binary" -> types.parse(name + "(" + length + ")");
            case "numeric", "decimal" -> types.parse(name + "(" + precision + ", " + scale + ")");
            case "time", "timestamp" -> types.parse(name + "(" + timePrecision + ")");
            case "time with time zone", "timestamp with time zone" -> types.parse(name.replace(" with", "(" + timePrecision + ") with"));
            case "interval" -> types.parse("interval " + (intervalType == null ? "" : intervalType.toLowerCase(java.util.Locale.ROOT)));
            default -> types.parse(name);
        };
    }

    private void readConstraints(Connection c, String in, List<String> names, String current, Map<String, TableBuilder> tables)
            throws SQLException {
        String sql = "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.CONSTRAINT_NAME, c.CONSTRAINT_TYPE, k.COLUMN_NAME, "
                + "rk.TABLE_SCHEMA, rk.TABLE_NAME, rk.COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE, ck.CHECK_CLAUSE, "
                + "CASE WHEN REGEXP_LIKE(c.CONSTRAINT_NAME, '^CONSTRAINT_[0-9A-F]+$') THEN " + REPORTED_NAME + " END "
                + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c "
                + "LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME "
                + "LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
                + "AND r.CONSTRAINT_NAME = c.CONSTRAINT_NAME "
                + "LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE rk ON rk.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA "
                + "AND rk.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME AND rk.ORDINAL_POSITION = k.POSITION_IN_UNIQUE_CONSTRAINT "
                + "LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS ck ON ck.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
                + "AND ck.CONSTRAINT_NAME = c.CONSTRAINT_NAME "
                + "WHERE c.TABLE_SCHEMA IN " + in + " ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.CONSTRAINT_NAME, k.ORDINAL_POSITION";
        query(c, sql, names, rs -> {
            TableBuilder table = tables.get(key(rs.getString(1), rs.getString(2)));
            if (table == null) {
                return;
            }
            String name = rs.getString(12) != null ? rs.getString(12) : H2Names.model(rs.getString(3));
            String column = H2Names.model(rs.getString(5));
            switch (rs.getString(4)) {
                case "PRIMARY KEY" -> {
                    table.primaryKeyName = name;
                    table.primaryKeyColumns.add(column);
                }
                case "UNIQUE" -> table.uniques.computeIfAbsent(name, n -> new ArrayList<>()).add(column);
                case "FOREIGN KEY" -> {
                    ForeignKeyBuilder fk = table.foreignKeys.computeIfAbsent(name, ForeignKeyBuilder::new);
                    fk.columns.add(column);
                    fk.referenced.add(H2Names.model(rs.getString(8)));
                    fk.referencedSchema = modelSchema(rs.getString(6), current);
                    fk.referencedTable = H2Names.model(rs.getString(7));
                    fk.onUpdate = action(rs.getString(9));
                    fk.onDelete = action(rs.getString(10));
                }
                case "CHECK" -> {
                    if (rs.getString(11) != null) {
                        table.checks.add(new Constraint.Check(name, rs.getString(11), false));
                    }
                }
                default -> {
                    // nothing else is a constraint Retort models
                }
            }
        });
    }

    private static Constraint.Action action(String rule) {
        return switch (rule == null ? "" : rule) {
            case "CASCADE" -> Constraint.Action.CASCADE;
            case "SET NULL" -> Constraint.Action.SET_NULL;
            case "SET DEFAULT" -> Constraint.Action.SET_DEFAULT;
            case "RESTRICT" -> Constraint.Action.RESTRICT;
            default -> Constraint.Action.NO_ACTION;
        };
    }

    /** The indexes people made: not those H2 built for a constraint, nor one a primary key or unique constraint adopted. */
    private void readIndexes(Connection c, String in, List<String> names, Map<String, TableBuilder> tables) throws SQLException {
        String sql = "SELECT i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, ic.COLUMN_NAME, ic.ORDERING_SPECIFICATION "
                + "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA "
                + "AND ic.INDEX_NAME = i.INDEX_NAME AND ic.TABLE_NAME = i.TABLE_NAME "
                + "WHERE i.TABLE_SCHEMA IN " + in + " AND NOT i.IS_GENERATED AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
                + "WHERE tc.INDEX_SCHEMA = i.INDEX_SCHEMA AND tc.INDEX_NAME = i.INDEX_NAME AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')) "
                + "ORDER BY i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, ic.ORDINAL_POSITION";
        query(c, sql, names, rs -> {
            TableBuilder table = tables.get(key(rs.getString(1), rs.getString(2)));
            if (table == null) {
                return;
            }
            String kind = rs.getString(4) == null ? "" : rs.getString(4);
            IndexBuilder index = table.indexes.computeIfAbsent(H2Names.model(rs.getString(3)), n -> new IndexBuilder(n, kind.contains("UNIQUE"),
                    kind.contains("HASH") ? "hash" : kind.contains("SPATIAL") ? "spatial" : null));
            Index.Element element = Index.Element.column(H2Names.model(rs.getString(5)));
            index.elements.add("DESC".equals(rs.getString(6)) ? element.desc() : element);
        });
    }
}
