package dev.retort.mysql.internal;

import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.utility.DockerImageName;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.containers.DevContainers;
import dev.retort.platform.DevDatabase;

/**
 * A dev database in a Testcontainers container: MariaDB's module for either flavour's image (the MariaDB container runs
 * a MySQL image as well, both reading the same {@code MYSQL_*} variables). Loaded only when {@code docker} is asked for.
 */
final class MySqlContainer {

    private MySqlContainer() {
    }

    static DevDatabase start(Flavour flavour, String image, MigrationListener log) {
        try {
            Class.forName("org.testcontainers.mariadb.MariaDBContainer", false, MySqlContainer.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RetortException("{devDatabase}=docker needs org.testcontainers:testcontainers-mariadb on the class path; add it, or "
                    + "set {devDatabase} to the JDBC URL of a scratch " + flavour.product() + " server.");
        }
        long start = System.nanoTime();
        DevContainers.prepare(image, "the JDBC URL of a scratch " + flavour.product() + " server", log::note);
        @SuppressWarnings("resource") // stopped by the handle's cleanup
        JdbcDatabaseContainer<?> container = new org.testcontainers.mariadb.MariaDBContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor(flavour.mariaDb() ? "mariadb" : "mysql"));
        DevContainers.start(container, image, start, log::note);
        String url = container.getJdbcUrl();
        if (!flavour.mariaDb()) {
            // A MySQL server is the mysql platform's: its URL, which MariaDB's driver takes with permitMysqlScheme.
            url = url.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:") + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        return new MySqlDevDatabases.Handle(url, container.getUsername(), container.getPassword(), () -> {
            container.stop();
            log.note("Removed the dev database container.");
        });
    }
}
