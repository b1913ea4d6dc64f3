package dev.retort;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Application jars for tests: a package's compiled classes, and a class loader that can see them only in the jar. */
public final class TestJars {

    private TestJars() {
    }

    /**
     * Writes the classes under {@code packagePath} of a class directory into a jar, as Maven writes it (with directory
     * entries) or as some tools do (class entries only), plus extra text entries.
     */
    public static void write(Path classes, String packagePath, Path jar, boolean directoryEntries, Map<String, String> extra)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes.resolve(packagePath))) {
            if (directoryEntries) {
                String dir = "";
                for (String part : packagePath.split("/")) {
                    dir += part + "/";
                    jarOut.putNextEntry(new JarEntry(dir));
                    jarOut.closeEntry();
                }
            }
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
            for (Map.Entry<String, String> entry : extra.entrySet()) {
                jarOut.putNextEntry(new JarEntry(entry.getKey()));
                jarOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
    }

    /** Delegates to the test class path but hides one package (classes and resources), so only a jar can supply it. */
    public static final class HidingLoader extends ClassLoader {
        private final String hidden;

        public HidingLoader(ClassLoader parent, String hiddenPackage) {
            super(parent);
            this.hidden = hiddenPackage;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(hidden + ".")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        private boolean hides(String resource) {
            return resource.startsWith(hidden.replace('.', '/'));
        }

        @Override
        public URL getResource(String name) {
            return hides(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return hides(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
