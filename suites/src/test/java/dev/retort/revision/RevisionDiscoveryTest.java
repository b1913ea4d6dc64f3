package dev.retort.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.Migration;
import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.TestJars;
import dev.retort.fixtures.linear.M0001_CreateAuthor;
import dev.retort.fixtures.linear.M0002_AddEmail;
import dev.retort.fixtures.linear.M0003_IndexEmail;
import dev.retort.fixtures.unannotated.Forgotten;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/**
 * Every way an application's revisions are found outside a plain class path: an archive read from outside (a shaded
 * jar, an exploded directory, a Spring Boot jar whose migrations live in a nested library jar) and the explicit
 * class list a native image uses. Each finds exactly the package's three revisions and nothing beside them, and the
 * revisions found run.
 */
@PostgresTest
class RevisionDiscoveryTest {

    private static final String PACKAGE = "dev.retort.fixtures.linear";
    private static final String PACKAGE_PATH = PACKAGE.replace('.', '/');
    private static final List<String> LINEAR = List.of("a1b2c3d4e5f6", "3fa9c1b27d4e", "77e0d9c8b1a2");

    private final TestDatabase db;

    RevisionDiscoveryTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void aShadedJarHoldsTheMigrationsAtItsRootBesideLibraryClasses(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("app-shaded.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // What a shade plugin writes: the application's classes and every library's, all at the root.
            addTree(out, testClasses(), PACKAGE_PATH, "");
            addTree(out, testClasses(), "dev/retort/fixtures/branches", "");
            addTree(out, mainClasses(), "dev/retort/revision", "");
            addTree(out, mainClasses(), "dev/retort/internal/revision", "");
            addFile(out, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: dev.retort.cli.Main\n".getBytes());
        }
        RevisionSource source = RevisionSource.archive(jar, PACKAGE);
        assertLinear(source);
        assertEquals("package " + PACKAGE + " in " + jar, source.describe());
        upgradeWith(source);
    }

    @Test
    void anExplodedDirectoryIsReadLikeTheJarItWasUnpackedFrom(@TempDir Path tmp) throws Exception {
        Path exploded = tmp.resolve("exploded");
        copyTree(testClasses(), PACKAGE_PATH, exploded);
        copyTree(testClasses(), "dev/retort/fixtures/branches", exploded);
        assertLinear(RevisionSource.archive(exploded, PACKAGE));
        upgradeWith(RevisionSource.archive(exploded, PACKAGE));
    }

    @Test
    void anExplodedSpringBootLayoutIsReadFromItsClassesDirectory(@TempDir Path tmp) throws Exception {
        Path exploded = tmp.resolve("boot");
        copyTree(testClasses(), PACKAGE_PATH, exploded.resolve("BOOT-INF/classes"));
        Files.createDirectories(exploded.resolve("BOOT-INF/lib"));
        assertLinear(RevisionSource.archive(exploded, PACKAGE));
    }

    @Test
    void aSpringBootJarWithTheMigrationsInANestedLibraryJar(@TempDir Path tmp) throws Exception {
        // The migrations ship in a module of their own, which the Boot jar nests under BOOT-INF/lib.
        Path migrations = tmp.resolve("shop-migrations-1.0.jar");
        TestJars.write(testClasses(), PACKAGE_PATH, migrations, true, Map.of());
        Path other = tmp.resolve("shop-model-1.0.jar");
        TestJars.write(testClasses(), "dev/retort/fixtures/branches", other, true, Map.of());
        Path boot = tmp.resolve("shop.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(boot))) {
            addFile(out, "META-INF/MANIFEST.MF", ("Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\n"
                    + "Start-Class: com.example.shop.ShopApplication\n").getBytes());
            addDirectory(out, "BOOT-INF/");
            addDirectory(out, "BOOT-INF/classes/");
            addFile(out, "BOOT-INF/classes/application.properties", "spring.application.name=shop\n".getBytes());
            addDirectory(out, "BOOT-INF/lib/");
            // Boot stores nested jars uncompressed, so they can be read in place by its launcher.
            addStored(out, "BOOT-INF/lib/" + migrations.getFileName(), Files.readAllBytes(migrations));
            addStored(out, "BOOT-INF/lib/" + other.getFileName(), Files.readAllBytes(other));
        }
        RevisionSource source = RevisionSource.archive(boot, PACKAGE);
        assertLinear(source);
        upgradeWith(source);
    }

    @Test
    void anArchiveWithoutThePackageHasNoRevisionsAndAMissingOneIsNamed(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("library.jar");
        TestJars.write(testClasses(), "dev/retort/fixtures/branches", jar, true, Map.of());
        assertEquals(List.of(), RevisionSource.archive(jar, PACKAGE).revisions());
        Path missing = tmp.resolve("no-such.jar");
        dev.retort.RetortException e = assertThrows(dev.retort.RetortException.class, () -> RevisionSource.archive(missing, PACKAGE).revisions());
        assertEquals("The application archive " + missing + " does not exist.", e.getMessage());
    }

    @Test
    void anExplicitListOfClassesIsUsedAsGivenWithoutScanning() {
        // Listed out of order and without the third revision: exactly these two, nothing found beside them.
        List<Class<? extends Migration>> listed = List.of(M0002_AddEmail.class, M0001_CreateAuthor.class);
        RevisionSource source = RevisionSource.classes(listed);
        assertEquals(List.of("a1b2c3d4e5f6", "3fa9c1b27d4e"), RevisionGraph.of(source.revisions()).revisions().stream()
                .map(RevisionScript::id).toList());
        RevisionScript email = source.revisions().stream().filter(s -> s.id().equals("3fa9c1b27d4e")).findFirst().orElseThrow();
        assertEquals(List.of("a1b2c3d4e5f6"), email.parents());
        assertEquals("add email to author", email.message());
        assertEquals(M0002_AddEmail.class.getName(), email.source());
        assertEquals("2 listed migration class(es)", source.describe());

        RevisionSource all = RevisionSource.classes(List.of(M0001_CreateAuthor.class, M0002_AddEmail.class, M0003_IndexEmail.class));
        assertEquals(false, all.revisions().stream().filter(s -> s.id().equals("77e0d9c8b1a2")).findFirst().orElseThrow().transactional());
        upgradeWith(all);
    }

    @Test
    void aListedClassWithoutItsAnnotationIsRefusedByName() {
        RevisionGraphException e = assertThrows(RevisionGraphException.class,
                () -> RevisionSource.classes(List.of(M0001_CreateAuthor.class, Forgotten.class)));
        assertEquals("Migration " + Forgotten.class.getName() + " has no @Revision annotation; add @Revision(id = ..., parents = ...).",
                e.getMessage());
    }

    private static void assertLinear(RevisionSource source) {
        List<RevisionScript> scripts = source.revisions();
        assertEquals(LINEAR, RevisionGraph.of(scripts).revisions().stream().map(RevisionScript::id).toList(),
                "the package's revisions and nothing from the packages beside it");
        assertEquals(List.of(PACKAGE + ".M0001_CreateAuthor", PACKAGE + ".M0002_AddEmail", PACKAGE + ".M0003_IndexEmail"),
                scripts.stream().map(RevisionScript::source).sorted().toList());
    }

    private void upgradeWith(RevisionSource source) {
        try (Retort retort = Revs.configure(db).revisions(source).listener(MigrationListener.none()).load()) {
            assertEquals(3, retort.upgrade().steps().size());
        }
        assertEquals(List.of("77e0d9c8b1a2"), db.column("select version_num from retort_version"));
        assertEquals("ix_author_email", db.value("select indexname from pg_indexes where tablename = 'author' and indexname like 'ix_%'"));
    }

    private static Path testClasses() throws URISyntaxException {
        return Path.of(RevisionDiscoveryTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Core's classes: a class directory, or the root of its jar (opened as a file system) when built as one. */
    private static Path mainClasses() throws URISyntaxException, IOException {
        Path location = Path.of(RevisionSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return location;
        }
        try {
            return java.nio.file.FileSystems.getFileSystem(java.net.URI.create("jar:" + location.toUri())).getPath("/");
        } catch (java.nio.file.FileSystemNotFoundException e) {
            return java.nio.file.FileSystems.newFileSystem(location).getPath("/");
        }
    }

    /** Adds the files under {@code root/dir} to the jar, each named by its path below root after {@code prefix}. */
    private static void addTree(JarOutputStream out, Path root, String dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(dir))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                addFile(out, prefix + root.relativize(file).toString().replace('\\', '/').replaceFirst("^/", ""), Files.readAllBytes(file));
            }
        }
    }

    private static void copyTree(Path root, String dir, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(dir))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(root.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    private static void addDirectory(JarOutputStream out, String name) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.closeEntry();
    }

    private static void addFile(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static void addStored(JarOutputStream out, String name, byte[] bytes) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }
}
