package dev.retort.revision;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import dev.retort.Migration;
import dev.retort.Revision;

/**
 * Finds the migration classes of one package (and its sub-packages) on a class loader, from class
 * directories and from jars alike, so an application jar carries its own migrations.
 *
 * <p>Classes are listed by {@link PackageClasses} and loaded without initialisation.
 */
public final class MigrationScanner {

    private final ClassLoader classLoader;

    /** Scans with the given class loader. */
    public MigrationScanner(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * All revisions declared in the package.
     *
     * @throws RevisionGraphException when a class declares a revision but is not a {@link Migration}, or the reverse
     */
    public List<RevisionScript> scan(String packageName) {
        List<RevisionScript> scripts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String className : PackageClasses.list(classLoader, packageName)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, classLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add("class " + className + " cannot be loaded (" + e + ")");
                continue;
            }
            Revision revision = type.getAnnotation(Revision.class);
            boolean isMigration = Migration.class.isAssignableFrom(type);
            boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
            if (revision != null && !isMigration) {
                problems.add("class " + className + " is annotated @Revision(id = \"" + revision.id()
                        + "\") but does not implement dev.retort.Migration; implement it or remove the annotation");
            } else if (revision == null && isMigration && concrete && !type.isAnonymousClass() && !type.isMemberClass()
                    && !type.isLocalClass()) {
                problems.add("class " + className + " implements dev.retort.Migration but has no @Revision annotation; "
                        + "add @Revision(id = ..., parents = ...) or move it out of package " + packageName);
            } else if (revision != null) {
                scripts.add(toScript(type.asSubclass(Migration.class), revision));
            }
        }
        if (!problems.isEmpty()) {
            throw new RevisionGraphException("The migrations in package " + packageName + " are not valid: "
                    + String.join("; ", problems) + ".");
        }
        return scripts;
    }

    private static RevisionScript toScript(Class<? extends Migration> type, Revision revision) {
        return new RevisionScript(revision.id(), List.of(revision.parents()), revision.message(), revision.created(),
                revision.transactional(), type.getName(), () -> instantiate(type));
    }

    private static Migration instantiate(Class<? extends Migration> type) {
        try {
            Constructor<? extends Migration> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new RevisionGraphException("Migration " + type.getName() + " needs a constructor without parameters.");
        } catch (InvocationTargetException e) {
            throw new RevisionGraphException("Migration " + type.getName() + " failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new RevisionGraphException("Migration " + type.getName() + " cannot be instantiated: " + e);
        }
    }
}
