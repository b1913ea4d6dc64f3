package dev.retort.postgresql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.schema.EnumType;

/** The enum types Hibernate's PostgreSQL dialect declares for {@code NAMED_ENUM} columns, read from its create statements. */
final class PostgresEnumTypes {

    private static final Pattern CREATE_ENUM = Pattern.compile("(?is)\\s*create\\s+type\\s+(\\S+)\\s+as\\s+enum\\s*\\((.*)\\)\\s*");
    private static final Pattern IDENTIFIER = Pattern.compile("\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

    private PostgresEnumTypes() {
    }

    /** The type {@code create type x as enum ('a', 'b')} declares, its name as PostgreSQL stores it; empty for any other statement. */
    static Optional<EnumType> declaredBy(String statement) {
        Matcher create = CREATE_ENUM.matcher(statement);
        if (!create.matches()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(create.group(1));
        while (m.find()) {
            String token = m.group();
            parts.add(token.startsWith("\"") ? token.substring(1, token.length() - 1).replace("\"\"", "\"")
                    : token.toLowerCase(java.util.Locale.ROOT));
        }
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        List<String> values = new ArrayList<>();
        Matcher literal = LITERAL.matcher(create.group(2));
        while (literal.find()) {
            values.add(literal.group(1).replace("''", "'"));
        }
        return Optional.of(new EnumType(schema, parts.get(parts.size() - 1), values));
    }
}
