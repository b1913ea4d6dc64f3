package dev.retort.internal.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

import dev.retort.RetortException;
import dev.retort.platform.DatabaseUrl;

/**
 * A data source that opens a new driver connection each time. A run holds one connection for its lock and
 * opens at most one more for reads, so a pool would add start-up time and threads and save nothing;
 * applications that want pooling hand Retort their own data source.
 *
 * <p>The driver is found through {@link ServiceLoader} on the thread's and Retort's class loaders rather
 * than through {@link java.sql.DriverManager}, whose list depends on which class loader touched it first
 * (in a Maven build, often not the one holding the driver).
 */
public final class DriverDataSource extends PlainDataSource {

    private final String url;
    private final Properties properties;
    private final String driverName;
    /** Found once: the service lookup reads every jar's service files, on each connection otherwise. */
    private volatile Driver driver;

    /**
     * A data source for the URL.
     *
     * @param url        the JDBC URL, without credentials
     * @param user       the user, or null
     * @param password   the password, or null
     * @param properties further driver properties (time-outs, application name)
     * @param driverName the driver to add when none accepts the URL, for the message: {@code org.example:driver}
     */
    public DriverDataSource(String url, String user, String password, Properties properties, String driverName) {
        this.url = url;
        this.driverName = driverName;
        this.properties = new Properties();
        this.properties.putAll(properties);
        if (user != null) {
            this.properties.setProperty("user", user);
        }
        if (password != null) {
            this.properties.setProperty("password", password);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Driver driver = driver();
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("The JDBC driver " + driver.getClass().getName() + " does not accept " + DatabaseUrl.mask(url));
        }
        return connection;
    }

    private Driver driver() throws SQLException {
        Driver found = driver;
        if (found == null) {
            found = findDriver();
            driver = found;
        }
        return found;
    }

    private Driver findDriver() throws SQLException {
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(DriverDataSource.class.getClassLoader());
        for (ClassLoader loader : loaders) {
            for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                if (driver.acceptsURL(url)) {
                    return driver;
                }
            }
        }
        throw new RetortException("No JDBC driver on the class path accepts " + DatabaseUrl.mask(url)
                + "; add the database's driver" + (driverName == null ? "" : ", " + driverName) + ", to the class path.");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.setProperty("user", username);
        copy.setProperty("password", password);
        return new DriverDataSource(url, username, password, copy, driverName).getConnection();
    }

    @Override
    public String toString() {
        return DatabaseUrl.mask(url);
    }
}
