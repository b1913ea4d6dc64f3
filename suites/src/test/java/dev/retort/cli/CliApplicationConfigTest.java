package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * The command line run from a Spring Boot application with no database named for Retort: it migrates the
 * application's own data source (spring.datasource.*) and says where that came from, the password never.
 */
@PostgresTest
class CliApplicationConfigTest {

    private static final String LINEAR = "dev.retort.fixtures.linear";
    private final TestDatabase db;

    @TempDir
    Path classes;

    CliApplicationConfigTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    /** The class path of a Spring Boot application (its marker class) with this application.yml. */
    private ClassLoader bootApplication(String yaml) throws IOException {
        Path marker = classes.resolve("org/springframework/boot/SpringApplication.class");
        Files.createDirectories(marker.getParent());
        Files.write(marker, new byte[0]);
        Files.writeString(classes.resolve("application.yml"), yaml);
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    private Cli.Result run(ClassLoader loader, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, environment, loader, o, e);
        }
        return new Cli.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void upgradesTheApplicationsDataSourceAndSaysWhereItCameFrom() throws IOException {
        // A server that trusts local connections never checks a password: one stands in for a real one there.
        String password = db.password() == null || db.password().isEmpty() ? "N0t-Printed!" : db.password();
        ClassLoader loader = bootApplication("""
                spring:
                  datasource:
                    url: %s
                    username: %s
                    password: %s
                retort:
                  package: %s
                """.formatted(db.jdbcUrl(), db.user(), password, LINEAR));
        Cli.Result up = run(loader, Map.of(), "upgrade");
        assertEquals(0, up.exit(), up.toString());
        assertTrue(up.out().startsWith("Database: " + db.jdbcUrl() + " as " + db.user() + ", from spring.datasource.url in application.yml.\n"),
                up.out());
        assertTrue(up.out().contains("Upgraded 3 revisions"), up.out());
        assertFalse(up.toString().contains(password), "the password is never printed");
        assertEquals(List.of("77e0d9c8b1a2"), db.column("select version_num from retort_version"));

        Cli.Result json = run(loader, Map.of(), "current", "--json");
        assertEquals(0, json.exit(), json.toString());
        assertTrue(json.err().startsWith("Database: "), "with --json the line goes to standard error: " + json);
        assertEquals("77e0d9c8b1a2", json.json().get(0).get("revision").asText(), json.out());
    }

    @Test
    void databaseUrlWinsOverTheApplicationsDataSourceAndNothingIsSaidAboutIt() throws IOException {
        ClassLoader loader = bootApplication("spring.datasource.url: jdbc:postgresql://127.0.0.1:1/nowhere\nretort.package: " + LINEAR + "\n");
        Cli.Result up = run(loader, Map.of("DATABASE_URL", db.jdbcUrl(), "RETORT_USER", db.user(), "RETORT_PASSWORD",
                db.password() == null ? "" : db.password()), "upgrade", "a1b2");
        assertEquals(0, up.exit(), up.toString());
        assertFalse(up.out().contains("Database:"), up.out());
        assertEquals(List.of("a1b2c3d4e5f6"), db.column("select version_num from retort_version"));
    }

    @Test
    void anUnsetPlaceholderInTheUrlIsOneLineNamingIt() throws IOException {
        ClassLoader loader = bootApplication("spring.datasource.url: jdbc:postgresql://${SHOP_DB_HOST}/shop\n");
        Cli.Result up = run(loader, Map.of(), "upgrade");
        assertEquals(1, up.exit(), up.toString());
        assertEquals("retort: --url (RETORT_URL) comes from spring.datasource.url in application.yml, whose placeholder ${SHOP_DB_HOST} is "
                + "set neither in the environment nor in the application's configuration; set SHOP_DB_HOST, or name the database for Retort "
                + "(DATABASE_URL).\n", up.err());
    }
}
