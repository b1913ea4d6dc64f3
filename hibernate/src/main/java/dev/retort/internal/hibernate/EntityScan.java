package dev.retort.internal.hibernate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;

import dev.retort.RetortException;

/**
 * Finds entity classes by their annotations in class files (ClassGraph reads class directories and jars alike),
 * without loading them: which loader loads them is the reader's business.
 */
public final class EntityScan {

    static final String ENTITY = "jakarta.persistence.Entity";
    /** What a JPA scan hands Hibernate: the mapped classes, and converters (those that apply themselves are registered so). */
    private static final List<String> MAPPED = List.of(ENTITY, "jakarta.persistence.Embeddable", "jakarta.persistence.MappedSuperclass",
            "jakarta.persistence.Converter");

    private EntityScan() {
    }

    /**
     * The {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} and {@code @Converter} classes of the packages,
     * sub-packages included, as the loader's own class path holds them (not its parents').
     *
     * @throws RetortException when the packages hold no entity
     */
    public static List<String> packages(ClassLoader loader, Collection<String> packages) {
        ClassGraph graph = new ClassGraph().acceptPackages(packages.toArray(String[]::new)).overrideClassLoaders(loader).ignoreParentClassLoaders();
        List<String> found = scan(graph);
        if (found.isEmpty()) {
            throw new RetortException("No @Entity class was found in package(s) " + String.join(", ", packages)
                    + "; check {entityPackages} and that the project is compiled.");
        }
        return found;
    }

    /** The annotated classes under one class path root (a persistence unit's), or an empty list. */
    static List<String> root(String root) {
        return scan(new ClassGraph().overrideClasspath(root));
    }

    private static List<String> scan(ClassGraph graph) {
        List<String> classes = new ArrayList<>();
        boolean anyEntity = false;
        try (ScanResult scan = graph.enableClassInfo().enableAnnotationInfo().ignoreClassVisibility().scan()) {
            for (ClassInfo info : scan.getAllClasses()) {
                if (MAPPED.stream().anyMatch(info::hasAnnotation)) {
                    anyEntity |= info.hasAnnotation(ENTITY);
                    classes.add(info.getName());
                }
            }
        }
        return anyEntity ? classes : List.of();
    }
}
