package dev.retort.mysql.internal;

import java.util.Set;

import dev.retort.operation.DataType;
import dev.retort.platform.Conversion;
import dev.retort.platform.SchemaRules;

/** MariaDB's and MySQL's rules: type names as the server normalises them, rewritten expressions, conversions, default names. */
final class MySqlSchemaRules implements SchemaRules {

    private final MySqlTypes types;
    private final MySqlNames names;

    MySqlSchemaRules(Flavour flavour, MySqlTypes types) {
        this.types = types;
        this.names = new MySqlNames(flavour);
    }

    @Override
    public DataType parseType(String sqlType) {
        return types.parse(sqlType);
    }

    @Override
    public boolean sameType(DataType a, DataType b) {
        return types.same(a, b);
    }

    @Override
    public boolean sameExpression(String a, String b) {
        return MySqlExpressions.same(a, b);
    }

    @Override
    public Conversion conversion(String column, DataType from, DataType to) {
        return MySqlConversions.of(types, from, to);
    }

    @Override
    public int maxIdentifierBytes() {
        return MySqlNames.MAX_LENGTH;
    }

    /** Names are kept as written (table names are case-sensitive where the server's files are); quotes come off. */
    @Override
    public String storedName(String name, boolean quoted) {
        if (name == null) {
            return null;
        }
        if (name.length() > 1 && (name.startsWith("`") && name.endsWith("`") || name.startsWith("\"") && name.endsWith("\""))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    @Override
    public String objectName(String table, String column, String label) {
        return names.objectName(table, column, label);
    }

    @Override
    public String uniqueName(String name, Set<String> taken) {
        return names.unique(name, taken);
    }
}
