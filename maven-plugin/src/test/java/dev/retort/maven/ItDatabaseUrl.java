package dev.retort.maven;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.retort.testing.InvokerSupport;
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
        // A role of the IT's own with a distinctive password, so the IT can look for it in Maven's debug output.
        String role = "it_owner_" + db.name().substring(db.name().lastIndexOf('_') + 1);
        PostgresServer.forIntegrationTests().createOwner(db, role, InvokerSupport.SECRET);
        String hostAndDatabase = db.jdbcUrl().substring("jdbc:postgresql://".length());
        String credentials = role + ":" + URLEncoder.encode(InvokerSupport.SECRET, StandardCharsets.UTF_8);
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, "retort.it.databaseUrl=postgresql://" + credentials + "@" + hostAndDatabase + "\n"
                + "retort.it.databaseUrl.jdbc=" + db.jdbcUrl() + "\n" + "retort.it.databaseUrl.name=" + db.name() + "\n"
                + "retort.it.databaseUrl.role=" + role + "\n");
    }
}
