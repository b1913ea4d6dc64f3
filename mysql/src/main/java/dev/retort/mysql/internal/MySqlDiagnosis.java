package dev.retort.mysql.internal;

import java.net.SocketTimeoutException;
import java.sql.SQLException;

/** What MariaDB's and MySQL's error codes mean for someone running migrations, in a sentence. */
final class MySqlDiagnosis {

    private MySqlDiagnosis() {
    }

    static String explain(SQLException error, Flavour flavour) {
        int code = error.getErrorCode();
        String state = error.getSQLState() == null ? "" : error.getSQLState();
        if (code == 1142 && String.valueOf(error.getMessage()).contains("TRIGGER command denied")) {
            return "The database user lacks the TRIGGER privilege, which keeping a renamed column in step during a rolling deploy needs: "
                    + "GRANT TRIGGER on the database to the user that migrates.";
        }
        if (code == 1142 && String.valueOf(error.getMessage()).contains("CREATE VIEW command denied")) {
            return "The database user lacks the CREATE VIEW privilege, which keeping a renamed table's old name working during a rolling "
                    + "deploy needs: GRANT CREATE VIEW on the database to the user that migrates.";
        }
        return switch (code) {
            case 1044, 1142, 1143, 1227, 1370 -> "The database user lacks a privilege this needs: run migrations as a user with ALTER, CREATE, "
                    + "DROP, INDEX, REFERENCES, INSERT, UPDATE and DELETE on the database (and TRIGGER, CREATE VIEW and LOCK TABLES, for rolling deploys).";
            // Binary logging is on and the user is no SUPER: the server will not log a trigger it cannot trust to replay the same.
            case 1419 -> "With binary logging on, creating a trigger needs SUPER unless the server runs with "
                    + "log_bin_trust_function_creators=1: set that on the server (a managed server's parameter group), or migrate as a user "
                    + "with SUPER.";
            case 1290, 1792, 1836 -> "The server is read-only (read_only, or a replica): migrate the primary.";
            case 1969, 3024 -> "A statement ran longer than {statementTimeout} allows ("
                    + (flavour.mariaDb() ? "max_statement_time" : "max_execution_time") + "); raise it for this run if the statement is "
                    + "expected to take that long.";
            case 1205 -> "The statement waited for a lock longer than {statementLockTimeout} allows (lock_wait_timeout): another "
                    + "transaction holds the table. Run again later, or find the blocker in SHOW PROCESSLIST.";
            case 2006, 2013 -> lost(error);
            default -> state.startsWith("08") ? lost(error) : null;
        };
    }

    private static String lost(SQLException error) {
        return timedOut(error) ? "The database did not answer within {readTimeout}: check that the server and the network path to it "
                + "are up, or raise {readTimeout} if the server is only slow. The DDL statements that ran before committed on their own."
                : "The connection to the database was lost; run again once it is back. The DDL statements that ran before committed on "
                + "their own.";
    }

    /** Connection failures (class 08), too many connections and a server still starting are worth another try. */
    static boolean notReachableYet(SQLException error) {
        String state = error.getSQLState();
        int code = error.getErrorCode();
        if (code == 1040 || code == 1053 || code == 2002 || code == 2003) {
            return true;
        }
        return state == null ? error.getCause() instanceof java.io.IOException : state.startsWith("08");
    }

    /** Table, column, key, constraint, foreign key, database or check of that name exists already. */
    static boolean alreadyExists(SQLException error) {
        return switch (error.getErrorCode()) {
            case 1007, 1050, 1060, 1061, 1826, 3822, 4028 -> true;
            default -> false;
        };
    }

    private static boolean timedOut(SQLException error) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
