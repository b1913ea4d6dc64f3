package dev.retort.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Everything PostgreSQL-specific lives in {@code dev.retort.internal.postgres}: no string in any other main
 * source of core (where SQL, catalog names, URL forms and error codes would be) holds PostgreSQL-only text.
 */
class PlatformSeamTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path POSTGRES = SOURCES.resolve("dev/retort/internal/postgres");
    private static final Pattern POSTGRES_ONLY = Pattern.compile(
            "pg_[a-z]|to_regclass|format_type|clock_timestamp|advisory|\\btimestamptz\\b\\s|::[a-z]|psql|\"public\"|jdbc:postgresql"
                    + "|postgres(ql)?://|CONCURRENTLY|GENERATED (BY DEFAULT|ALWAYS)|\\bctid\\b|current_schema|regclass|oid\\b"
                    // PostgreSQL's own SQLSTATE codes (42P07, 57P03, ...): what an error means is the platform's to say
                    + "|^[0-9A-Z]{2}P[0-9A-Z]{2}$");

    @Test
    void noPostgresqlOnlySqlOutsideThePostgresqlPackage() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(POSTGRES)).forEach(f -> {
                for (String literal : stringLiterals(read(f))) {
                    Matcher m = POSTGRES_ONLY.matcher(literal);
                    if (m.find()) {
                        found.add(SOURCES.relativize(f) + ": \"" + literal + "\"");
                    }
                }
            });
        }
        assertEquals(List.of(), found, "PostgreSQL-specific code belongs behind the Platform interface, in dev.retort.internal.postgres");
    }

    @Test
    void theCheckFindsPostgresqlOnlyTextWhereItBelongs() throws IOException {
        long found;
        try (Stream<Path> files = Files.walk(POSTGRES)) {
            found = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> stringLiterals(read(f)).stream()).filter(l -> POSTGRES_ONLY.matcher(l).find()).count();
        }
        org.junit.jupiter.api.Assertions.assertTrue(found > 10, "the PostgreSQL package itself must be full of it; found " + found);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contents of the string literals and text blocks of a Java source, comments and character literals skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) < 0 ? n : source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(source.substring(i + 1, j));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }
}
