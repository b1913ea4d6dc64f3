package dev.retort.dialect;

import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.retort.operation.Operation;

/** PostgreSQL rendering: quoting by PostgreSQL's folding rules, literals in standard-conforming form. */
public final class PostgresDialect implements Dialect {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** Key words PostgreSQL reserves (fully or as "requires AS"); quoting them keeps any use valid. */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
            "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left",
            "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only",
            "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to",
            "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window",
            "with");

    private final PostgresRenderer renderer = new PostgresRenderer(this);

    @Override
    public List<SqlStatement> render(Operation operation) {
        return renderer.render(operation);
    }

    /** The SQL name of a type, e.g. {@code varchar(320)} or {@code timestamp(3) with time zone}. */
    public String type(dev.retort.operation.DataType type) {
        return renderer.type(type);
    }

    @Override
    public String identifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("An identifier must not be empty.");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("An identifier must not contain a NUL character: " + name.replace('\0', '?'));
        }
        if (PLAIN_IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Number n) {
            String text = n.toString();
            if (!text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                return quote(text); // NaN, Infinity: PostgreSQL accepts them quoted
            }
            return text;
        }
        if (value instanceof UUID || value instanceof TemporalAccessor || value instanceof java.util.Date) {
            return quote(value.toString());
        }
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder("'\\x");
            for (byte b : bytes) {
                hex.append(String.format(Locale.ROOT, "%02x", b));
            }
            return hex.append("'::bytea").toString();
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PostgreSQL text cannot contain a NUL character.");
        }
        return '\'' + text.replace("'", "''") + '\'';
    }

    @Override
    public String inline(SqlStatement statement) {
        if (statement.parameters().isEmpty()) {
            return statement.sql();
        }
        return SqlText.replaceParameterMarkers(statement.sql(), statement.parameters(), this::literal);
    }
}
