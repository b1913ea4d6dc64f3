package dev.retort.rolling;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

/** Compiles sources at test time as an application's build would, against the test's class path. */
final class Javac {

    private Javac() {
    }

    /**
     * Compiles every {@code .java} file under {@code sources} into {@code classes}, which is on the class path too.
     *
     * @param what what is compiled, for the failure's message
     */
    static void compile(Path sources, Path classes, String what) {
        try (Stream<Path> files = Files.walk(sources)) {
            Files.createDirectories(classes);
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    classes + File.pathSeparator + System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            if (ToolProvider.getSystemJavaCompiler().run(null, output, output, args.toArray(String[]::new)) != 0) {
                throw new AssertionError(what + " do not compile:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
