package dev.retort.h2.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.retort.platform.SqlStatement;

/** A fresh in-memory H2 database for one test, kept while a connection (or DB_CLOSE_DELAY) holds it. */
final class H2Db implements AutoCloseable {

    final String url;
    final Connection connection;

    H2Db(String name) throws SQLException {
        this.url = "jdbc:h2:mem:" + name + "_" + Long.toHexString(System.nanoTime()) + ";DB_CLOSE_DELAY=-1";
        this.connection = connect();
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        return new org.h2.Driver().connect(url, p);
    }

    void run(List<SqlStatement> statements) throws SQLException {
        for (SqlStatement statement : statements) {
            try (var s = connection.prepareStatement(statement.sql())) {
                for (int i = 0; i < statement.parameters().size(); i++) {
                    s.setObject(i + 1, statement.parameters().get(i));
                }
                s.execute();
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        execute("SHUTDOWN");
        connection.close();
    }
}
