package dev.retort.postgresql.internal;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.retort.MigrationListener;
import dev.retort.RetortException;
import dev.retort.containers.DevContainers;
import dev.retort.platform.DevDatabase;

/** A dev database in a Testcontainers PostgreSQL container; only loaded when Testcontainers is on the class path. */
final class PostgresContainer {

    private PostgresContainer() {
    }

    static DevDatabase start(String image, MigrationListener log) {
        long start = System.nanoTime();
        DevContainers.prepare(image, "embedded (no Docker needed) or to the JDBC URL of a scratch PostgreSQL server", log::note);
        @SuppressWarnings("resource") // stopped by cleanup
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        DevContainers.start(container, image, start, log::note);
        return new PostgresDevDatabases.Handle(container.getJdbcUrl(), container.getUsername(), container.getPassword(), () -> {
            container.stop();
            log.note("Removed the dev database container.");
        });
    }
}
