package dev.retort.internal.postgres;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.retort.operation.DataType;
import dev.retort.platform.SchemaRules;

/** PostgreSQL's rules: its type names, its rewriting of expressions, its casts and its default object names. */
final class PostgresSchemaRules implements SchemaRules {

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

    /** Whether converting {@code from} to {@code to} can fail or lose information. */
    @Override
    public boolean mayLoseData(DataType from, DataType to) {
        if (from instanceof DataType.Builtin f && to instanceof DataType.Builtin t) {
            if (f.kind() == t.kind()) {
                if (f.kind() == DataType.Kind.NUMERIC) {
                    if (t.precision() == null) {
                        return false;
                    }
                    if (f.precision() == null) {
                        return true;
                    }
                    int fs = f.scale() == null ? 0 : f.scale();
                    int ts = t.scale() == null ? 0 : t.scale();
                    return t.precision() - ts < f.precision() - fs || ts < fs;
                }
                if (t.precision() == null) {
                    return false;
                }
                return f.precision() == null || t.precision() < f.precision();
            }
            List<DataType.Kind> integers = List.of(DataType.Kind.SMALLINT, DataType.Kind.INTEGER, DataType.Kind.BIGINT);
            if (integers.contains(f.kind()) && integers.contains(t.kind())) {
                return integers.indexOf(t.kind()) < integers.indexOf(f.kind());
            }
            List<DataType.Kind> texts = List.of(DataType.Kind.CHAR, DataType.Kind.VARCHAR, DataType.Kind.TEXT);
            if (texts.contains(f.kind()) && t.kind() == DataType.Kind.TEXT) {
                return false;
            }
            if (texts.contains(f.kind()) && t.kind() == DataType.Kind.VARCHAR) {
                return t.precision() != null;
            }
            if (integers.contains(f.kind()) && t.kind() == DataType.Kind.NUMERIC) {
                return t.precision() != null;
            }
            if (f.kind() == DataType.Kind.REAL && t.kind() == DataType.Kind.DOUBLE) {
                return false;
            }
            if (f.kind() == DataType.Kind.TIMESTAMP && t.kind() == DataType.Kind.TIMESTAMP_TZ
                    || f.kind() == DataType.Kind.JSON && t.kind() == DataType.Kind.JSONB) {
                return false;
            }
        }
        return true;
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
