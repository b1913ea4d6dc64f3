package dev.retort.h2.internal;

import java.sql.SQLException;

/** What H2's error codes mean for someone running migrations, in a sentence. */
final class H2Diagnosis {

    /** H2's "Database may be already in use": a file database another process has open. */
    static final int DATABASE_ALREADY_OPEN = 90020;

    private H2Diagnosis() {
    }

    static String explain(SQLException error) {
        return switch (error.getErrorCode()) {
            case DATABASE_ALREADY_OPEN -> "The H2 database file is open in another process (H2 lets one process open a file database): stop "
                    + "the application that has it open, or open the file through it, with ;AUTO_SERVER=TRUE in the URL of both.";
            case 90146 -> "The H2 database does not exist and the URL forbids creating it (IFEXISTS=TRUE); check the path, or create it first.";
            case 90048, 90030 -> "The H2 database file is damaged or was written by another H2 version (1.4 files do not open in 2.x): "
                    + "export it with the H2 that wrote it (SCRIPT TO) and import it into a new file (RUNSCRIPT FROM).";
            case 28000 -> "H2 refused the user or password: the user and password of an H2 file are those it was created with.";
            case 90096, 90097 -> "The H2 database is read-only (a read-only file, or ;ACCESS_MODE_DATA=r): migrate a writable copy.";
            case 50200 -> "A statement waited for a lock longer than {statementLockTimeout} allows (H2's LOCK_TIMEOUT): another connection "
                    + "holds the table. Run again when it is done.";
            case 57014 -> "A statement ran longer than {statementTimeout} allows (H2's QUERY_TIMEOUT); raise it for this run if the statement "
                    + "is expected to take that long.";
            case 90098, 90108 -> "H2 ran out of room (the disk is full or the file reached its limit); free space and run again. The DDL "
                    + "statements that ran before committed on their own.";
            case 90067 -> "The connection to the H2 server was lost; run again once it is back. The DDL statements that ran before "
                    + "committed on their own.";
            default -> null;
        };
    }

    /** The file another process has open, named, and what to do, as one sentence; null for any other failure. */
    static String connectFailure(SQLException error) {
        if (error.getErrorCode() != DATABASE_ALREADY_OPEN) {
            return null;
        }
        String message = error.getMessage() == null ? "" : error.getMessage();
        java.util.regex.Matcher file = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(message);
        return "the H2 database file " + (file.find() ? file.group(1) + " " : "") + "is open in another process, and H2 lets one process "
                + "open a file database at a time; stop the application that has it open, or add ;AUTO_SERVER=TRUE to the URL of both "
                + "so the second reaches it through the first";
    }

    /** A TCP server not answering yet is worth another try; a file another process holds is not (it is said at once). */
    static boolean notReachableYet(SQLException error) {
        return error.getErrorCode() == 90067 || error.getErrorCode() == 90028 && error.getMessage() != null
                && error.getMessage().contains("Connection refused");
    }

    /** Table, column, constraint, index, sequence, schema or domain of that name exists already. */
    static boolean alreadyExists(SQLException error) {
        return switch (error.getErrorCode()) {
            case 42101, 42121, 90045, 42111, 90035, 90078, 90119 -> true;
            default -> false;
        };
    }
}
