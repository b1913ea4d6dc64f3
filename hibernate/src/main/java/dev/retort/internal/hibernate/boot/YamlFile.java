package dev.retort.internal.hibernate.boot;

import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.RetortException;
import dev.retort.internal.Messages;

/**
 * An {@code application.yml} file as Spring Boot reads it: every document ({@code ---}) flattened into dotted keys,
 * list items as {@code key[0]}.
 *
 * <p>It is parsed with the SnakeYAML on the application's class path, not with one of Retort's own: Spring Boot
 * reads {@code application.yml} with that SnakeYAML (and refuses to start without one), so every application that
 * has the file has the parser, in the version its own start-up uses, and Retort adds no YAML library of its own to
 * the builds it runs in. Only JDK types (maps, lists, strings) come back from it.
 */
final class YamlFile {

    private YamlFile() {
    }

    static List<ConfigDocument> documents(String file, byte[] content, ClassLoader application) {
        Object yaml = parser(file, application);
        List<ConfigDocument> documents = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            Iterable<?> loaded = (Iterable<?>) yaml.getClass().getMethod("loadAll", Reader.class).invoke(yaml, reader);
            for (Object document : loaded) {
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", document, flat);
                if (!flat.isEmpty()) {
                    documents.add(ConfigDocument.of(file, flat));
                }
            }
        } catch (InvocationTargetException e) {
            throw new RetortException("Cannot read the application's " + file + ": " + Messages.rootMessage(e.getCause())
                    + "; fix the file's YAML.", e.getCause());
        } catch (RuntimeException e) {
            // SnakeYAML parses lazily: a syntax error surfaces while the documents are iterated.
            throw new RetortException("Cannot read the application's " + file + ": " + Messages.rootMessage(e) + "; fix the file's YAML.", e);
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new RetortException("Cannot read the application's " + file + " with its SnakeYAML: " + e + ".", e);
        }
        return documents;
    }

    /** A SnakeYAML that builds only plain maps, lists and scalars (its safe constructor), from the application's class path. */
    private static Object parser(String file, ClassLoader application) {
        try {
            Class<?> yaml = Class.forName("org.yaml.snakeyaml.Yaml", true, application);
            Class<?> options = Class.forName("org.yaml.snakeyaml.LoaderOptions", true, application);
            Class<?> safe = Class.forName("org.yaml.snakeyaml.constructor.SafeConstructor", true, application);
            Class<?> base = Class.forName("org.yaml.snakeyaml.constructor.BaseConstructor", true, application);
            Object constructor = safe.getConstructor(options).newInstance(options.getConstructor().newInstance());
            return yaml.getConstructor(base).newInstance(constructor);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RetortException("The application has " + file + " but no SnakeYAML on its class path, so Spring Boot could not read "
                    + "the file either; add org.yaml:snakeyaml (spring-boot-starter brings it).", e);
        } catch (ReflectiveOperationException e) {
            throw new RetortException("The SnakeYAML on the application's class path cannot be used to read " + file
                    + " (it lacks SafeConstructor(LoaderOptions): " + e + "); use SnakeYAML 1.33 or later.", e);
        }
    }

    private static void flatten(String path, Object value, Map<String, String> flat) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                flatten(path.isEmpty() ? key : key.startsWith("[") ? path + key : path + "." + key, entry.getValue(), flat);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), flat);
            }
        } else if (!path.isEmpty()) {
            flat.put(path, value == null ? "" : String.valueOf(value));
        }
    }
}
