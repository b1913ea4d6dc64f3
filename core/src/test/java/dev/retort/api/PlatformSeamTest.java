package dev.retort.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Core names no database: every database is a module of its own behind {@link dev.retort.platform.Platform}. No
 * string in core's main sources (where SQL, catalog names, URL forms and error codes would be) holds text of a
 * particular database, and the build's enforcer rule keeps their drivers and modules off core's class path.
 */
class PlatformSeamTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path POSTGRESQL_MODULE = Path.of("../postgresql/src/main/java");
    private static final Pattern DATABASE_SPECIFIC = Pattern.compile(
            // PostgreSQL
            "pg_[a-z]|to_regclass|format_type|clock_timestamp|advisory|\\btimestamptz\\b\\s|::[a-z]|psql|\"public\"|jdbc:postgresql"
                    + "|postgres(ql)?://|CONCURRENTLY|GENERATED (BY DEFAULT|ALWAYS)|\\bctid\\b|current_schema|regclass|oid\\b"
                    // PostgreSQL's own SQLSTATE codes (42P07, 57P03, ...): what an error means is the platform's to say
                    + "|^[0-9A-Z]{2}P[0-9A-Z]{2}$"
                    // any database by name, URL or image
                    + "|(?i)postgres|mysql|mariadb|\\bh2\\b|jdbc:h2|information_schema|GET_LOCK|AUTO_INCREMENT");

    @Test
    void coreHoldsNoTextOfAParticularDatabase() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                for (String literal : stringLiterals(read(f))) {
                    Matcher m = DATABASE_SPECIFIC.matcher(literal);
                    if (m.find()) {
                        found.add(SOURCES.relativize(f) + ": \"" + literal + "\"");
                    }
                }
            });
        }
        assertEquals(List.of(), found, "Database-specific code belongs behind the Platform interface, in that database's module");
    }

    @Test
    void theCheckFindsDatabaseTextWhereItBelongs() throws IOException {
        long found;
        try (Stream<Path> files = Files.walk(POSTGRESQL_MODULE)) {
            found = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> stringLiterals(read(f)).stream()).filter(l -> DATABASE_SPECIFIC.matcher(l).find()).count();
        }
        assertTrue(found > 10, "the PostgreSQL module itself must be full of it; found " + found);
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
