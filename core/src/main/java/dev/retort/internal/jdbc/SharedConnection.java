package dev.retort.internal.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

import javax.sql.DataSource;

/**
 * One connection handed out again and again, for a throwaway database that one command works on for a while
 * ({@code verify} runs hundreds of short steps): opening a connection costs more than most of those steps. Callers
 * close what they get as usual; the connection itself stays open until this is closed. Not for concurrent use.
 */
public final class SharedConnection extends PlainDataSource implements AutoCloseable {

    private final DataSource source;
    private Connection connection;

    /** Shares one connection of {@code source}, opened on first use. */
    public SharedConnection(DataSource source) {
        this.source = source;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = source.getConnection();
        }
        Connection shared = connection;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                return null;
            }
            try {
                return method.invoke(shared, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("A shared connection has its credentials already.");
    }

    /** Closes the connection. */
    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // a throwaway database's connection: nothing depends on closing it cleanly
        }
    }
}
