package dev.retort.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** Each kind of broken migration set gets its own clear message, and the database is never touched. */
@PostgresTest
class GraphErrorsTest {

    private final TestDatabase db;

    GraphErrorsTest(TestDatabase db) {
        this.db = db;
    }

    @org.junit.jupiter.api.Test
    void anIdLongerThanTheVersionTableHoldsIsRefused() {
        String id = "a".repeat(65);
        RevisionGraphException e = org.junit.jupiter.api.Assertions.assertThrows(RevisionGraphException.class,
                () -> dev.retort.testing.Revs.graph().rev(id).retort(db));
        assertEquals("The revision graph is not valid: test " + id + " declares revision id '" + id
                + "', longer than 64 characters (the version table's limit).", e.getMessage());
        assertNull(db.value("select to_regclass('retort_version')::text"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            duplicate     | The revision graph is not valid: duplicate revision id aaaa00000001 in dev.retort.fixtures.duplicate.First and dev.retort.fixtures.duplicate.Second.
            unknownparent | The revision graph is not valid: revision bbbb00000001 (dev.retort.fixtures.unknownparent.Orphan) names parent ffff00000000, which no migration declares.
            cycle         | The revision graph is not valid: revisions cccc0000000a (dev.retort.fixtures.cycle.CycleA) -> cccc0000000b (dev.retort.fixtures.cycle.CycleB) -> cccc0000000a (dev.retort.fixtures.cycle.CycleA) form a cycle through their parents; a revision cannot descend from itself.
            notmigration  | The migrations in package dev.retort.fixtures.notmigration are not valid: class dev.retort.fixtures.notmigration.NotAMigration is annotated @Revision(id = "dddd00000002") but does not implement dev.retort.Migration; implement it or remove the annotation.
            unannotated   | The migrations in package dev.retort.fixtures.unannotated are not valid: class dev.retort.fixtures.unannotated.Forgotten implements dev.retort.Migration but has no @Revision annotation; add @Revision(id = ..., parents = ...) or move it out of package dev.retort.fixtures.unannotated.
            """)
    void brokenMigrationSetsAreRefusedWithAMessageNamingTheProblem(String fixture, String expected) {
        RevisionGraphException e = assertThrows(RevisionGraphException.class, () -> {
            try (Retort retort = Revs.configure(db)
                    .migrationsPackage("dev.retort.fixtures." + fixture).load()) {
                retort.upgrade();
            }
        });
        assertEquals(expected, e.getMessage());
        assertNull(db.value("select to_regclass('retort_version')::text"), "nothing may be written");
    }
}
