package dev.retort.revision;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
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

import dev.retort.Migration;
import dev.retort.Revision;

/**
 * Finds the migration classes of one package (and its sub-packages) on a class loader, from class
 * directories and from jars alike, so an application jar carries its own migrations.
 *
 * <p>Only class names are listed from the file system; classes are loaded without initialisation, so
 * scanning a thousand migrations stays in the tens of milliseconds. Scanning is hand-written rather
 * than delegated to a classpath-scanning library to keep applications that migrate at start-up free
 * of extra runtime dependencies.
 */
public final class MigrationScanner {

    private final ClassLoader classLoader;

    /** Scans with the given class loader. */
    public MigrationScanner(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * All revisions declared in the package.
     *
     * @throws RevisionGraphException when a class declares a revision but is not a {@link Migration}, or the reverse
     */
    public List<RevisionScript> scan(String packageName) {
        List<RevisionScript> scripts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String className : classNames(packageName)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, classLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add("class " + className + " cannot be loaded (" + e + ")");
                continue;
            }
            Revision revision = type.getAnnotation(Revision.class);
            boolean isMigration = Migration.class.isAssignableFrom(type);
            boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
            if (revision != null && !isMigration) {
                problems.add("class " + className + " is annotated @Revision(id = \"" + revision.id()
                        + "\") but does not implement dev.retort.Migration; implement it or remove the annotation");
            } else if (revision == null && isMigration && concrete && !type.isAnonymousClass() && !type.isMemberClass()
                    && !type.isLocalClass()) {
                problems.add("class " + className + " implements dev.retort.Migration but has no @Revision annotation; "
                        + "add @Revision(id = ..., parents = ...) or move it out of package " + packageName);
            } else if (revision != null) {
                scripts.add(toScript(type.asSubclass(Migration.class), revision));
            }
        }
        if (!problems.isEmpty()) {
            throw new RevisionGraphException("The migrations in package " + packageName + " are not valid: "
                    + String.join("; ", problems) + ".");
        }
        return scripts;
    }

    private static RevisionScript toScript(Class<? extends Migration> type, Revision revision) {
        return new RevisionScript(revision.id(), List.of(revision.parents()), revision.message(), revision.created(),
                revision.transactional(), type.getName(), () -> instantiate(type));
    }

    private static Migration instantiate(Class<? extends Migration> type) {
        try {
            Constructor<? extends Migration> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new RevisionGraphException("Migration " + type.getName() + " needs a constructor without parameters.");
        } catch (InvocationTargetException e) {
            throw new RevisionGraphException("Migration " + type.getName() + " failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new RevisionGraphException("Migration " + type.getName() + " cannot be instantiated: " + e);
        }
    }

    /** The names of the top-level and nested classes under the package, sorted, each once. */
    TreeSet<String> classNames(String packageName) {
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
            for (File jar : classPathJars()) {
                listJar(jar, path, names);
            }
        }
        return names;
    }

    private List<File> classPathJars() {
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
