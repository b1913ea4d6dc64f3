package dev.retort.internal.hibernate.reader;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.UniqueKey;

import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.DataType;
import dev.retort.operation.Identity;
import dev.retort.operation.Index;
import dev.retort.operation.Sequence;
import dev.retort.operation.SequenceOptions;
import dev.retort.platform.Platform;
import dev.retort.platform.SchemaRules;
import dev.retort.schema.EnumType;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/**
 * Walks one Hibernate boot metadata model into Retort's schema model: the relational model, type names (from
 * Hibernate's dialect) and constraint names {@code hibernate.hbm2ddl.auto=create} would use, with names as the
 * database stores them. Written against the Hibernate API that 6.4 to 7.x share; {@link IdentityColumns} covers
 * the one place where they differ.
 */
final class MetadataWalker {

    private static final Pattern IDENTIFIER = Pattern.compile("\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*");

    private final Metadata metadata;
    private final Platform platform;
    private final SchemaRules rules;
    private final IdentityColumns identity;
    private final Map<String, Object> settings;
    private final Map<String, EnumType> enumsByName = new HashMap<>();

    MetadataWalker(Metadata metadata, Platform platform, Map<String, Object> settings) {
        this.metadata = metadata;
        this.platform = platform;
        this.rules = platform.rules();
        this.identity = IdentityColumns.of(metadata);
        this.settings = settings;
    }

