package dev.retort.internal.revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.retort.RetortException;
import dev.retort.revision.RevisionScript;

/**
 * The migrations of a package inside an application archive read from outside the application: a Spring Boot
 * executable jar (classes in {@code BOOT-INF/classes}, libraries nested in {@code BOOT-INF/lib}), a plain or
 * shaded jar, or an exploded directory of either. A Boot jar is unpacked to a temporary directory (removed when
 * the JVM exits), because nested jars cannot be read in place; the classes are then loaded by a class loader
 * that asks Retort's own class loader first, so the migrations implement the same {@code dev.retort.Migration}
 * the caller runs.
 */
public final class ArchiveRevisions {

    private static final String BOOT_CLASSES = "BOOT-INF/classes/";
    private static final String BOOT_LIB = "BOOT-INF/lib/";

    private final Path archive;
    private final String packageName;
    private final String sqlLocation;
    private final ScriptSplitter splitter;

    /**
     * The migrations of {@code packageName}, and the SQL revision files under {@code sqlLocation} (or none when null),
     * inside {@code archive}, the files split into statements by {@code splitter}.
     */
    public ArchiveRevisions(Path archive, String packageName, String sqlLocation, ScriptSplitter splitter) {
        this.archive = archive;
        this.packageName = packageName;
        this.sqlLocation = sqlLocation;
        this.splitter = splitter;
    }

    /** Every revision found, in no particular order. */
    public List<RevisionScript> revisions() {
        return discover().revisions();
    }

    /** Every revision, repeatable and callback found. */
    public Discovered discover() {
        if (!Files.exists(archive)) {
            throw new RetortException("The application archive " + archive + " does not exist.");
        }
        URLClassLoader loader = new URLClassLoader(classPath(), ArchiveRevisions.class.getClassLoader());
        return new ClassPathRevisions(loader, packageName, sqlLocation, splitter).discover();
    }

    /** What is searched, for messages: {@code package db.migrations}. */
    public String describe() {
        return "package " + packageName + (sqlLocation == null ? "" : " or under " + sqlLocation) + " in " + archive;
    }

    private URL[] classPath() {
        try {
            if (Files.isDirectory(archive)) {
                return Files.isDirectory(archive.resolve(BOOT_CLASSES)) ? bootLayout(archive) : urls(List.of(archive));
            }
            try (JarFile jar = new JarFile(archive.toFile())) {
                if (jar.getEntry(BOOT_CLASSES) == null) {
                    return urls(List.of(archive));
                }
                return bootLayout(unpack(jar));
            }
        } catch (IOException e) {
            throw new RetortException("Cannot read the application archive " + archive + ": " + e.getMessage(), e);
        }
    }

    /** {@code BOOT-INF/classes} and every jar in {@code BOOT-INF/lib} of an exploded Spring Boot layout. */
    private static URL[] bootLayout(Path root) throws IOException {
        List<Path> entries = new ArrayList<>();
        entries.add(root.resolve(BOOT_CLASSES));
        Path lib = root.resolve(BOOT_LIB);
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(entries::add);
            }
        }
        return urls(entries);
    }

    /** Copies the Boot jar's classes and nested jars to a temporary directory that is removed when the JVM exits. */
    private static Path unpack(JarFile jar) throws IOException {
        Path root = Files.createTempDirectory("retort-archive-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root), "retort-archive-cleanup"));
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            if (entry.isDirectory() || !(name.startsWith(BOOT_CLASSES) || name.startsWith(BOOT_LIB))) {
                continue;
            }
            Path target = root.resolve(name).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("entry " + name + " points outside the archive");
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return root;
    }

    private static URL[] urls(List<Path> paths) {
        List<URL> urls = new ArrayList<>();
        for (Path path : paths) {
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
