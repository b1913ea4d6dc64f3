package dev.retort.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.retort.testing.TestDatabase;

/** Runs the command line in-process against a test database, as a container's release step would run it. */
final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a run printed and returned.
     *
     * @param exit the exit code
     * @param out  standard output
     * @param err  standard error
     */
    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final Map<String, String> environment = new HashMap<>();

    /**
     * A command line with no database. The suites carry every platform module, so it names the platform the fixtures
     * are written for, as an application jar with one platform module need not; a URL still names its own.
     */
    Cli() {
        environment.put("RETORT_PLATFORM", "postgresql");
    }

    /** A command line whose environment points at the database through DATABASE_URL and RETORT_* variables. */
    static Cli against(TestDatabase db, String migrationsPackage) {
        Cli cli = new Cli();
        cli.environment.put("RETORT_PLATFORM", db.platform());
        cli.environment.put("DATABASE_URL", db.jdbcUrl());
        cli.environment.put("RETORT_USER", db.user());
        if (db.password() != null && !db.password().isEmpty()) {
            cli.environment.put("RETORT_PASSWORD", db.password());
        }
        cli.environment.put("RETORT_PACKAGE", migrationsPackage);
        return cli;
    }

    Cli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, environment, o, e);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