    SchemaModel read() {
        List<EnumType> enums = enumTypes();
        enums.forEach(type -> enumsByName.put(type.name(), type));
        Set<String> schemas = new LinkedHashSet<>();
        schemas.add(platform.defaultSchema());
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        // Each object carries its namespace's physical schema; the namespace's own accessor differs between Hibernate 6 and 7.
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && !table.isView()) {
                    String schema = table.getSchema() == null ? platform.defaultSchema() : rules.storedName(table.getSchema(), table.isSchemaQuoted());
                    schemas.add(schema);
                    tables.add(table(schema, table));
                }
            }
            for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                var schemaName = sequence.getName().getSchemaName();
                String schema = schemaName == null ? platform.defaultSchema() : rules.storedName(schemaName.getText(), schemaName.isQuoted());
                schemas.add(schema);
                sequences.add(new Sequence(schema, rules.storedName(sequence.getName().getSequenceName().getText(),
                        sequence.getName().getSequenceName().isQuoted()),
                        SequenceOptions.NONE.start(sequence.getInitialValue()).increment(sequence.getIncrementSize()), null));
            }
        }
        return new SchemaModel(schemas, tables, sequences, enums);
    }

    /**
     * The enum types Hibernate creates for {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} columns, where the dialect declares
     * them as auxiliary objects whose create statement lists the labels, in the order that Hibernate version uses; the
     * platform reads the statements.
     */
    private List<EnumType> enumTypes() {
        Database database = metadata.getDatabase();
        var context = SqlStringGenerationContextImpl.fromConfigurationMap(database.getJdbcEnvironment(), database, settings);
        List<EnumType> enums = new ArrayList<>();
        for (AuxiliaryDatabaseObject object : database.getAuxiliaryDatabaseObjects()) {
            if (!object.appliesToDialect(database.getDialect())) {
                continue;
            }
            for (String statement : object.sqlCreateStrings(context)) {
                platform.enumTypeDeclaredBy(statement).ifPresent(type -> enums.add(type.schema() != null ? type
                        : new EnumType(platform.defaultSchema(), type.name(), type.values())));
            }
        }
        return enums;
    }

    /** The serial type the dialect writes for an identity column ({@code bigserial}), or null when it writes a real identity. */
    private String serialType(org.hibernate.mapping.Column column, DataType type) {
        // The JDBC type code from the type name: Column.getSqlTypeCode's parameter type differs between 6.x and 7.x.
        int code = type instanceof DataType.Builtin builtin ? switch (builtin.kind()) {
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            default -> Types.BIGINT;
        } : Types.BIGINT;
        String ddl = metadata.getDatabase().getDialect().getIdentityColumnSupport().getIdentityColumnString(code).strip().toLowerCase(Locale.ROOT);
        return ddl.contains("serial") ? ddl.split("\\s+")[0] : null;
    }

    /** A column type naming one of the enum types is a reference to that type, as the catalog reports it. */
    private DataType enumReference(DataType type) {
        if (type instanceof DataType.ArrayOf array) {
            DataType element = enumReference(array.element());
            return element == array.element() ? type : new DataType.ArrayOf(element);
        }
        EnumType named = type instanceof DataType.Raw raw ? enumsByName.get(rules.storedName(raw.sql(), false)) : null;
        return named == null ? type : new DataType.UserDefined(named.schema(), named.name());
    }

    private Table table(String schema, org.hibernate.mapping.Table table) {
        String tableName = rules.storedName(table.getName(), table.isQuoted());
        List<Column> columns = new ArrayList<>();
        List<Constraint.Check> checks = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String columnName = columnName(column);
            DataType type = enumReference(rules.parseType(column.getSqlType(metadata)));
            boolean primaryKey = table.isPrimaryKey(column);
            boolean generated = identity.isIdentity(table, column);
            String serial = generated ? serialType(column, type) : null;
            Identity columnIdentity = generated && serial == null ? Identity.generatedByDefault() : null;
            boolean nullable = column.isNullable() && !primaryKey && !generated;
            String defaultValue = column.getDefaultValue();
            if (serial != null) {
                // Hibernate before 6.6 writes identity as PostgreSQL's serial: the integer type with its own sequence's default.
                type = rules.parseType(serial);
                defaultValue = rules.serialDefault(schema, tableName, columnName);
            }
            columns.add(new Column(columnName, type, nullable, defaultValue, columnIdentity, column.getComment()));
            List<String> anonymous = new ArrayList<>();
            for (CheckConstraint check : column.getCheckConstraints()) {
                if (check.isAnonymous()) {
                    anonymous.add(check.getConstraintInParens());
                } else {
                    checks.add(new Constraint.Check(rules.storedName(check.getName(), false), check.getConstraint(), false));
                    usedNames.add(rules.storedName(check.getName(), false));
                }
            }
            if (!anonymous.isEmpty()) {
                String name = rules.uniqueName(rules.objectName(tableName, columnName, "check"), usedNames);
                checks.add(new Constraint.Check(name, String.join(" and ", anonymous), false));
            }
        }
        for (CheckConstraint check : table.getChecks()) {
            String name = check.isNamed() ? rules.storedName(check.getName(), false)
                    : rules.uniqueName(rules.objectName(tableName, onlyColumn(check.getConstraint(), columns), "check"), usedNames);
            usedNames.add(name);
            checks.add(new Constraint.Check(name, check.getConstraint(), false));
        }

        Constraint.PrimaryKey primaryKey = null;
        if (table.hasPrimaryKey()) {
            primaryKey = new Constraint.PrimaryKey(rules.objectName(tableName, null, "pkey"),
                    table.getPrimaryKey().getColumns().stream().map(this::columnName).toList());
        }

        // As hbm2ddl writes them: a unique column inline (PostgreSQL names it table_column_key), other keys as
        // table constraints, named only when the mapping names them explicitly.
        List<Constraint.Unique> uniques = new ArrayList<>();
        Set<List<String>> uniqueColumnSets = new HashSet<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            if (column.isUnique() && !table.isPrimaryKey(column) && uniqueColumnSets.add(List.of(columnName(column)))) {
                String name = rules.uniqueName(rules.objectName(tableName, columnName(column), "key"), usedNames);
                uniques.add(new Constraint.Unique(name, List.of(columnName(column))));
            }
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            List<String> keyColumns = key.getColumns().stream().map(this::columnName).toList();
            if (primaryKey != null && primaryKey.columns().equals(keyColumns) || !uniqueColumnSets.add(keyColumns)) {
                continue;
            }
            String name = key.isNameExplicit() ? rules.storedName(key.getName(), false)
                    : rules.uniqueName(rules.objectName(tableName, String.join("_", keyColumns), "key"), usedNames);
            uniques.add(new Constraint.Unique(name, keyColumns));
        }

        List<Constraint.ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : ForeignKeys.of(table)) {
            if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint()) {
                continue;
            }
            org.hibernate.mapping.Table referenced = fk.getReferencedTable();
            List<org.hibernate.mapping.Column> referencedColumns = fk.isReferenceToPrimaryKey()
                    ? referenced.getPrimaryKey().getColumns() : fk.getReferencedColumns();
            String referencedSchema = referenced.getSchema() == null ? platform.defaultSchema()
                    : rules.storedName(referenced.getSchema(), referenced.isSchemaQuoted());
            Constraint.Action onDelete = switch (fk.getOnDeleteAction() == null ? "NO_ACTION" : fk.getOnDeleteAction().name()) {
                case "CASCADE" -> Constraint.Action.CASCADE;
                case "SET_NULL" -> Constraint.Action.SET_NULL;
                case "SET_DEFAULT" -> Constraint.Action.SET_DEFAULT;
                case "RESTRICT" -> Constraint.Action.RESTRICT;
                default -> Constraint.Action.NO_ACTION;
            };
            foreignKeys.add(new Constraint.ForeignKey(rules.storedName(fk.getName(), false), fk.getColumns().stream().map(this::columnName).toList(),
                    referencedSchema, rules.storedName(referenced.getName(), referenced.isQuoted()),
                    referencedColumns.stream().map(this::columnName).toList(), onDelete, Constraint.Action.NO_ACTION, false, false, false));
        }

        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            List<Index.Element> elements = new ArrayList<>();
            Map<org.hibernate.mapping.Selectable, String> order = index.getSelectableOrderMap();
            for (org.hibernate.mapping.Selectable selectable : index.getSelectables()) {
                if (!(selectable instanceof org.hibernate.mapping.Column column)) {
                    continue; // only columns are read, as before: an index element that is a formula is not
                }
                Index.Element element = Index.Element.column(columnName(column));
                String direction = order.get(column);
                elements.add(direction != null && direction.trim().toLowerCase(Locale.ROOT).startsWith("desc") ? element.desc() : element);
            }
            indexes.add(new Index(schema, rules.storedName(index.getName(), false), tableName, elements, index.isUnique(), null, null, false));
        }
        return new Table(schema, tableName, columns, primaryKey, foreignKeys, uniques, checks, indexes, table.getComment());
    }

    private String columnName(org.hibernate.mapping.Column column) {
        return rules.storedName(column.getName(), column.isQuoted());
    }

    /** The one column a check expression refers to, or null for none or several: PostgreSQL names the constraint after it. */
    private static String onlyColumn(String expression, List<Column> columns) {
        Set<String> referenced = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(expression.replaceAll("'(?:[^']|'')*'", "''"));
        while (m.find()) {
            String token = m.group();
            String candidate = token.startsWith("\"") ? token.substring(1, token.length() - 1) : token.toLowerCase(Locale.ROOT);
            if (columns.stream().anyMatch(c -> c.name().equals(candidate))) {
                referenced.add(candidate);
            }
        }
        return referenced.size() == 1 ? referenced.iterator().next() : null;
    }
}
