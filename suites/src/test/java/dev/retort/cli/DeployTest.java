package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.testing.Revs;
import dev.retort.revision.ArtifactRevisions;
import dev.retort.testing.PostgresTest;
import dev.retort.testing.TestDatabase;

/** What a deploy pipeline relies on: several instances at once, a stuck table lock, and rollbacks checked against the schema. */
@PostgresTest
class DeployTest {

    private final TestDatabase db;

    DeployTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() {
        db.reset();
    }

    @Test
    void fourJvmsRunningTheCommandLineAtOnceApplyEachRevisionOnce() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, Main.class.getName(), "upgrade", "--json")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            env.put("DATABASE_URL", db.jdbcUrl());
            env.put("RETORT_USER", db.user());
            env.put("RETORT_PASSWORD", db.password() == null ? "" : db.password());
            env.put("RETORT_PACKAGE", "dev.retort.fixtures.concurrent");
            processes.add(builder.start());
        }
        int applied = 0;
        for (Process process : processes) {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "a command line did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            applied += new com.fasterxml.jackson.databind.ObjectMapper().readTree(output).get("steps").size();
        }
        assertEquals(5, applied, "each revision is applied by exactly one process");
        assertEquals(List.of("c00000000001", "c00000000002", "c00000000003", "c00000000004", "c00000000005"),
                db.column("select revision from applied_log order by revision"));
        assertEquals("5", db.value("select count(*) from retort_history where direction = 'up' and success"));
        assertEquals(List.of("c00000000005"), db.column("select version_num from retort_version"));
    }

    @Test
    void aTableLockHeldElsewhereMakesTheRevisionFailFastAndLeavesTheDatabaseAsItWas() throws Exception {
        Revs revs = Revs.graph().sql("lt0001", "create table busy (id int)", "drop table busy")
                .sql("lt0002", "alter table busy add column note text", "alter table busy drop column note", "lt0001");
        try (Retort retort = Revs.configure(db).revisions(revs.scripts()).listener(MigrationListener.none())
                .settings(dev.retort.config.Settings.builder().set(dev.retort.config.Setting.STATEMENT_LOCK_TIMEOUT, "300ms").build())
                .url(db.jdbcUrl()).user(db.user()).password(db.password()).load()) {
            retort.upgrade("lt0001");
            try (var holder = db.connect(); var s = holder.createStatement()) {
                holder.setAutoCommit(false);
                s.execute("lock table busy in access share mode"); // a long read: ALTER TABLE must wait for it
                long start = System.nanoTime();
                dev.retort.RetortException e = org.junit.jupiter.api.Assertions.assertThrows(dev.retort.RetortException.class,
                        retort::upgrade);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(e.getMessage().contains("Revision lt0002 (create lt0002) failed during upgrade and was rolled back; the "
                        + "database stays at lt0001. Statement: alter table busy add column note text."), e.getMessage());
                assertTrue(e.getMessage().contains("canceling statement due to lock timeout"), e.getMessage());
                assertTrue(millis < 10_000, "it gave up after the lock timeout, not after the holder finished: " + millis + " ms");
                holder.rollback();
            }
        }
        assertEquals(List.of("lt0001"), db.column("select version_num from retort_version"));
        assertEquals(List.of("id"), db.column("select column_name from information_schema.columns where table_name = 'busy'"));
    }

    @Test
    void anOlderJarsRecordedHeadNamesTheRevisionsItDoesNotKnow(@TempDir Path dir) throws Exception {
        Cli cli = Cli.against(db, "dev.retort.fixtures.linear");
        cli.run("upgrade");
        Path old = dir.resolve("app-1.0.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(ArtifactRevisions.MANIFEST_ATTRIBUTE, "a1b2c3d4e5f6");
        try (OutputStream out = Files.newOutputStream(old); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("app/Placeholder.txt"));
            jar.closeEntry();
        }
        Cli.Result result = cli.run("check-deployable", "--artifact", old.toString());
        assertEquals(1, result.exit(), result.toString());
        // Raw SQL cannot be judged backward compatible: the revisions are named with why.
        assertEquals("Not deployable: the database has 3fa9c1b27d4e, 77e0d9c8b1a2, which this artifact (head a1b2c3d4e5f6) does not know, "
                + "and older code does not survive 3fa9c1b27d4e (it runs SQL, whose effect cannot be judged: mark the revision an expand if "
                + "it is one); 77e0d9c8b1a2 (it runs SQL, whose effect cannot be judged: mark the revision an expand if it is one). Deploy a "
                + "version that knows those revisions, or downgrade the database with that newer version first.", result.out().strip());

        Path indexed = dir.resolve("app-2.0.jar");
        try (Retort retort = Revs.configure(db).migrationsPackage("dev.retort.fixtures.linear").listener(MigrationListener.none()).load();
             OutputStream out = Files.newOutputStream(indexed); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("BOOT-INF/classes/" + ArtifactRevisions.indexResource("dev.retort.fixtures.linear")));
            jar.write(retort.revisionIndex().getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Cli.Result same = cli.run("check-deployable", "--artifact", indexed.toString());
        assertEquals(0, same.exit(), same.toString());
        assertEquals("Deployable: the database is at the artifact's head 77e0d9c8b1a2.", same.out().strip());
    }
}
