package dev.retort.revision;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the classes of a package on a class loader, from class directories and jars alike, reading
 * only names (nothing is loaded). Shared by migration discovery and entity scanning. Hand-written
 * rather than delegated to a classpath-scanning library, to keep applications that migrate at
 * start-up free of extra runtime dependencies.
 */
public final class PackageClasses {

    private PackageClasses() {
    }

    /**
     * The names of the classes (nested ones included) in a package and its sub-packages, sorted.
     *
     * @throws RevisionGraphException when a location cannot be read
     */
    public static TreeSet<String> list(ClassLoader classLoader, String packageName) {
        String path = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        Enumeration<URL> roots;
        try {
            roots = classLoader.getResources(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list package " + packageName + ": " + e.getMessage(), e);
        }
        boolean found = roots.hasMoreElements();
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            switch (root.getProtocol()) {
                case "file" -> listDirectory(toPath(root), packageName, names);
                case "jar" -> listJar(jarFile(root), path, names);
                default -> throw new RevisionGraphException("Cannot scan migrations at " + root
                        + ": only class directories and jar files are supported.");
            }
        }
        if (!found) {
            // Jars written without directory entries hide their packages from getResources(); look inside them.
            for (File jar : classPathJars(classLoader)) {
                listJar(jar, path, names);
            }
        }
        return names;
    }

    private static List<File> classPathJars(ClassLoader classLoader) {
        List<File> jars = new ArrayList<>();
        for (ClassLoader loader = classLoader; loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urlLoader) {
                for (URL url : urlLoader.getURLs()) {
                    if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
                        jars.add(toPath(url).toFile());
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(new File(entry));
            }
        }
        return jars;
    }

    private static Path toPath(URL url) {
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new File(URLDecoder.decode(url.getPath(), StandardCharsets.UTF_8)).toPath();
        }
    }

    private static void listDirectory(Path directory, String packageName, TreeSet<String> names) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".class")).forEach(f -> {
                String relative = directory.relativize(f).toString().replace(File.separatorChar, '.');
                addClassName(packageName + "." + relative.substring(0, relative.length() - ".class".length()), names);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list migrations in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static File jarFile(URL root) {
        try {
            URLConnection connection = root.openConnection();
            if (!(connection instanceof JarURLConnection jarConnection)) {
                throw new RevisionGraphException("Cannot scan migrations at " + root + ": not a jar.");
            }
            return new File(jarConnection.getJarFileURL().toURI());
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new RevisionGraphException("Cannot read migrations from " + root + ": " + e.getMessage());
        }
    }

    private static void listJar(File file, String path, TreeSet<String> names) {
        if (!file.isFile()) {
            return;
        }
        try (JarFile jar = new JarFile(file)) {
            String prefix = path + "/";
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(prefix) && entry.endsWith(".class")) {
                    addClassName(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'), names);
                }
            }
        } catch (IOException e) {
            throw new RevisionGraphException("Cannot read migrations from " + file + ": " + e.getMessage());
        }
    }

    private static void addClassName(String name, TreeSet<String> names) {
        if (!name.endsWith("package-info") && !name.endsWith("module-info")) {
            names.add(name);
        }
    }
}
