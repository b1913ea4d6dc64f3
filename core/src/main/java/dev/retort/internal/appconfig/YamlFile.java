package dev.retort.internal.appconfig;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
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
 * has the file has the parser, in the version its own start-up uses, and the file means to Retort exactly what it
 * means to the application (anchors, quoting, block scalars). A YAML library of Retort's own would be one more
 * dependency in every build and application jar it runs in. Only JDK types (maps, lists, strings) come back from it.
 */
final class YamlFile {

    private YamlFile() {
    }

    static List<ConfigDocument> documents(String file, byte[] content, ClassLoader application) {
        Object yaml = parser(file, application);
        List<ConfigDocument> documents = new ArrayList<>();
        try {
            // From bytes, as Boot reads it: UTF-8 unless a byte-order mark says otherwise.
            Iterable<?> loaded = (Iterable<?>) yaml.getClass().getMethod("loadAll", InputStream.class).invoke(yaml, new ByteArrayInputStream(content));
            for (Object document : loaded) {
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", document, flat);
                if (!flat.isEmpty()) {
                    documents.add(ConfigDocument.of(file, flat));
                }
            }
        } catch (InvocationTargetException e) {
            throw syntax(file, e.getCause());
        } catch (RuntimeException e) {
            // SnakeYAML parses lazily: a syntax error surfaces while the documents are iterated.
            throw syntax(file, e);
        } catch (ReflectiveOperationException e) {
            throw unusable(file, e);
        }
        return documents;
    }

    private static RetortException syntax(String file, Throwable error) {
        return new RetortException("Cannot read the application's " + file + ": " + Messages.rootMessage(error) + "; fix the file's YAML.", error);
    }

    private static RetortException unusable(String file, Throwable error) {
        return new RetortException("Cannot use the SnakeYAML on the application's class path to read " + file + ": " + error
                + "; use the SnakeYAML its Spring Boot brings.", error);
    }

    /**
     * A SnakeYAML that builds only plain maps, lists and scalars: {@code new Yaml(new SafeConstructor(new LoaderOptions()))},
     * or before SnakeYAML 1.33 {@code new Yaml(new SafeConstructor())}.
     */
    private static Object parser(String file, ClassLoader application) {
        try {
            Class<?> yaml = Class.forName("org.yaml.snakeyaml.Yaml", true, application);
            Class<?> safe = Class.forName("org.yaml.snakeyaml.constructor.SafeConstructor", true, application);
            Class<?> base = Class.forName("org.yaml.snakeyaml.constructor.BaseConstructor", true, application);
            Object constructor;
            try {
                Class<?> options = Class.forName("org.yaml.snakeyaml.LoaderOptions", true, application);
                constructor = safe.getConstructor(options).newInstance(options.getConstructor().newInstance());
            } catch (NoSuchMethodException e) {
                constructor = safe.getConstructor().newInstance();
            }
            return yaml.getConstructor(base).newInstance(constructor);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RetortException("The application has " + file + " but no SnakeYAML on its class path, so Spring Boot could not read "
                    + "the file either; add org.yaml:snakeyaml (spring-boot-starter brings it).", e);
        } catch (ReflectiveOperationException e) {
            throw unusable(file, e);
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
