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
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.Namespace;
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
import dev.retort.schema.CompositeType;
import dev.retort.schema.EnumType;
import dev.retort.schema.Remark;
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
    private final Namespaces namespaces;
    private final Map<String, EnumType> enumsByName = new HashMap<>();
    private final Map<String, CompositeType> compositesByName = new HashMap<>();
    private final List<Remark> remarks = new ArrayList<>();

    MetadataWalker(Metadata metadata, Platform platform, Map<String, Object> settings) {
        this.metadata = metadata;
        this.platform = platform;
        this.rules = platform.rules();
        this.identity = IdentityColumns.of(metadata);
        this.namespaces = new Namespaces(metadata, platform, settings);
    }

    SchemaModel read() {
        List<EnumType> enums = enumTypes();
        enums.forEach(type -> enumsByName.put(type.name(), type));
        List<CompositeType> composites = compositeTypes();
        Set<String> schemas = new LinkedHashSet<>();
        schemas.add(namespaces.of((Identifier) null, null));
        enums.forEach(type -> schemas.add(type.schema()));
        composites.forEach(type -> schemas.add(type.schema()));
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        // Each object carries the schema Hibernate's DDL puts it in: its own, or the default schema in effect.
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && !table.isView()) {
                    String schema = schemaOf(table);
                    schemas.add(schema);
                    tables.add(table(schema, table));
                }
            }
            for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                String schema = namespaces.of(sequence.getName().getCatalogName(), sequence.getName().getSchemaName());
                schemas.add(schema);
                String name = rules.storedName(sequence.getName().getSequenceName().getText(), sequence.getName().getSequenceName().isQuoted());
                SequenceOptions options = SequenceOptions.NONE.start(sequence.getInitialValue()).increment(sequence.getIncrementSize());
                sequences.add(new Sequence(schema, name, sequenceOptions(schema, name, options, Options.of(sequence)), null));
            }
        }
        return new SchemaModel(schemas, tables, sequences, enums, composites, remarks);
    }

    private String schemaOf(org.hibernate.mapping.Table table) {
        return namespaces.of(table.getCatalog(), table.isCatalogQuoted(), table.getSchema(), table.isSchemaQuoted());
    }

    /**
     * The composite types Hibernate declares for {@code @Struct} embeddables, each attribute typed as the dialect writes
     * it (another composite or an enum type by name), in the order Hibernate creates them.
     */
    private List<CompositeType> compositeTypes() {
        List<CompositeTypes.Declared> declared = CompositeTypes.of(metadata);
        // Named first, so an attribute typed with another composite type refers to it.
        for (CompositeTypes.Declared type : declared) {
            String schema = namespaces.of(type.catalog(), type.catalogQuoted(), type.schema(), type.schemaQuoted());
            compositesByName.put(rules.storedName(type.name(), type.quoted()), new CompositeType(schema, rules.storedName(type.name(), type.quoted()),
                    List.of()));
        }
        List<CompositeType> composites = new ArrayList<>();
        for (CompositeTypes.Declared type : declared) {
            CompositeType named = compositesByName.get(rules.storedName(type.name(), type.quoted()));
            List<CompositeType.Attribute> attributes = type.columns().stream().map(column -> new CompositeType.Attribute(columnName(column),
                    typeReference(rules.parseType(column.getSqlType(metadata))))).toList();
            composites.add(new CompositeType(named.schema(), named.name(), attributes));
        }
        return composites;
    }

    /** Sequence options Hibernate 7 appends verbatim ({@code cache 5}): those the model holds applied, the rest remarked. */
    private SequenceOptions sequenceOptions(String schema, String name, SequenceOptions options, String given) {
        if (given == null) {
            return options;
        }
        SequenceOptions result = options;
        Clauses clauses = Clauses.of(given);
        while (!clauses.atEnd()) {
            Long value;
            if (clauses.accept("cache") && (value = clauses.number()) != null) {
                result = result.cache(value);
            } else if (clauses.accept("minvalue") && (value = clauses.number()) != null) {
                result = result.minValue(value);
            } else if (clauses.accept("maxvalue") && (value = clauses.number()) != null) {
                result = result.maxValue(value);
            } else if (clauses.accept("no", "cycle")) {
                result = result.cycle(false);
            } else if (clauses.accept("cycle")) {
                result = result.cycle(true);
            } else if (!clauses.accept("no", "minvalue") && !clauses.accept("no", "maxvalue")) {
                break;
            }
        }
        if (!clauses.atEnd()) {
            remarks.add(new Remark(Remark.On.sequence(schema, name), "sequence " + schema + "." + name + " has the options '" + given
                    + "', of which Retort does not model '" + clauses.rest() + "': add that with op.execute(\"ALTER SEQUENCE …\")."));
        }
        return result;
    }

    /**
     * The enum types Hibernate creates for {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} columns, where the dialect declares
     * them as auxiliary objects whose create statement lists the labels, in the order that Hibernate version uses; the
     * platform reads the statements.
     */
    private List<EnumType> enumTypes() {
        Database database = metadata.getDatabase();
        var context = namespaces.context();
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

    /** A column type naming one of the enum or composite types is a reference to that type, as the catalog reports it. */
    private DataType typeReference(DataType type) {
        if (type instanceof DataType.ArrayOf array) {
            DataType element = typeReference(array.element());
            return element == array.element() ? type : new DataType.ArrayOf(element);
        }
        if (!(type instanceof DataType.Raw raw)) {
            return type;
        }
        String name = rules.storedName(raw.sql().substring(raw.sql().lastIndexOf('.') + 1), false);
        EnumType named = enumsByName.get(name);
        if (named != null) {
            return new DataType.UserDefined(named.schema(), named.name());
        }
        CompositeType composite = compositesByName.get(name);
        return composite == null ? type : new DataType.UserDefined(composite.schema(), composite.name());
    }

    /**
     * The name Hibernate gives a unique column's key ({@code UK…}, from the implicit naming strategy), where the dialect
     * adds it after the table; null where this Hibernate keeps none on the column (before 6.2), or the key is unnamed.
     */
    private String uniqueKeyName(org.hibernate.mapping.Column column) {
        Object name;
        try {
            name = column.getClass().getMethod("getUniqueKeyName").invoke(column);
        } catch (ReflectiveOperationException notThere) {
            name = null;
        }
        if (name == null) {
            for (UniqueKey key : column.getValue() == null ? List.<UniqueKey>of() : column.getValue().getTable().getUniqueKeys().values()) {
                if (key.getColumns().size() == 1 && key.getColumns().get(0).equals(column)) {
                    name = key.getName();
                }
            }
        }
        return name == null ? null : rules.storedName(name.toString(), false);
    }

    /**
     * The statements Hibernate runs right after creating a table ({@code insert into book_seq ( next_val ) values ( 1 )} for
     * a generator kept in a table); none where this Hibernate has no such commands or cannot render them offline.
     */
    private List<String> initCommands(org.hibernate.mapping.Table table) {
        try {
            ClassLoader loader = org.hibernate.mapping.Table.class.getClassLoader();
            Class<?> contextType = Class.forName("org.hibernate.boot.model.relational.SqlStringGenerationContext", false, loader);
            Class<?> environmentType = Class.forName("org.hibernate.engine.jdbc.env.spi.JdbcEnvironment", false, loader);
            Object context = Class.forName("org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl", false, loader)
                    .getMethod("fromExplicit", environmentType, org.hibernate.boot.model.relational.Database.class, String.class, String.class)
                    .invoke(null, metadata.getDatabase().getJdbcEnvironment(), metadata.getDatabase(), null, null);
            List<String> out = new ArrayList<>();
            for (Object command : (List<?>) table.getClass().getMethod("getInitCommands", contextType).invoke(table, context)) {
                for (String sql : (String[]) command.getClass().getMethod("getInitCommands").invoke(command)) {
                    out.add(sql.strip());
                }
            }
            return out;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException notAvailable) {
            return List.of();
        }
    }

    private Table table(String schema, org.hibernate.mapping.Table table) {
        String tableName = rules.storedName(table.getName(), table.isQuoted());
        List<Column> columns = new ArrayList<>();
        List<Constraint.Check> checks = new ArrayList<>();
        List<String> extraUniques = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String columnName = columnName(column);
            DataType type = PortableForms.withPortableForm(typeReference(rules.parseType(column.getSqlType(metadata))), column,
                    platform.id());
            boolean primaryKey = table.isPrimaryKey(column);
            boolean generated = identity.isIdentity(table, column);
            String serial = generated ? serialType(column, type) : null;
            Identity columnIdentity = generated && serial == null ? Identity.generatedByDefault() : null;
            boolean nullable = column.isNullable() && !primaryKey && !generated;
            String defaultValue = column.getDefaultValue();
            // An empty comment is no comment: databases store none.
            String comment = column.getComment() == null || column.getComment().isEmpty() ? null : column.getComment();
            if (serial != null) {
                // Hibernate before 6.6 writes identity as PostgreSQL's serial: the integer type with its own sequence's default.
                type = rules.parseType(serial);
                defaultValue = rules.serialDefault(schema, tableName, columnName);
            }
            ColumnOptions options = new ColumnOptions(Options.of(column));
            nullable &= !options.notNull;
            defaultValue = options.defaultValue != null ? options.defaultValue : defaultValue;
            columns.add(new Column(columnName, type, nullable, defaultValue, columnIdentity, comment));
            if (options.unique) {
                extraUniques.add(columnName);
            }
            if (options.rest != null) {
                remarks.add(new Remark(Remark.On.column(schema, tableName, columnName), "column " + schema + "." + tableName + "." + columnName
                        + " has the options '" + options.given + "', of which Retort does not model '" + options.rest
                        + "': add that by hand (op.execute(\"ALTER TABLE …\"))."));
            }
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
            // A check among the column's options follows Hibernate's own on the column, and is named after it too.
            for (String check : options.checks) {
                checks.add(new Constraint.Check(rules.uniqueName(rules.objectName(tableName, columnName, "check"), usedNames), check, false));
            }
        }
        String tableOptions = Options.of(table);
        if (tableOptions != null) {
            remarks.add(new Remark(Remark.On.table(schema, tableName), "table " + schema + "." + tableName + " has the options '" + tableOptions
                    + "', which Retort does not model: add them by hand (op.execute(\"ALTER TABLE …\"))."));
        }
        for (String command : initCommands(table)) {
            // A generator's table on a database without sequences (MySQL): Hibernate's create puts its first row in.
            remarks.add(new Remark(Remark.On.table(schema, tableName), "table " + schema + "." + tableName + " gets a row when Hibernate "
                    + "creates it, which Retort does not model: add it after the table is created (op.execute(\"" + command.replace("\"", "\\\"")
                    + "\")), or Hibernate cannot read the generator's next value."));
        }
        for (CheckConstraint check : table.getChecks()) {
            String name = check.isNamed() ? rules.storedName(check.getName(), false)
                    : rules.uniqueName(rules.objectName(tableName, onlyColumn(check.getConstraint(), columns), "check"), usedNames);
            usedNames.add(name);
            checks.add(new Constraint.Check(name, check.getConstraint(), false));
            notModelled(Remark.On.constraint(schema, tableName, name), "check constraint " + name, Options.of(check));
        }

        Constraint.PrimaryKey primaryKey = null;
        if (table.hasPrimaryKey()) {
            primaryKey = new Constraint.PrimaryKey(rules.objectName(tableName, null, "pkey"),
                    table.getPrimaryKey().getColumns().stream().map(this::columnName).toList());
        }

        // As hbm2ddl writes them: a unique column inline where the dialect declares it so (PostgreSQL names it
        // table_column_key), else by the name Hibernate gives its key (MariaDB's and MySQL's UK…); other keys as
        // table constraints, named only when the mapping names them explicitly.
        List<Constraint.Unique> uniques = new ArrayList<>();
        Set<List<String>> uniqueColumnSets = new HashSet<>();
        boolean inline = metadata.getDatabase().getDialect().getUniqueDelegate().getClass().getSimpleName().startsWith("CreateTable");
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            if ((column.isUnique() || extraUniques.contains(columnName(column))) && !table.isPrimaryKey(column)
                    && uniqueColumnSets.add(List.of(columnName(column)))) {
                String keyName = inline ? null : uniqueKeyName(column);
                String name = keyName != null ? keyName : rules.uniqueName(rules.objectName(tableName, columnName(column), "key"), usedNames);
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
            notModelled(Remark.On.constraint(schema, tableName, name), "unique constraint " + name, Options.of(key));
        }
        if (primaryKey != null) {
            notModelled(Remark.On.constraint(schema, tableName, primaryKey.name()), "primary key " + primaryKey.name(), Options.of(table.getPrimaryKey()));
        }

        List<Constraint.ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : ForeignKeys.of(table)) {
            if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint()) {
                continue;
            }
            String name = rules.storedName(fk.getName(), false);
            Constraint.Action onDelete = switch (fk.getOnDeleteAction() == null ? "NO_ACTION" : fk.getOnDeleteAction().name()) {
                case "CASCADE" -> Constraint.Action.CASCADE;
                case "SET_NULL" -> Constraint.Action.SET_NULL;
                case "SET_DEFAULT" -> Constraint.Action.SET_DEFAULT;
                case "RESTRICT" -> Constraint.Action.RESTRICT;
                default -> Constraint.Action.NO_ACTION;
            };
            Constraint.ForeignKey key = fk.getKeyDefinition() != null && !fk.getKeyDefinition().isBlank()
                    ? definedKey(schema, tableName, name, fk.getKeyDefinition())
                    : mappedKey(name, fk);
            if (onDelete != Constraint.Action.NO_ACTION) {
                key = key.onDelete(onDelete);
            }
            String options = Options.of(fk);
            if (options != null) {
                Clauses clauses = Clauses.of(options);
                key = clauses.foreignKeyClauses(key);
                notModelled(Remark.On.constraint(schema, tableName, name), "foreign key " + name, clauses.atEnd() ? null : clauses.rest());
            }
            foreignKeys.add(key);
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
            String indexName = rules.storedName(index.getName(), false);
            String where = null;
            String options = Options.of(index);
            if (options != null) {
                // Hibernate writes the options after the index's columns: a WHERE there makes it partial.
                Clauses clauses = Clauses.of(options);
                if (clauses.accept("where")) {
                    where = clauses.rest();
                } else {
                    notModelled(Remark.On.index(schema, tableName, indexName), "index " + indexName, options);
                }
            }
            indexes.add(new Index(schema, indexName, tableName, elements, index.isUnique(), null, where, false));
        }
        String comment = table.getComment() == null || table.getComment().isEmpty() ? null : table.getComment();
        return new Table(schema, tableName, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment);
    }

    /** A foreign key as the mapping describes it: its columns, and the referenced table's key (or the columns it names). */
    private Constraint.ForeignKey mappedKey(String name, ForeignKey fk) {
        org.hibernate.mapping.Table referenced = fk.getReferencedTable();
        List<org.hibernate.mapping.Column> referencedColumns = fk.isReferenceToPrimaryKey()
                ? referenced.getPrimaryKey().getColumns() : fk.getReferencedColumns();
        return new Constraint.ForeignKey(name, fk.getColumns().stream().map(this::columnName).toList(), schemaOf(referenced),
                rules.storedName(referenced.getName(), referenced.isQuoted()), referencedColumns.stream().map(this::columnName).toList(),
                Constraint.Action.NO_ACTION, Constraint.Action.NO_ACTION, false, false, false);
    }

    /**
     * A foreign key as {@code @ForeignKey(foreignKeyDefinition = "…")} gives it, which Hibernate writes verbatim:
     * {@code foreign key (columns) references table [(columns)]} and any clauses after it.
     */
    private Constraint.ForeignKey definedKey(String schema, String tableName, String name, String definition) {
        Clauses clauses = Clauses.of(definition);
        if (!clauses.accept("foreign", "key") || !clauses.atGroup()) {
            throw new dev.retort.RetortException("The foreign key definition '" + definition + "' of " + schema + "." + tableName + " ("
                    + name + ") does not start with FOREIGN KEY (columns) REFERENCES table; write it so, as the database needs it.");
        }
        List<String> columns = Clauses.names(clauses.group()).stream().map(n -> rules.storedName(Clauses.unquoted(n), Clauses.quoted(n))).toList();
        String target = clauses.accept("references") ? clauses.next() : null;
        if (target == null) {
            throw new dev.retort.RetortException("The foreign key definition '" + definition + "' of " + schema + "." + tableName + " ("
                    + name + ") names no referenced table; write FOREIGN KEY (columns) REFERENCES table (columns).");
        }
        int dot = target.lastIndexOf('.');
        String referencedTable = rules.storedName(Clauses.unquoted(target.substring(dot + 1)), Clauses.quoted(target.substring(dot + 1)));
        String referencedSchema = dot < 0 ? platform.defaultSchema()
                : rules.storedName(Clauses.unquoted(target.substring(0, dot)), Clauses.quoted(target.substring(0, dot)));
        List<String> referencedColumns = clauses.atGroup()
                ? Clauses.names(clauses.group()).stream().map(n -> rules.storedName(Clauses.unquoted(n), Clauses.quoted(n))).toList()
                : primaryKeyOf(referencedSchema, referencedTable, definition);
        Constraint.ForeignKey key = clauses.foreignKeyClauses(new Constraint.ForeignKey(name, columns, referencedSchema, referencedTable,
                referencedColumns, Constraint.Action.NO_ACTION, Constraint.Action.NO_ACTION, false, false, false));
        notModelled(Remark.On.constraint(schema, tableName, name), "foreign key " + name, clauses.atEnd() ? null : clauses.rest());
        return key;
    }

    /** The primary key columns of a mapped table, for a foreign key definition that references the table alone. */
    private List<String> primaryKeyOf(String schema, String table, String definition) {
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table candidate : namespace.getTables()) {
                if (candidate.hasPrimaryKey() && rules.storedName(candidate.getName(), candidate.isQuoted()).equals(table)
                        && schemaOf(candidate).equals(schema)) {
                    return candidate.getPrimaryKey().getColumns().stream().map(this::columnName).toList();
                }
            }
        }
        throw new dev.retort.RetortException("The foreign key definition '" + definition + "' references " + schema + "." + table
                + " without naming its columns, and no entity maps that table; name the referenced columns.");
    }

    /** Options of a key, an index or a check that the model cannot hold, said in the migration that creates it. */
    private void notModelled(Remark.On on, String what, String options) {
        if (options != null && !options.isBlank()) {
            remarks.add(new Remark(on, what + " on " + on.schema() + "." + on.name() + " has the options '" + options
                    + "', which Retort does not model: add them by hand (op.execute(…))."));
        }
    }

    /** JPA 3.2 column options: a check, unique, not null and a default are applied; the rest is remarked. */
    private static final class ColumnOptions {
        final String given;
        final List<String> checks = new ArrayList<>();
        boolean unique;
        boolean notNull;
        String defaultValue;
        String rest;

        ColumnOptions(String given) {
            this.given = given;
            if (given == null) {
                return;
            }
            Clauses clauses = Clauses.of(given);
            while (!clauses.atEnd()) {
                if (clauses.accept("check") && clauses.atGroup()) {
                    checks.add(clauses.group());
                } else if (clauses.accept("unique")) {
                    unique = true;
                } else if (clauses.accept("not", "null")) {
                    notNull = true;
                } else if (clauses.accept("null")) {
                    continue;
                } else if (clauses.accept("default") && !clauses.atEnd()) {
                    String value = clauses.next();
                    defaultValue = clauses.atGroup() ? value + "(" + clauses.group() + ")" : value;
                } else {
                    break;
                }
            }
            rest = clauses.atEnd() ? null : clauses.rest();
        }
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
