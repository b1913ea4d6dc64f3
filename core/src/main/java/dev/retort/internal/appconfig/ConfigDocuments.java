package dev.retort.internal.appconfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.retort.RetortException;

/**
 * The documents of one Spring Boot configuration file on the class path, flattened to dotted keys as Spring Boot
 * flattens them ({@code spring.datasource.url}, {@code list[0]}). A {@code .properties} file is split at {@code #---}
 * lines, a YAML file at {@code ---}, into documents that {@code spring.config.activate.on-profile} may limit.
 */
final class ConfigDocuments {

    private static final String ON_PROFILE = "spring.config.activate.on-profile";

    private ConfigDocuments() {
    }

    /**
     * One document of a file.
     *
     * @param file       the file's name on the class path
     * @param properties its keys and values, in file order
     * @param activation its {@code spring.config.activate.on-profile}, or null
     */
    record Document(String file, Map<String, String> properties, String activation) {

        /** Whether Spring Boot would use this document with these profiles active. */
        boolean activeFor(List<String> profiles) {
            if (activation == null) {
                return true;
            }
            // Names and !name, comma-separated, any one matching; an expression with & | ( ) is not read here (SpringBootConfig).
            return Arrays.stream(activation.split(",")).map(String::strip).anyMatch(term -> term.startsWith("!")
                    ? !profiles.contains(term.substring(1).strip()) : profiles.contains(term));
        }
    }

    /** The documents of the class-path file {@code name}, first to last; none when there is no such file. */
    static List<Document> read(ClassLoader loader, String name) {
        URL resource = loader.getResource(name);
        if (resource == null) {
            return List.of();
        }
        byte[] content;
        try (InputStream in = resource.openStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new RetortException("Cannot read the application's " + name + " (" + resource + "): " + e.getMessage()
                    + "; give the database with DATABASE_URL or --url instead.");
        }
        List<Map<String, String>> documents = name.endsWith(".properties") ? properties(content, name) : yaml(loader, content, name);
        List<Document> result = new ArrayList<>();
        for (Map<String, String> properties : documents) {
            String activation = properties.entrySet().stream().filter(e -> SpringBootConfig.relaxed(e.getKey()).equals(SpringBootConfig.relaxed(ON_PROFILE)))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            result.add(new Document(name, properties, activation));
        }
        return result;
    }

    /** A properties file as Spring Boot reads it: ISO-8859-1 with escapes, documents separated by {@code #---} or {@code !---}. */
    private static List<Map<String, String>> properties(byte[] content, String name) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<Map<String, String>> documents = new ArrayList<>();
        for (String part : text.split("(?m)^[#!]---[ \\t]*$")) {
            Properties properties = new Properties();
            try {
                properties.load(new ByteArrayInputStream(part.getBytes(StandardCharsets.ISO_8859_1)));
            } catch (IOException | IllegalArgumentException e) {
                throw new RetortException("Cannot read the application's " + name + ": " + e.getMessage()
                        + "; give the database with DATABASE_URL or --url instead.");
            }
            Map<String, String> map = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
            documents.add(map);
        }
        return documents;
    }

    /**
     * YAML through the SnakeYAML the application itself carries, loaded from its class loader. Spring Boot reads
     * application.yml with SnakeYAML, so every application with such a file has it on its class path, and the file
     * then means here exactly what it means to the application (anchors, quoting, block scalars, several documents).
     * A hand-written subset would misread valid files without a word, and a YAML library of core's own would be one
     * more dependency in every application jar for the few that run the command line from a Boot jar.
     */
    private static List<Map<String, String>> yaml(ClassLoader loader, byte[] content, String name) {
        Object yaml;
        Class<?> yamlType;
        try {
            yamlType = Class.forName("org.yaml.snakeyaml.Yaml", true, loader);
            yaml = newYaml(loader, yamlType);
        } catch (ClassNotFoundException e) {
            throw new RetortException("The application's " + name + " is YAML, which Retort reads with the application's own SnakeYAML "
                    + "(org.yaml:snakeyaml, brought by spring-boot-starter), and the class path has none; add it, or give the database "
                    + "with DATABASE_URL or --url.");
        } catch (ReflectiveOperationException e) {
            throw new RetortException("Cannot use the application's SnakeYAML to read " + name + ": " + e + "; give the database with "
                    + "DATABASE_URL or --url instead.");
        }
        List<Map<String, String>> documents = new ArrayList<>();
        try {
            Iterable<?> loaded = (Iterable<?>) yamlType.getMethod("loadAll", InputStream.class).invoke(yaml, new ByteArrayInputStream(content));
            for (Object document : loaded) {
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", document, flat);
                documents.add(flat);
            }
        } catch (InvocationTargetException e) {
            throw new RetortException("Cannot read the application's " + name + ": " + e.getCause().getMessage().lines().findFirst().orElse("")
                    + "; give the database with DATABASE_URL or --url instead.");
        } catch (RuntimeException e) {
            // SnakeYAML parses lazily, so its errors surface while the documents are iterated.
            throw new RetortException("Cannot read the application's " + name + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + "; give the database with DATABASE_URL or --url instead.");
        } catch (ReflectiveOperationException e) {
            throw new RetortException("Cannot use the application's SnakeYAML to read " + name + ": " + e + "; give the database with "
                    + "DATABASE_URL or --url instead.");
        }
        return documents;
    }

    /** {@code new Yaml(new SafeConstructor(new LoaderOptions()))}, or on SnakeYAML before 1.33 {@code new Yaml(new SafeConstructor())}. */
    private static Object newYaml(ClassLoader loader, Class<?> yamlType) throws ReflectiveOperationException {
        Class<?> safe = Class.forName("org.yaml.snakeyaml.constructor.SafeConstructor", true, loader);
        Class<?> base = Class.forName("org.yaml.snakeyaml.constructor.BaseConstructor", true, loader);
        Object constructor;
        try {
            Class<?> options = Class.forName("org.yaml.snakeyaml.LoaderOptions", true, loader);
            constructor = safe.getConstructor(options).newInstance(options.getConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            constructor = safe.getConstructor().newInstance();
        }
        return yamlType.getConstructor(base).newInstance(constructor);
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else if (!prefix.isEmpty()) {
            into.put(prefix, value == null ? "" : String.valueOf(value));
        }
    }
}
