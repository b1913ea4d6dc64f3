package dev.retort.internal.hibernate.boot;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * An {@code application.properties} file as Spring Boot reads it: ISO-8859-1 with Java's escapes, several documents
 * separated by a line {@code #---} (or {@code !---}).
 */
final class PropertiesFile {

    private PropertiesFile() {
    }

    static List<ConfigDocument> documents(String file, byte[] content) throws IOException {
        List<ConfigDocument> documents = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : new String(content, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1)) {
            if (line.equals("#---") || line.equals("!---")) {
                add(file, current, documents);
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        add(file, current, documents);
        return documents;
    }

    private static void add(String file, CharSequence text, List<ConfigDocument> documents) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text.toString()));
        Map<String, String> raw = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> raw.put(key, properties.getProperty(key)));
        if (!raw.isEmpty()) {
            documents.add(ConfigDocument.of(file, raw));
        }
    }
}
