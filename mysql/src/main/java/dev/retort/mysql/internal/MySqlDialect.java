package dev.retort.mysql.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.retort.operation.DataType;
import dev.retort.operation.Operation;
import dev.retort.platform.ScriptPiece;
import dev.retort.platform.SqlDialect;
import dev.retort.platform.SqlStatement;

/**
 * MariaDB's and MySQL's SQL: identifiers in backticks, string literals with the backslash escaped as the server's
 * default {@code sql_mode} reads it, the mysql client's splitting, and session time-outs.
 */
final class MySqlDialect implements SqlDialect {

    private static final Pattern TABLE_LOCK = Pattern.compile("\\s*LOCK\\s+TABLES?\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_UNLOCK = Pattern.compile("\\s*UNLOCK\\s+TABLES?\\b", Pattern.CASE_INSENSITIVE);

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private final Flavour flavour;
    private final MySqlTypes types;
    private final MySqlRenderer renderer;

    MySqlDialect(Flavour flavour) {
        this.flavour = flavour;
        this.types = new MySqlTypes(flavour);
        this.renderer = new MySqlRenderer(this, flavour, types);
    }

    MySqlTypes types() {
        return types;
    }

    @Override
    public List<SqlStatement> render(Operation operation) {
        return renderer.render(operation);
    }

    /** Nothing must run outside a transaction here: DDL commits on its own anyway, and an online index build is a clause of its own. */
    @Override
    public boolean requiresNoTransaction(Operation operation) {
        return false;
    }

    /** {@code LOCK TABLES} / {@code LOCK TABLE}, as written by {@code withWritesHeld} or by hand. */
    @Override
    public boolean takesTableLocks(SqlStatement statement) {
        return TABLE_LOCK.matcher(statement.sql()).lookingAt();
    }

    @Override
    public boolean releasesTableLocks(SqlStatement statement) {
        return TABLE_UNLOCK.matcher(statement.sql()).lookingAt();
    }

    /** {@code UNLOCK TABLES}, which does nothing when the session holds no table lock. */
    @Override
    public List<SqlStatement> releaseTableLocks() {
        return List.of(SqlStatement.of("UNLOCK TABLES"));
    }

    @Override
    public String typeName(DataType type) {
        return types.render(type);
    }

    /** Always in backticks: MariaDB and MySQL reserve hundreds of words, and SHOW CREATE TABLE writes names so too. */
    @Override
    public String identifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("An identifier must not be empty.");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("An identifier must not contain a NUL character: " + name.replace('\0', '?'));
        }
        return '`' + name.replace("`", "``") + '`';
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
                throw new IllegalArgumentException(flavour.product() + " has no number " + text + "; store it as NULL or as text.");
            }
            return text;
        }
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder("X'");
            for (byte b : bytes) {
                hex.append(String.format(Locale.ROOT, "%02x", b));
            }
            return hex.append('\'').toString();
        }
        if (value instanceof Instant instant) {
            return quote(DATETIME.format(instant.atOffset(ZoneOffset.UTC)));
        }
        if (value instanceof OffsetDateTime time) {
            return quote(DATETIME.format(time.withOffsetSameInstant(ZoneOffset.UTC)));
        }
        if (value instanceof ZonedDateTime time) {
            return quote(DATETIME.format(time.withZoneSameInstant(ZoneOffset.UTC)));
        }
        if (value instanceof LocalDateTime time) {
            return quote(DATETIME.format(time));
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return quote(DATETIME.format(timestamp.toLocalDateTime()));
        }
        if (value instanceof UUID || value instanceof TemporalAccessor || value instanceof java.util.Date) {
            return quote(value.toString());
        }
        return quote(value.toString());
    }

    /** A string literal: quotes doubled, and the backslash (an escape character in the default sql_mode) and NUL escaped. */
    static String quote(String text) {
        return '\'' + text.replace("\\", "\\\\").replace("'", "''").replace("\0", "\\0") + '\'';
    }

    @Override
    public String inline(SqlStatement statement) {
        if (statement.parameters().isEmpty()) {
            return statement.sql();
        }
        return MySqlLexer.replaceParameterMarkers(statement.sql(), statement.parameters(), this::literal);
    }

    @Override
    public String scriptHeader() {
        return "-- Generated by Retort for " + flavour.product() + ". Review before running, e.g. mysql --database=<database> < <file>";
    }

    @Override
    public List<ScriptPiece> splitScript(String script) {
        return MySqlLexer.split(script);
    }

    /**
     * Null: the drivers send several statements at once only when the connection was opened for it
     * ({@code allowMultiQueries}), which Retort does not ask of an application's data source, and every DDL statement
     * commits on its own here, so a revision's last statement gains nothing by travelling with the COMMIT.
     */
    @Override
    public String withCommit(List<String> statements) {
        return null;
    }

    /**
     * {@code lock_wait_timeout} (seconds, for metadata locks: what DDL waits for), InnoDB's row-lock wait
     * ({@code innodb_lock_wait_timeout}), and the statement time-out: MariaDB's {@code max_statement_time} (seconds,
     * any statement) or MySQL's {@code max_execution_time} (milliseconds, SELECT only, the one MySQL has).
     */
    @Override
    public List<SqlStatement> setTimeouts(Duration lockTimeout, Duration statementTimeout) {
        // Zero means no limit: a year, the most lock_wait_timeout takes.
        long lockSeconds = lockTimeout.isZero() ? 31_536_000 : Math.max(1, (lockTimeout.toMillis() + 999) / 1000);
        return List.of(SqlStatement.of("SET SESSION lock_wait_timeout = " + lockSeconds),
                SqlStatement.of("SET SESSION innodb_lock_wait_timeout = " + lockSeconds),
                SqlStatement.of(flavour.mariaDb() ? "SET SESSION max_statement_time = " + seconds(statementTimeout)
                        : "SET SESSION max_execution_time = " + statementTimeout.toMillis()));
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    @Override
    public List<SqlStatement> resetTimeouts() {
        return List.of(SqlStatement.of("SET SESSION lock_wait_timeout = DEFAULT"), SqlStatement.of("SET SESSION innodb_lock_wait_timeout = DEFAULT"),
                SqlStatement.of(flavour.mariaDb() ? "SET SESSION max_statement_time = DEFAULT" : "SET SESSION max_execution_time = DEFAULT"));
    }

    @Override
    public String currentTimeouts() {
        return "SELECT @@SESSION.lock_wait_timeout, @@SESSION.innodb_lock_wait_timeout, "
                + (flavour.mariaDb() ? "@@SESSION.max_statement_time" : "@@SESSION.max_execution_time");
    }

    @Override
    public List<SqlStatement> restoreTimeouts(List<String> values) {
        return List.of(SqlStatement.of("SET SESSION lock_wait_timeout = " + number(values.get(0))),
                SqlStatement.of("SET SESSION innodb_lock_wait_timeout = " + number(values.get(1))),
                SqlStatement.of((flavour.mariaDb() ? "SET SESSION max_statement_time = " : "SET SESSION max_execution_time = ")
                        + number(values.get(2))));
    }

    /** A value read back from the session: a number, written as one (anything else puts the default back). */
    private static String number(String value) {
        return value != null && value.strip().matches("\\d+(\\.\\d+)?") ? value.strip() : "DEFAULT";
    }
}
