package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.revision.ArtifactRevisions;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * A rollback checked from the command line, {@code check-deployable --artifact}: the jar of the version before an
 * expand and contract is accepted while the database has only the expand, and refused, naming the contract, after it.
 */
// Rolling deploys are built for PostgreSQL and MariaDB; H2 serves development, not rolling production deploys.
@ParameterizedClass(name = "on {argumentSetName}")
@MethodSource("platforms")
class CheckDeployableArtifactTest {

    private static final String PACKAGE = "dev.retort.fixtures.rolling";
    private static final String EXPAND = "70110000e0a2";
    private static final String CONTRACT = "70110000c0a3";

    static Stream<Arguments> platforms() {
        return TestDatabases.onPlatforms("postgresql", "mariadb");
    }

    private final TestDatabase db;

    CheckDeployableArtifactTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void theJarBeforeAnExpandIsDeployableUntilItsContractIsApplied(@TempDir Path dir) throws IOException {
        Cli cli = Cli.against(db, PACKAGE);
        Path old = jar(dir.resolve("app-1.0.jar"), "70110000c0a1");

        // The first upgrade applies the expand and holds the contract: its expand is applied by the same run.
        Cli.Result first = cli.run("upgrade");
        assertEquals(0, first.exit(), first.toString());
        assertEquals(List.of(EXPAND), db.column("select version_num from retort_version"));
        Cli.Result between = cli.run("check-deployable", "--artifact", old.toString());
        assertEquals(0, between.exit(), between.toString());
        assertEquals("Deployable: the database has " + EXPAND + ", which this artifact (head 70110000c0a1) does not know, but it is backward "
                + "compatible: " + EXPAND + " (an expand, which the code before it survives).", between.out().strip());

        Cli.Result second = cli.run("upgrade");
        assertEquals(0, second.exit(), second.toString());
        assertEquals(List.of(CONTRACT), db.column("select version_num from retort_version"));
        Cli.Result after = cli.run("check-deployable", "--artifact", old.toString());
        assertEquals(1, after.exit(), after.toString());
        assertTrue(after.out().contains("older code does not survive " + CONTRACT + " (a contract, which removes what code older than its "
                + "expand " + EXPAND + " uses)"), after.out());
    }

    /** An application jar whose manifest records the head it was built with. */
    private static Path jar(Path path, String head) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(ArtifactRevisions.MANIFEST_ATTRIBUTE, head);
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("app/Placeholder.txt"));
            jar.closeEntry();
        }
        return path;
    }
}
