package dev.retort.mysql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.command.Direction;
import dev.retort.platform.SqlStatement;
import dev.retort.platform.VersionTableSql;

/**
 * Retort's own tables on MariaDB and MySQL: InnoDB, so their rows are written and rolled back in transactions even
 * though the DDL around them is not. Values are written as literals, so online and offline runs execute the same text.
 */
final class MySqlVersionTables implements VersionTableSql {

    private final MySqlDialect dialect;
    private final String schema;
    private final String versionTable;
    private final String historyTable;

    MySqlVersionTables(MySqlDialect dialect, String schema, String versionTable, String historyTable) {
        this.dialect = dialect;
        this.schema = schema == null || schema.isEmpty() ? null : schema;
        this.versionTable = dialect.qualified(this.schema, versionTable);
        this.historyTable = dialect.qualified(this.schema, historyTable);
    }

    /** Whether the table exists: its qualified name, in backticks, read back into database and table. */
    @Override
    public boolean exists(Connection connection, String qualifiedTable) throws SQLException {
        List<String> parts = unquote(qualifiedTable);
        String sql = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                + (parts.size() > 1 ? "?" : "DATABASE()") + " AND table_name = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            int i = 1;
            if (parts.size() > 1) {
                s.setString(i++, parts.get(0));
            }
            s.setString(i, parts.get(parts.size() - 1));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /** The parts of a qualified name as the dialect writes it: {@code `db`.`table`}. */
    static List<String> unquote(String qualified) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < qualified.length(); i++) {
            char c = qualified.charAt(i);
            if (c == '`' && quoted && i + 1 < qualified.length() && qualified.charAt(i + 1) == '`') {
                part.append('`');
                i++;
            } else if (c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    @Override
    public String versionTable() {
        return versionTable;
    }

    @Override
    public String historyTable() {
        return historyTable;
    }

    @Override
    public List<SqlStatement> create() {
        List<SqlStatement> statements = new ArrayList<>();
        if (schema != null) {
            statements.add(SqlStatement.of("CREATE DATABASE IF NOT EXISTS " + dialect.identifier(schema)));
        }
        statements.add(SqlStatement.of("CREATE TABLE IF NOT EXISTS " + versionTable + " (\n"
                + "    version_num varchar(64) NOT NULL PRIMARY KEY\n"
                + ") ENGINE=InnoDB"));
        statements.add(SqlStatement.of("CREATE TABLE IF NOT EXISTS " + historyTable + " (\n"
                + "    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
                + "    revision varchar(64) NOT NULL,\n"
                + "    direction varchar(8) NOT NULL,\n"
                + "    message text,\n"
                + "    checksum char(64),\n"
                + "    applied_by varchar(288) NOT NULL DEFAULT (current_user()),\n"
                + "    applied_at datetime(6) NOT NULL DEFAULT current_timestamp(6),\n"
                + "    execution_ms bigint,\n"
                + "    success boolean NOT NULL,\n"
                + "    progress integer\n"
                + ") ENGINE=InnoDB"));
        return statements;
    }

    @Override
    public String selectHeads() {
        return "SELECT version_num FROM " + versionTable + " ORDER BY version_num";
    }

    @Override
    public String selectHistory() {
        return "SELECT id, revision, direction, message, checksum, applied_by, applied_at, execution_ms, success, progress FROM "
                + historyTable + " ORDER BY id";
    }

    @Override
    public List<SqlStatement> move(Set<String> before, Set<String> after) {
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        List<SqlStatement> statements = new ArrayList<>();
        Iterator<String> adds = added.iterator();
        List<String> deletes = new ArrayList<>();
        for (String old : removed) {
            if (adds.hasNext()) {
                statements.add(SqlStatement.of("UPDATE " + versionTable + " SET version_num = " + dialect.literal(adds.next())
                        + " WHERE version_num = " + dialect.literal(old)));
            } else {
                deletes.add(dialect.literal(old));
            }
        }
        if (!deletes.isEmpty()) {
            statements.add(SqlStatement.of("DELETE FROM " + versionTable + " WHERE version_num IN (" + String.join(", ", deletes) + ")"));
        }
        while (adds.hasNext()) {
            statements.add(SqlStatement.of("INSERT INTO " + versionTable + " (version_num) VALUES (" + dialect.literal(adds.next()) + ")"));
        }
        return statements;
    }

    @Override
    public SqlStatement purge() {
        return SqlStatement.of("DELETE FROM " + versionTable);
    }

    @Override
    public SqlStatement historyStart(String revision, Direction direction, String message, String checksum, boolean success) {
        return SqlStatement.of("INSERT INTO " + historyTable + " (revision, direction, message, checksum, success) VALUES ("
                + dialect.literal(revision) + ", " + dialect.literal(direction.label()) + ", " + dialect.literal(message) + ", "
                + dialect.literal(checksum) + ", " + dialect.literal(success) + ")");
    }

    /** Marks the newest row of a revision finished; its duration from the server's clock (the table can be read while updated). */
    @Override
    public SqlStatement historyFinish(String revision) {
        return SqlStatement.of("UPDATE " + historyTable + " SET success = TRUE, execution_ms = "
                + "TIMESTAMPDIFF(MICROSECOND, applied_at, current_timestamp(6)) DIV 1000 WHERE revision = " + dialect.literal(revision)
                + " ORDER BY id DESC LIMIT 1");
    }

    @Override
    public SqlStatement historyStopped(String revision, long millis) {
        return SqlStatement.of("UPDATE " + historyTable + " SET execution_ms = " + millis + " WHERE revision = " + dialect.literal(revision)
                + " ORDER BY id DESC LIMIT 1");
    }

    @Override
    public SqlStatement historyProgress(String revision, int statement) {
        return SqlStatement.of("UPDATE " + historyTable + " SET progress = " + statement + " WHERE revision = " + dialect.literal(revision)
                + " ORDER BY id DESC LIMIT 1");
    }

    /**
     * Written last in its transaction. The server cannot tell when a transaction began (short of a privilege the
     * migrating user need not have), so the row says when it committed, and its duration is 0.
     */
    @Override
    public SqlStatement historyRecord(String revision, Direction direction, String message, String checksum) {
        return SqlStatement.of("INSERT INTO " + historyTable + " (revision, direction, message, checksum, applied_at, execution_ms, success) "
                + "VALUES (" + dialect.literal(revision) + ", " + dialect.literal(direction.label()) + ", " + dialect.literal(message) + ", "
                + dialect.literal(checksum) + ", current_timestamp(6), 0, TRUE)");
    }

    @Override
    public SqlStatement historyFailure(String revision, Direction direction, String message, String checksum, long millis) {
        return SqlStatement.of("INSERT INTO " + historyTable + " (revision, direction, message, checksum, execution_ms, success) VALUES ("
                + dialect.literal(revision) + ", " + dialect.literal(direction.label()) + ", " + dialect.literal(message) + ", "
                + dialect.literal(checksum) + ", " + millis + ", FALSE)");
    }
}
