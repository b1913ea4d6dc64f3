package dev.retort.hibernate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java source at test time: generated migrations, and entity models written as text. */
final class JavaSources {

    private JavaSources() {
    }

    /** Compiles every {@code .java} file under {@code sourceRoot} into {@code classes}; fails with the compiler's output. */
    static void compileTree(Path sourceRoot, Path classes) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath(classes), "-proc:none", "-nowarn"));
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
            Files.createDirectories(classes);
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
            int status = compiler.run(null, output, output, args.toArray(String[]::new));
            if (status != 0) {
                throw new AssertionError("compilation failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Source files (class name to text) of the package, one per class body, each with the package line and the imports. */
    static Map<String, String> sources(String pkg, String imports, String... classes) {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        for (String body : classes) {
            String name = body.replaceAll("(?s).*?\\b(?:class|enum|interface|record)\\s+(\\w+).*", "$1");
            sources.put(pkg + "." + name, "package " + pkg + ";\n" + imports + body);
        }
        return sources;
    }

    /** Writes {@code sources} (class name to text) under {@code root/src}, compiles them, and loads them. */
    static List<Class<?>> compile(Path root, Map<String, String> sources) {
        Path src = root.resolve("src");
        Path classes = root.resolve("classes");
        try {
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        compileTree(src, classes);
        ClassLoader loader = loader(classes);
        List<Class<?>> loaded = new ArrayList<>();
        for (String name : sources.keySet()) {
            try {
                loaded.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return loaded;
    }

    static URLClassLoader loader(Path classes) {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaSources.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a resource (a persistence.xml, an application.properties) as a project's build would have copied it. */
    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classPath(Path extra) {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")) + java.io.File.pathSeparator + extra;
    }
}
