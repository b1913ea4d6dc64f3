package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.hibernate.model.library.Address;
import dev.retort.hibernate.model.library.Author;
import dev.retort.hibernate.model.library.Book;
import dev.retort.hibernate.model.library.Tag;
import dev.retort.schema.SchemaModel;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** When generate refuses, and when it has nothing to write. */
@PostgresTest
class GenerateRulesTest {

    private final TestDatabase db;

    GenerateRulesTest(TestDatabase db) {
        this.db = db;
    }

    private static long files(Path work) throws IOException {
        Path src = work.resolve("src");
        if (!Files.exists(src)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(f -> f.toString().endsWith(".java")).count();
        }
    }

    private static SchemaModel library() {
        return HibernateSchemaReader.read(List.of(Author.class, Book.class, Tag.class, Address.class), Map.of());
    }

    @Test
    void entitiesFoundByPackageScanDescribeTheSameSchema() {
        SchemaModel scanned = HibernateSchemaReader.scan(getClass().getClassLoader(), List.of("dev.retort.hibernate.model.library"), Map.of());
        assertEquals(library(), scanned);
        RetortException none = assertThrows(RetortException.class,
                () -> HibernateSchemaReader.scan(getClass().getClassLoader(), List.of("com.example.nothing"), Map.of()));
        assertEquals("No @Entity class was found in package(s) com.example.nothing; check retort.entityPackages and that the "
                + "project is compiled.", none.getMessage());
        db.reset();
        assertTrue(db.column("select tablename from pg_tables where schemaname = 'public'").isEmpty());
    }

    @Test
    void refusesWhenTheDatabaseIsNotAtHeadAndNamesThePendingRevisions(@TempDir Path work) throws IOException {
        db.reset();
        Convergence c = new Convergence(db, work);
        String revision = c.generate(library(), "initial").revision();
        try (Retort retort = c.retort()) {
            RetortException e = assertThrows(RetortException.class, () -> retort.generate(dev.retort.schema.SchemaSource.of(library()), "again"));
            assertEquals("The database is not at head: 1 revision(s) pending (" + revision + "). Run upgrade first, so the new revision "
                    + "is computed from the latest schema.", e.getMessage());
        }
        assertEquals(1, files(work), "a refused generate writes no file");
    }

    @Test
    void writesNothingWhenNoChangeIsDetected(@TempDir Path work) throws IOException {
        db.reset();
        Convergence c = new Convergence(db, work);
        c.generate(library(), "initial");
        c.upgrade();
        dev.retort.command.Generated again = c.generate(library(), "nothing");
        assertTrue(again.nothingToDo());
        assertTrue(again.comparison().isEmpty());
        assertEquals(1, files(work));
    }

    @Test
    void anEmptyRevisionNeedsNoDatabaseAndSitsOnTheCurrentHead(@TempDir Path work) throws IOException {
        db.reset();
        Convergence c = new Convergence(db, work);
        String first = c.generate(library(), "initial").revision();
        try (Retort retort = c.retort()) {
            dev.retort.command.Generated empty = retort.generateEmpty("backfill emails");
            String source = Files.readString(empty.file());
            assertTrue(source.contains("parents = \"" + first + "\""), source);
            assertTrue(source.contains("message = \"backfill emails\""), source);
            assertTrue(empty.file().getFileName().toString().matches("M[0-9a-f]{12}_BackfillEmails\\.java"), empty.file().toString());
        }
        assertEquals(2, files(work));
    }
}
