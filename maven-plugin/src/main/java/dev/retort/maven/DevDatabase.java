package dev.retort.maven;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.retort.DatabaseUrl;
import dev.retort.Messages;

/**
 * A throwaway database to upgrade to head and compare the entities with, so generate and check
 * never depend on the state of a developer's own database: a PostgreSQL container
 * ({@code docker}), or a fresh database on a scratch server (a JDBC URL). Removed on close.
 */
final class DevDatabase implements AutoCloseable {

    /** The image used when {@code migrations.devImage} is not set. */
    static final String DEFAULT_IMAGE = "postgres:17";

    final String jdbcUrl;
    final String user;
    final String password;
    private final Runnable cleanup;

    private DevDatabase(String jdbcUrl, String user, String password, Runnable cleanup) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.cleanup = cleanup;
    }

    /** Starts the dev database the spec names: {@code docker}, or the URL of a scratch server. */
    static DevDatabase start(String spec, String image, Log log) throws MojoFailureException {
        if ("docker".equals(spec.trim().toLowerCase(Locale.ROOT))) {
            return container(image == null || image.isBlank() ? DEFAULT_IMAGE : image, log);
        }
        return scratch(DatabaseUrl.parse(spec), log);
    }

    private static DevDatabase container(String image, Log log) throws MojoFailureException {
        String dockerHost = System.getenv("DOCKER_HOST");
        String unreachable = dockerHost == null || dockerHost.isBlank() ? null : unreachable(dockerHost);
        if (unreachable != null || !dockerAvailable()) {
            throw new MojoFailureException("migrations.devDatabase=docker needs Docker, which is not available here"
                    + (unreachable == null ? "" : " (" + unreachable + ")") + "; start Docker, or set migrations.devDatabase to the JDBC URL "
                    + "of a scratch PostgreSQL server.");
        }
        long start = System.nanoTime();
        @SuppressWarnings("resource") // stopped by cleanup
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new MojoFailureException("The dev database container (" + image + ") did not start: " + Messages.rootMessage(e)
                    + ". Check that the image can be pulled, or set migrations.devImage.", e);
        }
        log.info(String.format("Started dev database %s (%s) in %.1f s.", image, container.getContainerName(),
                (System.nanoTime() - start) / 1e9));
        return new DevDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(), () -> {
            container.stop();
            log.info("Removed the dev database container.");
        });
    }

    /**
     * Why the daemon DOCKER_HOST names does not answer, or null when it does. Checked here because
     * Testcontainers would otherwise fall back to another daemon than the one the user chose.
     */
    private static String unreachable(String dockerHost) {
        try {
            URI uri = URI.create(dockerHost);
            if ("unix".equals(uri.getScheme())) {
                return Files.exists(Path.of(uri.getPath())) ? null : "DOCKER_HOST=" + dockerHost + " names no socket";
            }
            if ("tcp".equals(uri.getScheme())) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
                    return null;
                } catch (IOException e) {
                    return "DOCKER_HOST=" + dockerHost + " does not answer";
                }
            }
        } catch (IllegalArgumentException e) {
            return "DOCKER_HOST=" + dockerHost + " is not a Docker address";
        }
        return null;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static DevDatabase scratch(DatabaseUrl server, Log log) throws MojoFailureException {
        String name = "retort_dev_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        execute(server, "CREATE DATABASE " + name);
        String url;
        try {
            url = server.withDatabase(name).jdbcUrl();
        } catch (dev.retort.RetortException e) {
            execute(server, "DROP DATABASE IF EXISTS " + name);
            throw new MojoFailureException("migrations.devDatabase: " + e.getMessage());
        }
        log.info("Created dev database " + name + " on " + DatabaseUrl.mask(server.jdbcUrl()) + ".");
        return new DevDatabase(url, server.user(), server.password(), () -> {
            try {
                execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                log.info("Dropped dev database " + name + ".");
            } catch (MojoFailureException e) {
                log.warn(e.getMessage());
            }
        });
    }

    private static void execute(DatabaseUrl server, String sql) throws MojoFailureException {
        Properties props = new Properties();
        if (server.user() != null) {
            props.setProperty("user", server.user());
        }
        if (server.password() != null) {
            props.setProperty("password", server.password());
        }
        try (Connection c = new org.postgresql.Driver().connect(server.jdbcUrl(), props); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException | NullPointerException e) {
            throw new MojoFailureException("The dev database server " + DatabaseUrl.mask(server.jdbcUrl()) + " refused " + sql + ": "
                    + Messages.rootMessage(e) + ". It must accept connections and let the user create databases.", e);
        }
    }

    @Override
    public void close() {
        cleanup.run();
    }
}
