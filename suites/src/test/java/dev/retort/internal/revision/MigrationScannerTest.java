package dev.retort.internal.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.TestJars;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionGraphException;
import dev.retort.revision.RevisionScript;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

@PostgresTest
class MigrationScannerTest {

    private static final String PACKAGE = "dev.retort.fixtures.linear";
    private final TestDatabase db;

    MigrationScannerTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void findsMigrationsInAClassDirectoryAndRunsThem() {
        List<RevisionScript> scripts = dev.retort.revision.RevisionSource.classPath(getClass().getClassLoader(), PACKAGE).revisions();
        assertEquals(List.of("a1b2c3d4e5f6", "3fa9c1b27d4e", "77e0d9c8b1a2"),
                RevisionGraph.of(scripts).revisions().stream().map(RevisionScript::id).toList());
        RevisionScript email = scripts.stream().filter(s -> s.id().equals("3fa9c1b27d4e")).findFirst().orElseThrow();
        assertEquals(List.of("a1b2c3d4e5f6"), email.parents());
        assertEquals("add email to author", email.message());
        assertEquals("2026-11-21T10:00:00Z", email.created());
        assertEquals("dev.retort.fixtures.linear.M0002_AddEmail", email.source());

        try (Retort retort = Revs.configure(db).migrationsPackage(PACKAGE)
                .listener(MigrationListener.none()).load()) {
            assertEquals(3, retort.upgrade().steps().size());
        }
        assertEquals("O'Brien", db.value("select name from author where email = 'ob@example.com'"));
        assertEquals("ix_author_email", db.value("select indexname from pg_indexes where tablename = 'author' and indexname like 'ix_%'"));
    }

    @ParameterizedTest(name = "directory entries: {0}")
    @ValueSource(booleans = {true, false})
    void findsMigrationsInsideAJarAsAnApplicationJarCarriesThem(boolean directoryEntries, @TempDir Path tmp) throws Exception {
        db.reset();
        Path classes = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = tmp.resolve("app.jar");
        TestJars.write(classes, PACKAGE.replace('.', '/'), jar, directoryEntries, java.util.Map.of());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, new TestJars.HidingLoader(getClass().getClassLoader(), PACKAGE))) {
            List<RevisionScript> scripts = dev.retort.revision.RevisionSource.classPath(loader, PACKAGE).revisions();
            assertEquals(3, scripts.size());
            Class<?> loaded = Class.forName(scripts.get(0).source(), false, loader);
            assertTrue(loaded.getProtectionDomain().getCodeSource().getLocation().toString().endsWith("app.jar"),
                    "migrations must come from the jar, not the class directory");
            try (Retort retort = Revs.configure(db).classLoader(loader).migrationsPackage(PACKAGE)
                    .listener(MigrationListener.none()).load()) {
                retort.upgrade();
            }
        }
        assertEquals(List.of("77e0d9c8b1a2"), db.column("select version_num from retort_version"));
    }

    @Test
    void aMigrationWhoseDependencyIsMissingNamesTheClassItNeeds(@TempDir Path tmp) throws Exception {
        db.reset();
        Path classes = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = tmp.resolve("app.jar");
        TestJars.write(classes, "dev/retort/fixtures/lacking", jar, true, java.util.Map.of());
        ClassLoader withoutEither = new TestJars.HidingLoader(new TestJars.HidingLoader(getClass().getClassLoader(), "dev.retort.fixtures.lacking"),
                "dev.retort.fixtures.lackinghelper");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, withoutEither);
             Retort retort = Revs.configure(db).classLoader(loader).migrationsPackage("dev.retort.fixtures.lacking")
                     .listener(MigrationListener.none()).load()) {
            dev.retort.RetortException e = org.junit.jupiter.api.Assertions.assertThrows(dev.retort.RetortException.class, retort::upgrade);
            assertEquals("Revision 1ac000000001 (dev.retort.fixtures.lacking.L1_NeedsHelper) needs class "
                    + "dev.retort.fixtures.lackinghelper.TableNames in its upgrade, and the class path lacks it; add the dependency that "
                    + "holds it. Nothing was executed for it.", e.getMessage());
        }
        assertEquals(null, db.value("select to_regclass('lacking_item')::text"));
    }

    @Test
    void anEmptyOrMissingPackageHasNoRevisions() {
        assertEquals(List.of(), dev.retort.revision.RevisionSource.classPath(getClass().getClassLoader(), "dev.retort.fixtures.nothing_here").revisions());
        try (Retort retort = Revs.configure(db).migrationsPackage("dev.retort.fixtures.nothing_here")
                .listener(MigrationListener.none()).load()) {
            RevisionGraphException e = org.junit.jupiter.api.Assertions.assertThrows(RevisionGraphException.class, retort::upgrade);
            assertEquals("There are no revisions in package dev.retort.fixtures.nothing_here or under db/migrations yet: if they exist, check "
                    + "retort.package or retort.sqlLocation (and "
                    + "that the project is compiled); otherwise create the first one with generate.", e.getMessage());
        }
        assertEquals(null, db.value("select to_regclass('retort_version')::text"));
    }
}
