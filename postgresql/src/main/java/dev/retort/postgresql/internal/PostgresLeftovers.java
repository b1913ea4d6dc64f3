package dev.retort.postgresql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.operation.Operation;
import dev.retort.platform.SqlStatement;

/**
 * What an interrupted non-transactional revision leaves behind: an index that {@code CREATE INDEX CONCURRENTLY} had
 * started is left INVALID (it takes writes but serves no query), and running the revision again would fail on
 * "already exists". Such an index is dropped (concurrently) so the revision can build it again.
 */
final class PostgresLeftovers {

    private static final Pattern CONCURRENT_INDEX = Pattern.compile(
            "(?is)^\\s*create\\s+(?:unique\\s+)?index\\s+concurrently\\s+(?:if\\s+not\\s+exists\\s+)?(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)");

    private final PostgresDialect dialect;

    PostgresLeftovers(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    List<SqlStatement> find(Connection connection, List<Operation> operations) throws SQLException {
        Set<IndexName> indexes = new LinkedHashSet<>();
        for (Operation operation : operations) {
            if (operation instanceof Operation.CreateIndex create && create.index().concurrently()) {
                indexes.add(new IndexName(create.index().schema(), create.index().name()));
            } else if (operation instanceof Operation.ExecuteSql sql) {
                Matcher m = CONCURRENT_INDEX.matcher(sql.sql());
                if (m.find()) {
                    String name = m.group(1);
                    indexes.add(new IndexName(null, name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                            : name.toLowerCase(java.util.Locale.ROOT)));
                }
            }
        }
        List<SqlStatement> drops = new ArrayList<>();
        for (IndexName index : indexes) {
            if (invalid(connection, index.schema(), index.name())) {
                drops.addAll(dialect.render(new Operation.DropIndex(index.schema(), index.name(), true, true, null)));
            }
        }
        return drops;
    }

    /** An index as a revision names it; a null schema is the search path. */
    private record IndexName(String schema, String name) {
    }

    /** Whether the index exists (in the schema, or on the search path) and is INVALID. */
    private static boolean invalid(Connection connection, String schema, String name) throws SQLException {
        String sql = "SELECT NOT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = ? AND "
                + (schema == null ? "n.nspname = ANY (current_schemas(false))" : "n.nspname = ?");
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, name);
            if (schema != null) {
                s.setString(2, schema);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
