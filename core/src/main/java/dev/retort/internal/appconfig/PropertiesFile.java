package dev.retort.internal.appconfig;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import dev.retort.RetortException;

/**
 * An {@code application.properties} file as Spring Boot reads it: ISO-8859-1 with Java's escapes, several documents
 * separated by a line {@code #---} (or {@code !---}), trailing blanks allowed.
 */
final class PropertiesFile {

    private static final Pattern SEPARATOR = Pattern.compile("(?m)^[#!]---[ \\t]*$");

    private PropertiesFile() {
    }

    static List<ConfigDocument> documents(String file, byte[] content) {
        List<ConfigDocument> documents = new ArrayList<>();
        for (String text : SEPARATOR.split(new String(content, StandardCharsets.ISO_8859_1), -1)) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                throw new RetortException("Cannot read the application's " + file + ": " + String.valueOf(e.getMessage()).replaceFirst("\\.$", "") + "; fix the file.", e);
            }
            Map<String, String> raw = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> raw.put(key, properties.getProperty(key)));
            if (!raw.isEmpty()) {
                documents.add(ConfigDocument.of(file, raw));
            }
        }
        return documents;
    }
}
