package dev.retort.operation;

import java.sql.Connection;
import java.sql.SQLException;

/** Data-migration code that needs the connection itself; do not commit, roll back or close it. */
@FunctionalInterface
public interface JdbcWork {

    /** Does the work on the migration's connection. */
    void run(Connection connection) throws SQLException;
}
