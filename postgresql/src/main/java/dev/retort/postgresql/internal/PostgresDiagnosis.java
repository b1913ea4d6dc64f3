package dev.retort.postgresql.internal;

import java.net.SocketTimeoutException;
import java.sql.SQLException;

/** What PostgreSQL's error codes mean for someone running migrations, in a sentence. */
final class PostgresDiagnosis {

    private PostgresDiagnosis() {
    }

    static String explain(SQLException error) {
        String state = error.getSQLState();
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "42501", "3F000" -> "The database user lacks a privilege this needs: run migrations as a user that owns the schema "
                    + "(or has CREATE on it and owns the tables the revisions change).";
            case "25006" -> "The connection is read-only (a hot standby, or default_transaction_read_only): migrate the primary.";
            case "57014" -> message.contains("statement timeout")
                    ? "A statement ran longer than {statementTimeout} allows; raise it for this run if the statement is expected "
                    + "to take that long."
                    : message.contains("lock timeout") ? "The statement waited for a table lock longer than {statementLockTimeout} "
                    + "allows: another transaction holds it. Run again later, or find the blocker in pg_stat_activity."
                    : null;
            case "55P03" -> "The statement waited for a table lock longer than {statementLockTimeout} allows: another transaction "
                    + "holds it. Run again later, or find the blocker in pg_stat_activity.";
            case "08006", "08003", "57P01", "57P02", "57P03" -> timedOut(error) ? "The database did not answer within {readTimeout}: "
                    + "check that the server and the network path to it are up (a frozen server, a firewall dropping an idle "
                    + "connection), or raise {readTimeout} if the server is only slow; a transactional revision that was running "
                    + "was rolled back."
                    : "The connection to the database was lost; run again once it is back: "
                    + "a transactional revision that was running was rolled back.";
            default -> null;
        };
    }

    /** Connection failures (class 08), and a server still starting up (57P03), are worth another try. */
    static boolean notReachableYet(SQLException error) {
        String state = error.getSQLState();
        return state == null ? error.getCause() instanceof java.io.IOException
                : state.startsWith("08") || state.equals("57P03");
    }

    /** duplicate_table, duplicate_column, duplicate_object, duplicate_schema. */
    static boolean alreadyExists(SQLException error) {
        String state = error.getSQLState();
        return "42P07".equals(state) || "42701".equals(state) || "42710".equals(state) || "42P06".equals(state);
    }

    /** Whether the driver gave up waiting for an answer (its network timeout, Retort's readTimeout) rather than lost the connection. */
    private static boolean timedOut(SQLException error) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
