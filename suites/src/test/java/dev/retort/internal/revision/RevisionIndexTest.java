package dev.retort.internal.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.TestJars;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionScript;
import dev.retort.revision.RevisionSource;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** The revision index a build packs into the jar: read instead of scanning, inside jars only, and checksums taken from it. */
@PostgresTest
class RevisionIndexTest {

    private static final String PACKAGE = "dev.retort.fixtures.linear";
    private final TestDatabase db;

    RevisionIndexTest(TestDatabase db) {
        this.db = db;
    }

    private String index() {
        try (Retort retort = Revs.configure(db).migrationsPackage(PACKAGE).listener(MigrationListener.none()).load()) {
            return retort.revisionIndex();
        }
    }

    @Test
    void theIndexIsDeterministicAndRecordsHeadsRevisionsAndChecksums() {
        String index = index();
        assertEquals(index, index(), "the same migrations give the same bytes");
        var properties = RevisionIndex.parse(index, "test");
        assertEquals(java.util.Set.of("77e0d9c8b1a2"), RevisionIndex.heads(properties));
        assertEquals(3, RevisionIndex.revisions(properties).size());
        assertEquals(64, properties.getProperty("revision.3fa9c1b27d4e.checksum").length());
        assertTrue(index.startsWith("# Retort revision index"), index);
    }

    @Test
    void aJarWithAnIndexIsNotScannedAndItsChecksumsAreUsed(@TempDir Path tmp) throws Exception {
        // An index that lists two of the three revisions: if the jar were scanned, the third would appear.
        String index = index().replace("heads=77e0d9c8b1a2", "heads=3fa9c1b27d4e")
                .replace("revisions=a1b2c3d4e5f6,3fa9c1b27d4e,77e0d9c8b1a2", "revisions=a1b2c3d4e5f6,3fa9c1b27d4e")
                .lines().filter(l -> !l.startsWith("revision.77e0d9c8b1a2.")).reduce("", (a, b) -> a + b + "\n");
        Path classes = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = tmp.resolve("app.jar");
        TestJars.write(classes, PACKAGE.replace('.', '/'), jar, true, Map.of(RevisionIndex.resourceName(PACKAGE), index));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                new TestJars.HidingLoader(getClass().getClassLoader(), PACKAGE))) {
            List<RevisionScript> scripts = RevisionSource.classPath(loader, PACKAGE).revisions();
            assertEquals(List.of("a1b2c3d4e5f6", "3fa9c1b27d4e"), RevisionGraph.of(scripts).revisions().stream().map(RevisionScript::id).toList());
            assertTrue(scripts.stream().allMatch(s -> s.checksum() != null && s.checksum().length() == 64), "checksums come from the index");
        }
    }

    @Test
    void anIndexInAClassDirectoryIsIgnoredBecauseTheClassesMayHaveChangedSince(@TempDir Path tmp) throws Exception {
        Path classes = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        Path copy = tmp.resolve("classes");
        Path target = copy.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(target);
        try (var files = Files.list(classes.resolve(PACKAGE.replace('.', '/')))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        Path stale = copy.resolve(RevisionIndex.resourceName(PACKAGE));
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "format=1\nrevisions=a1b2c3d4e5f6\nheads=a1b2c3d4e5f6\nrevision.a1b2c3d4e5f6.class=x.Y\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {copy.toUri().toURL()},
                new TestJars.HidingLoader(getClass().getClassLoader(), PACKAGE))) {
            List<RevisionScript> scripts = RevisionSource.classPath(loader, PACKAGE).revisions();
            assertEquals(3, scripts.size(), "scanned, not read from the stale index");
            assertNotEquals(null, scripts.get(0).source());
        }
    }
}
