package dev.retort.internal.revision;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.AnnotationParameterValueList;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;

import dev.retort.Callback;
import dev.retort.Migration;
import dev.retort.RepeatableMigration;
import dev.retort.Revision;
import dev.retort.revision.RepeatableScript;
import dev.retort.revision.RevisionGraphException;
import dev.retort.revision.RevisionScript;

/**
 * The migrations of one package (and its sub-packages) on a class loader. Classes are found with ClassGraph,
 * which reads class directories, plain and shaded jars and Spring Boot's nested jars alike, and their
 * {@link Revision} annotations are read from the class files: no migration class is loaded until its
 * operations are needed. The same scan finds the SQL revision files ({@code *.sql}) under a resource path. An application jar that carries a revision index ({@link RevisionIndex}) is not scanned
 * at all.
 */
public final class ClassPathRevisions {

    private final ClassLoader loader;
    private final String packageName;
    private final String sqlLocation;
    private final ScriptSplitter splitter;

    /** The migration classes of {@code packageName} as {@code loader} sees them. */
    public ClassPathRevisions(ClassLoader loader, String packageName) {
        this(loader, packageName, null, null);
    }

    /**
     * The migration classes of {@code packageName} and the SQL revision files under {@code sqlLocation} (a resource
     * path such as {@code db/migrations}, or null for none) as {@code loader} sees them, the files split into
     * statements by {@code splitter}.
     */
    public ClassPathRevisions(ClassLoader loader, String packageName, String sqlLocation, ScriptSplitter splitter) {
        this.loader = loader;
        this.packageName = packageName;
        this.sqlLocation = sqlLocation;
        this.splitter = splitter;
    }

    /** Every revision found, in no particular order. */
    public List<RevisionScript> revisions() {
        return discover().revisions();
    }

    /** Every revision, repeatable and callback found. */
    public Discovered discover() {
        Discovered indexed = indexed();
        if (indexed != null) {
            return indexed;
        }
        // One scan for both: the class path is read once, whether the files lie beside the classes or elsewhere.
        ClassGraph graph = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages(packageName).overrideClassLoaders(loader).ignoreParentClassLoaders();
        if (sqlLocation != null) {
            graph.acceptPaths(sqlLocation);
        }
        try (ScanResult scan = graph.scan()) {
            Discovered classes = new Discovered(read(scan, packageName, className -> MigrationClasses.lazily(className, loader)),
                    repeatables(scan, packageName, loader), callbacks(scan, packageName, loader));
            return sqlLocation == null ? classes : classes.and(SqlRevisionFiles.read(scan, sqlLocation, splitter));
        }
    }

    /**
     * The revisions of the package's index when every copy of it on the class path lies inside a jar (an application
     * artifact, whose classes cannot change under it); null when there is none, or one in a class directory.
     */
    private Discovered indexed() {
        List<URL> indexes;
        try {
            indexes = Collections.list(loader.getResources(RevisionIndex.resourceName(packageName)));
        } catch (IOException e) {
            return null;
        }
        if (indexes.isEmpty() || indexes.stream().anyMatch(url -> !"jar".equals(url.getProtocol()))) {
            return null;
        }
        Discovered found = Discovered.of(List.of());
        for (URL index : indexes) {
            found = found.and(RevisionIndex.read(RevisionIndex.load(index), loader, splitter));
        }
        return found;
    }

    /** What is searched, for messages: {@code package db.migrations}. */
    public String describe() {
        return "package " + packageName + (sqlLocation == null ? "" : " or under " + sqlLocation);
    }

    /** The revisions of a scan; {@code migration} makes the supplier of a class's instances. */
    static List<RevisionScript> read(ScanResult scan, String packageName,
                                     Function<String, java.util.function.Supplier<Migration>> migration) {
        List<RevisionScript> scripts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ClassInfo info : scan.getAllClasses()) {
            if (!info.getPackageName().equals(packageName) && !info.getPackageName().startsWith(packageName + ".")) {
                continue; // scanned for the SQL location, not the migrations package
            }
            AnnotationInfo revision = info.getAnnotationInfo(Revision.class.getName());
            boolean isMigration = info.implementsInterface(Migration.class.getName());
            boolean concrete = !info.isInterface() && !info.isAbstract() && !info.isAnnotation();
            if (revision != null && !isMigration) {
                problems.add("class " + info.getName() + " is annotated @Revision(id = \"" + revision.getParameterValues().getValue("id")
                        + "\") but does not implement dev.retort.Migration; implement it or remove the annotation");
            } else if (revision == null && isMigration && concrete && !info.getName().contains("$")) {
                problems.add("class " + info.getName() + " implements dev.retort.Migration but has no @Revision annotation; "
                        + "add @Revision(id = ..., parents = ...) or move it out of package " + packageName);
            } else if (revision != null) {
                scripts.add(script(info.getName(), revision.getParameterValues(), migration.apply(info.getName())));
            }
        }
        if (!problems.isEmpty()) {
            throw new RevisionGraphException("The migrations in package " + packageName + " are not valid: "
                    + String.join("; ", problems) + ".");
        }
        return scripts;
    }

    /** The classes of the package that implement {@link RepeatableMigration}, each named by its simple name. */
    static List<RepeatableScript> repeatables(ScanResult scan, String packageName, ClassLoader loader) {
        List<RepeatableScript> repeatables = new ArrayList<>();
        for (ClassInfo info : concrete(scan, packageName, RepeatableMigration.class)) {
            repeatables.add(MigrationClasses.repeatable(info.getName(), loader));
        }
        return repeatables;
    }

    /** The classes of the package that implement {@link Callback}, made when a run first reaches an event. */
    static List<Callback> callbacks(ScanResult scan, String packageName, ClassLoader loader) {
        List<Callback> callbacks = new ArrayList<>();
        for (ClassInfo info : concrete(scan, packageName, Callback.class)) {
            callbacks.add(MigrationClasses.callback(info.getName(), loader));
        }
        return callbacks;
    }

    private static List<ClassInfo> concrete(ScanResult scan, String packageName, Class<?> type) {
        return scan.getClassesImplementing(type.getName()).stream()
                .filter(info -> info.getPackageName().equals(packageName) || info.getPackageName().startsWith(packageName + "."))
                .filter(info -> !info.isInterface() && !info.isAbstract() && !info.isAnonymousInnerClass())
                .sorted(java.util.Comparator.comparing(ClassInfo::getName)).toList();
    }

    private static RevisionScript script(String className, AnnotationParameterValueList values,
                                         java.util.function.Supplier<Migration> migration) {
        Object parents = values.getValue("parents");
        List<String> parentIds = parents == null ? List.of()
                : parents instanceof Object[] array ? Arrays.stream(array).map(String::valueOf).toList() : List.of(String.valueOf(parents));
        Object message = values.getValue("message");
        Object created = values.getValue("created");
        Object transactional = values.getValue("transactional");
        Object phase = values.getValue("phase");
        Object expand = values.getValue("expand");
        return new RevisionScript(String.valueOf(values.getValue("id")), parentIds, message == null ? "" : (String) message,
                created == null ? "" : (String) created, transactional == null || (Boolean) transactional, className, migration, null,
                phase instanceof io.github.classgraph.AnnotationEnumValue value ? Revision.Phase.valueOf(value.getValueName())
                        : Revision.Phase.ORDINARY, expand == null ? "" : (String) expand);
    }
}
