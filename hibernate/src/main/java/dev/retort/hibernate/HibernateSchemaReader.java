package dev.retort.hibernate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.UniqueKey;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;

import dev.retort.RetortException;
import dev.retort.operation.Column;
import dev.retort.operation.Constraint;
import dev.retort.operation.DataType;
import dev.retort.operation.Identity;
import dev.retort.operation.Index;
import dev.retort.operation.Sequence;
import dev.retort.operation.SequenceOptions;
import dev.retort.platform.Platform;
import dev.retort.platform.Platforms;
import dev.retort.platform.SchemaRules;
import dev.retort.schema.SchemaModel;
import dev.retort.schema.Table;

/**
 * Turns JPA entities into Retort's schema model through Hibernate ORM's boot metadata: the same
 * relational model, type names (from Hibernate's PostgreSQL dialect) and constraint names that
 * {@code hibernate.hbm2ddl.auto=create} would use, with names as PostgreSQL stores them.
 */
public final class HibernateSchemaReader {

    private static final Pattern IDENTIFIER = Pattern.compile("\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*");

    private HibernateSchemaReader() {
    }

    /**
     * Finds the entities ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}) in the given
     * packages, sub-packages included, and reads the schema they describe.
     *
     * @throws RetortException when the packages hold no entity
     */
    public static SchemaModel scan(ClassLoader loader, Collection<String> packages, Map<String, Object> settings) {
        return scan(loader, packages, settings, Platforms.defaultPlatform());
    }

    /** As {@link #scan(ClassLoader, Collection, Map)}, for the given database platform. */
    public static SchemaModel scan(ClassLoader loader, Collection<String> packages, Map<String, Object> settings, Platform platform) {
        return read(entityClasses(loader, packages), settings, platform);
    }

    /**
     * The classes annotated {@code @Entity}, {@code @Embeddable} or {@code @MappedSuperclass} in the packages, found
     * with ClassGraph (class directories and jars alike) and loaded without initialisation.
     *
     * @throws RetortException when the packages hold no entity, or a class cannot be loaded
     */
    static List<Class<?>> entityClasses(ClassLoader loader, Collection<String> packages) {
        List<Class<?>> classes = new ArrayList<>();
        boolean anyEntity = false;
        ClassGraph graph = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages(packages.toArray(String[]::new)).overrideClassLoaders(loader).ignoreParentClassLoaders();
        try (ScanResult scan = graph.scan()) {
            for (ClassInfo info : scan.getAllClasses()) {
                boolean entity = info.hasAnnotation(Entity.class.getName());
                if (!entity && !info.hasAnnotation(Embeddable.class.getName()) && !info.hasAnnotation(MappedSuperclass.class.getName())) {
                    continue;
                }
                anyEntity |= entity;
                try {
                    classes.add(Class.forName(info.getName(), false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new RetortException("Cannot load class " + info.getName() + " while looking for entities: " + e + ".", e);
                }
            }
        }
        if (!anyEntity) {
            throw new RetortException("No @Entity class was found in package(s) " + String.join(", ", packages)
                    + "; check the entity packages setting and that the project is compiled.");
        }
        return classes;
    }

    /**
     * Reads the schema the given entity classes describe.
     *
     * @param entityClasses entities, embeddables and mapped superclasses
     * @param settings      Hibernate settings, e.g. {@code hibernate.physical_naming_strategy}; may be empty
     */
    public static SchemaModel read(Collection<Class<?>> entityClasses, Map<String, Object> settings) {
        return read(entityClasses, settings, Platforms.defaultPlatform());
    }

    /** As {@link #read(Collection, Map)}, for the given database platform. */
    public static SchemaModel read(Collection<Class<?>> entityClasses, Map<String, Object> settings, Platform platform) {
        Map<String, Object> all = new HashMap<>();
        // Resolve Hibernate's dialect for the platform without connecting anywhere.
        all.put("jakarta.persistence.database-product-name", platform.name());
        all.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        all.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
        all.putAll(settings);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap(entityClasses)).applySettings(all).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entityClasses.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.getMetadataBuilder().build();
            // hbm2ddl orders columns (and key columns) with the configured strategy before writing DDL; so do we.
            ((MetadataImplementor) metadata).orderColumns(true);
            return new Reader(metadata, platform).read();
        } catch (RuntimeException e) {
            if (e instanceof RetortException) {
                throw e;
            }
            throw new RetortException("Hibernate cannot read the entities: " + e.getMessage(), e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** A bootstrap registry that loads classes through the entities' own class loaders (a project's, not Retort's). */
    static BootstrapServiceRegistry bootstrap(Collection<Class<?>> entityClasses) {
        BootstrapServiceRegistryBuilder builder = new BootstrapServiceRegistryBuilder();
        entityClasses.stream().map(Class::getClassLoader).filter(java.util.Objects::nonNull).distinct().forEach(builder::applyClassLoader);
        return builder.build();
    }

    /** Walks one metadata model. */
    private static final class Reader {
        private final Metadata metadata;
        private final Platform platform;
        private final SchemaRules rules;

        Reader(Metadata metadata, Platform platform) {
            this.metadata = metadata;
            this.platform = platform;
            this.rules = platform.rules();
        }

        SchemaModel read() {
            Set<String> schemas = new LinkedHashSet<>();
            schemas.add(platform.defaultSchema());
            List<Table> tables = new ArrayList<>();
            List<Sequence> sequences = new ArrayList<>();
            for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
                String schema = namespace.getPhysicalName().schema() == null ? platform.defaultSchema()
                        : rules.storedName(namespace.getPhysicalName().schema().getText(), namespace.getPhysicalName().schema().isQuoted());
                for (org.hibernate.mapping.Table table : namespace.getTables()) {
                    if (table.isPhysicalTable() && !table.isView()) {
                        schemas.add(schema);
                        tables.add(table(schema, table));
                    }
                }
                for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                    schemas.add(schema);
                    sequences.add(new Sequence(schema, rules.storedName(sequence.getName().getSequenceName().getText(),
                            sequence.getName().getSequenceName().isQuoted()),
                            SequenceOptions.NONE.start(sequence.getInitialValue()).increment(sequence.getIncrementSize()), null));
                }
            }
            return new SchemaModel(schemas, tables, sequences, List.of());
        }

        private Table table(String schema, org.hibernate.mapping.Table table) {
            String tableName = rules.storedName(table.getName(), table.isQuoted());
            List<Column> columns = new ArrayList<>();
            List<Constraint.Check> checks = new ArrayList<>();
            Set<String> usedNames = new HashSet<>();
            for (org.hibernate.mapping.Column column : table.getColumns()) {
                String columnName = columnName(column);
                DataType type = rules.parseType(column.getSqlType(metadata));
                boolean primaryKey = table.isPrimaryKey(column);
                Identity identity = column.isIdentity() ? Identity.generatedByDefault() : null;
                boolean nullable = column.isNullable() && !primaryKey && identity == null;
                columns.add(new Column(columnName, type, nullable, column.getDefaultValue(), identity, column.getComment()));
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
            for (ForeignKey fk : table.getForeignKeyCollection()) {
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
                Map<org.hibernate.mapping.Column, String> order = index.getColumnOrderMap();
                for (org.hibernate.mapping.Column column : index.getColumns()) {
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
}
