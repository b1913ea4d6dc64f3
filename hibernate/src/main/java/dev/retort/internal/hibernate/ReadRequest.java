package dev.retort.internal.hibernate;

import java.util.List;
import java.util.Map;

/**
 * What to read, handed from Retort's side to the entity reader running beside the application's Hibernate. Only
 * JDK types and this record cross that boundary, so both sides see the same classes.
 *
 * @param classNames   entities, embeddables and mapped superclasses, by name
 * @param mappingFiles JPA mapping files ({@code orm.xml}) as class path resources
 * @param settings     Hibernate settings as the application configures them
 * @param loader       the application's classes, and the Hibernate that reads them
 * @param origin       where the classes came from, for messages: {@code package(s) com.example} or {@code persistence unit shop}
 */
public record ReadRequest(List<String> classNames, List<String> mappingFiles, Map<String, Object> settings, ClassLoader loader, String origin) {

    public ReadRequest {
        classNames = List.copyOf(classNames);
        mappingFiles = List.copyOf(mappingFiles);
        settings = Map.copyOf(settings);
    }
}
