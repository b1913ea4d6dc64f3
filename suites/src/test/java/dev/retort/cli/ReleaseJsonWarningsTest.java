package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** The release report's {@code warnings}: in the JSON a pipeline reads, the same sentences the human output prints. */
@PostgresTest
class ReleaseJsonWarningsTest {

    private static final String WARNING = "revision 77e0d9c8b1a2 ran outside a transaction (non-transactional revision)";
    private final TestDatabase db;

    ReleaseJsonWarningsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    private static List<String> texts(JsonNode array) {
        assertTrue(array.isArray(), "warnings is an array: " + array);
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    void aNonTransactionalRevisionIsAWarningInTheReportFileAndOnStandardOutput(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("release.json");
        Cli.Result human = Cli.against(db, "dev.retort.fixtures.linear").run("release", "--report", report.toString());
        assertEquals(0, human.exit(), human.toString());
        assertTrue(human.out().contains("warning: " + WARNING), human.out());
        assertEquals(List.of(WARNING), texts(new ObjectMapper().readTree(Files.readString(report)).get("warnings")));

        db.reset();
        Cli.Result json = Cli.against(db, "dev.retort.fixtures.linear").run("release", "--json");
        assertEquals(0, json.exit(), json.toString());
        assertEquals(List.of(WARNING), texts(json.json().get("warnings")));
    }

    @Test
    void aReleaseWithNothingToWarnAboutHasAnEmptyList() {
        Cli cli = Cli.against(db, "dev.retort.fixtures.linear");
        assertEquals(0, cli.run("release").exit());
        Cli.Result again = cli.run("release", "--json");
        assertEquals(0, again.exit(), again.toString());
        assertEquals(List.of(), texts(again.json().get("warnings")), "nothing ran, so nothing to warn about");

        db.reset();
        Cli.Result failed = Cli.against(db, "dev.retort.fixtures.failing").run("release", "--json");
        assertEquals(1, failed.exit(), failed.toString());
        assertEquals(List.of(), texts(failed.json().get("warnings")), "transactional revisions, even a failing one, warn of nothing");
    }
}
