package dev.retort.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file database this process has open, opened by a second JVM: one clear line at once, not a hang. */
class H2FileInUseTest {

    @Test
    void aSecondJvmGetsOneClearLineNamingTheFile(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("app").toAbsolutePath();
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        try (Connection held = new org.h2.Driver().connect(url, p)) {
            assertTrue(held.isValid(1));
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            long start = System.nanoTime();
            Process process = new ProcessBuilder(java, "-cp", classPath, SecondProcessMain.class.getName(), url).redirectErrorStream(true)
                    .start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the second process hangs");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = output.lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(1, lines.size(), output);
            assertEquals("error: Cannot connect to the database: the H2 database file " + dir.resolve("app.mv.db").toAbsolutePath()
                    + " is open in another process, and H2 lets one process open a file database at a time; stop the application that has "
                    + "it open, or add ;AUTO_SERVER=TRUE to the URL of both so the second reaches it through the first (" + url + ").",
                    lines.get(0));
            assertTrue(System.nanoTime() - start < 50_000_000_000L);
        }
    }
}
