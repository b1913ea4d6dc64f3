package dev.retort.postgresql.internal;

import java.util.Locale;
import java.util.Set;

import dev.retort.operation.DataType;
import dev.retort.platform.Conversion;
import dev.retort.platform.SchemaRules;

/** PostgreSQL's rules: its type names, its rewriting of expressions, its casts and its default object names. */
final class PostgresSchemaRules implements SchemaRules {

    private final PostgresConversions conversions;

    PostgresSchemaRules(PostgresDialect dialect) {
        this.conversions = new PostgresConversions(dialect);
    }

    @Override
    public DataType parseType(String sqlType) {
        return TypeNames.parse(sqlType);
    }

    @Override
    public boolean sameType(DataType a, DataType b) {
        return TypeNames.equivalent(a, b);
    }

    @Override
    public boolean sameExpression(String a, String b) {
        return PostgresExpressions.same(a, b);
    }

    @Override
    public Conversion conversion(String column, DataType from, DataType to) {
        return conversions.of(column, from, to);
    }

    @Override
    public int maxIdentifierBytes() {
        return PostgresNames.MAX_LENGTH;
    }

    /** PostgreSQL folds unquoted identifiers to lower case; quotes (or backquotes from a mapping) keep the name as written. */
    @Override
    public String storedName(String name, boolean quoted) {
        if (name == null) {
            return null;
        }
        if (name.length() > 1 && (name.startsWith("`") && name.endsWith("`") || name.startsWith("\"") && name.endsWith("\""))) {
            return name.substring(1, name.length() - 1);
        }
        return quoted ? name : name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String objectName(String table, String column, String label) {
        return PostgresNames.objectName(table, column, label);
    }

    @Override
    public String uniqueName(String name, Set<String> taken) {
        return PostgresNames.unique(name, taken);
    }

    @Override
    public String serialDefault(String schema, String table, String column) {
        String sequence = PostgresNames.objectName(table, column, "seq");
        return "nextval('" + ("public".equals(schema) ? "" : schema + ".") + sequence + "'::regclass)";
    }
}
