package dev.retort.maven;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.retort.testing.PostgresServer;
import dev.retort.testing.TestDatabase;

/**
 * Runs before the Invoker ITs: creates the database of the IT that reads {@code DATABASE_URL}, and
 * writes that URL, in {@code postgresql://user:password@host:port/db} form, as a property the IT's
 * environment is interpolated from (an environment variable cannot be set from a pre-build script).
 */
public final class ItDatabaseUrl {

    private ItDatabaseUrl() {
    }

    public static void main(String[] args) throws IOException {
        TestDatabase db = PostgresServer.forIntegrationTests().createDatabase("it_database_url");
        String hostAndDatabase = db.jdbcUrl().substring("jdbc:postgresql://".length());
        String credentials = URLEncoder.encode(db.user(), StandardCharsets.UTF_8)
                + (db.password().isEmpty() ? "" : ":" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, "retort.it.databaseUrl=postgresql://" + credentials + "@" + hostAndDatabase + "\n"
                + "retort.it.databaseUrl.jdbc=" + db.jdbcUrl() + "\n" + "retort.it.databaseUrl.name=" + db.name() + "\n");
    }
}
