package dev.retort.internal.appconfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.retort.RetortException;

/**
 * Where Spring Boot finds an application's packaged configuration files, and their documents: the class path's root,
 * then {@code config/}, each with {@code .yaml}, {@code .yml} and {@code .properties}, lowest precedence first. A file
 * the class loader does not see is looked for in the resource directories (a project's {@code src/main/resources}
 * not yet copied to its output directory).
 */
record ConfigFiles(ClassLoader application, List<Path> resourceDirectories) {

    private static final List<String> LOCATIONS = List.of("", "config/");
    /** Lowest precedence first: {@code .properties} wins over YAML in the same place. */
    private static final List<String> EXTENSIONS = List.of("yaml", "yml", "properties");

    /** The documents of the files named {@code name} ({@code application}, {@code application-prod}), in the order they apply. */
    List<ConfigDocument> documents(String name) {
        List<ConfigDocument> documents = new ArrayList<>();
        for (String location : LOCATIONS) {
            for (String extension : EXTENSIONS) {
                String file = location + name + "." + extension;
                byte[] content = content(file);
                if (content != null) {
                    documents.addAll(extension.equals("properties") ? PropertiesFile.documents(file, content)
                            : YamlFile.documents(file, content, application));
                }
            }
        }
        return documents;
    }

    private byte[] content(String file) {
        URL url = application.getResource(file);
        Object source = url;
        try {
            if (url != null) {
                try (InputStream in = url.openStream()) {
                    return in.readAllBytes();
                }
            }
            for (Path directory : resourceDirectories) {
                Path candidate = directory.resolve(file);
                if (Files.isRegularFile(candidate)) {
                    source = candidate;
                    return Files.readAllBytes(candidate);
                }
            }
            return null;
        } catch (IOException e) {
            throw new RetortException("Cannot read the application's " + file + " (" + source + "): "
                    + e.getMessage() + "; check that the file can be read.", e);
        }
    }
}
