package dev.retort.h2.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.platform.DatabaseObject;
import dev.retort.platform.SqlStatement;

/**
 * What {@code clean} drops on H2 (views, tables, sequences, domains and Java aliases of the schemas, Retort's lock table
 * left standing as it is held), and the view or alias a repeatable's statement creates.
 */
final class H2Objects {

    private static final String IDENTIFIER = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern CREATES = Pattern.compile("(?is)^\\s*create\\s+(?:or\\s+replace\\s+)?(?:force\\s+)?"
            + "(view|alias)\\s+(?:if\\s+not\\s+exists\\s+)?" + IDENTIFIER + "(?:\\s*\\.\\s*" + IDENTIFIER + ")?");

    private H2Objects() {
    }

    static List<DatabaseObject> objects(Connection connection, Set<String> schemas) throws SQLException {
        String current = H2CatalogReader.currentSchema(connection);
        List<DatabaseObject> objects = new ArrayList<>();
        for (String schema : schemas) {
            String stored = schema == null || schema.isEmpty() ? current : H2Names.stored(schema);
            String model = stored.equals(current) ? "" : H2Names.model(stored);
            query(connection, "SELECT 'view', TABLE_NAME FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ? "
                    + "UNION ALL SELECT 'table', TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' "
                    + "AND (REMARKS IS NULL OR REMARKS <> '" + H2Lock.MARKER + "') "
                    + "UNION ALL SELECT 'sequence', SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ? "
                    + "UNION ALL SELECT 'domain', DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = ? "
                    + "UNION ALL SELECT DISTINCT 'alias', ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = ? "
                    + "AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE') AND EXTERNAL_LANGUAGE = 'JAVA' ORDER BY 1, 2", stored,
                    (type, name) -> objects.add(new DatabaseObject(type, model, H2Names.model(name))));
        }
        return objects;
    }

    /** Views first, then tables (with what depends on them), sequences, domains and aliases. */
    static List<SqlStatement> dropAll(List<DatabaseObject> objects) {
        List<SqlStatement> statements = new ArrayList<>();
        for (String type : List.of("view", "table", "sequence", "domain", "alias")) {
            for (DatabaseObject o : objects) {
                if (o.type().equals(type)) {
                    String name = (o.schema() == null || o.schema().isEmpty() ? "" : H2Names.identifier(o.schema()) + ".")
                            + H2Names.identifier(o.name());
                    statements.add(SqlStatement.of("DROP " + type.toUpperCase(Locale.ROOT) + " IF EXISTS " + name
                            + (type.equals("view") || type.equals("table") || type.equals("domain") ? " CASCADE" : "")));
                }
            }
        }
        return statements;
    }

    static Optional<DatabaseObject> createdBy(String statement) {
        Matcher m = CREATES.matcher(statement);
        if (!m.find()) {
            return Optional.empty();
        }
        String type = m.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(m.group(3) == null ? new DatabaseObject(type, null, name(m.group(2)))
                : new DatabaseObject(type, name(m.group(2)), name(m.group(3))));
    }

    /** An identifier as the model has it: unquoted ones as H2 folds and reads them back, quoted ones as written. */
    private static String name(String identifier) {
        return identifier.startsWith("\"") ? H2Names.model(identifier.substring(1, identifier.length() - 1).replace("\"\"", "\""))
                : H2Names.model(identifier.toUpperCase(Locale.ROOT));
    }

    @FunctionalInterface
    private interface Row {
        void read(String type, String name);
    }

    private static void query(Connection c, String sql, String schema, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= 5; i++) {
                s.setString(i, schema);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs.getString(1), rs.getString(2));
                }
            }
        }
    }
}
