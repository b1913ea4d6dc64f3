package dev.retort.postgresql.internal;

import java.sql.Array;
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
 * Every object of a PostgreSQL schema, as {@code clean} lists and drops it, and the object a repeatable's statement
 * creates. Objects an extension owns are left to the extension.
 */
final class PostgresObjects {

    /** Relations, routines and types of the schemas, in the order they are dropped; extension members left out. */
    private static final String OBJECTS = """
            SELECT kind, nspname, name, identity FROM (
              SELECT CASE c.relkind WHEN 'v' THEN 1 WHEN 'm' THEN 2 WHEN 'f' THEN 3 WHEN 'S' THEN 5 ELSE 4 END AS rank,
                     CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                                    WHEN 'S' THEN 'sequence' ELSE 'table' END AS kind,
                     n.nspname, c.relname AS name, NULL AS identity, c.oid AS id, 'pg_class'::regclass AS catalog
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND NOT c.relispartition
                AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                     AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
              UNION ALL
              SELECT 6, CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
                     n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), p.oid, 'pg_proc'::regclass
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = ANY (?)
              UNION ALL
              SELECT 7, CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, n.nspname, t.typname, NULL, t.oid, 'pg_type'::regclass
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
              WHERE n.nspname = ANY (?) AND (t.typtype IN ('e', 'd', 'r')
                     OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
            ) o
            WHERE NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = o.catalog AND e.objid = o.id AND e.deptype = 'e')
            ORDER BY rank, nspname, name""";

    private static final String IDENTIFIER = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern CREATES = Pattern.compile("(?is)^\\s*create\\s+(?:or\\s+replace\\s+)?(?:(?:temp|temporary)\\s+)?"
            + "(?:recursive\\s+)?(materialized\\s+view|view|function|procedure)\\s+(?:if\\s+not\\s+exists\\s+)?" + IDENTIFIER
            + "(?:\\s*\\.\\s*" + IDENTIFIER + ")?");

    private final PostgresDialect dialect;

    PostgresObjects(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    /** A row of {@link #OBJECTS}: the object, and for a routine its argument types. */
    private record Found(DatabaseObject object, String arguments) {
    }

    private List<Found> find(Connection connection, Set<String> schemas) throws SQLException {
        List<Found> found = new ArrayList<>();
        Array names = connection.createArrayOf("text", schemas.toArray());
        try (PreparedStatement s = connection.prepareStatement(OBJECTS)) {
            s.setArray(1, names);
            s.setArray(2, names);
            s.setArray(3, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Found(new DatabaseObject(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4)));
                }
            }
        }
        return found;
    }

    List<DatabaseObject> objects(Connection connection, Set<String> schemas) throws SQLException {
        return find(connection, schemas).stream().map(Found::object).toList();
    }

    /**
     * One {@code DROP … IF EXISTS … CASCADE} per object, views first: what a cascade took already is skipped, and what
     * depends on an object across the schemas goes with it.
     */
    List<SqlStatement> dropAll(Connection connection, Set<String> schemas) throws SQLException {
        List<SqlStatement> drops = new ArrayList<>();
        for (Found found : find(connection, schemas)) {
            DatabaseObject object = found.object();
            String name = dialect.qualified(object.schema(), object.name());
            String kind = object.type().equals("aggregate") ? "AGGREGATE" : object.type().toUpperCase(Locale.ROOT);
            drops.add(SqlStatement.of("DROP " + kind + " IF EXISTS " + name + (found.arguments() == null ? "" : "(" + found.arguments() + ")")
                    + " CASCADE"));
        }
        return drops;
    }

    /** The view, materialized view, function or procedure a statement creates. */
    static Optional<DatabaseObject> createdBy(String statement) {
        Matcher m = CREATES.matcher(statement);
        if (!m.find()) {
            return Optional.empty();
        }
        String type = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return Optional.of(m.group(3) == null ? new DatabaseObject(type, null, name(m.group(2)))
                : new DatabaseObject(type, name(m.group(2)), name(m.group(3))));
    }

    /** An identifier as PostgreSQL stores it: folded to lower case unless quoted. */
    private static String name(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier.toLowerCase(Locale.ROOT);
    }
}
