package dev.retort.internal.revision;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.command.Direction;
import dev.retort.internal.Messages;
import dev.retort.operation.Operations;
import dev.retort.revision.RevisionGraphException;
import dev.retort.revision.RevisionScript;

/** Turns migration classes into revisions, and instantiates them when their operations are needed. */
public final class MigrationClasses {

    private MigrationClasses() {
    }

    /**
     * The revisions the given classes declare.
     *
     * @throws RevisionGraphException when a class has no {@link Revision} annotation
     */
    public static List<RevisionScript> scripts(Collection<Class<? extends Migration>> classes) {
        List<RevisionScript> scripts = new ArrayList<>();
        for (Class<? extends Migration> type : classes) {
            Revision revision = type.getAnnotation(Revision.class);
            if (revision == null) {
                throw new RevisionGraphException("Migration " + type.getName() + " has no @Revision annotation; add "
                        + "@Revision(id = ..., parents = ...).");
            }
            scripts.add(new RevisionScript(revision.id(), List.of(revision.parents()), revision.message(), revision.created(),
                    revision.transactional(), type.getName(), () -> instantiate(type)));
        }
        return scripts;
    }

    /**
     * The operations a revision's upgrade or downgrade records on a platform, with the acknowledgements written beside
     * them.
     *
     * @param platform the id of the platform they are recorded for (what {@code op.onlyOn} looks at)
     * @throws RetortException naming the revision when the migration fails while recording
     */
    public static Operations record(RevisionScript script, Direction direction, String platform) {
        Operations op = new Operations(platform);
        try {
            Migration migration = script.migration().get();
            if (direction == Direction.UP) {
                migration.upgrade(op);
            } else {
                migration.downgrade(op);
            }
        } catch (RetortException e) {
            throw e;
        } catch (LinkageError | TypeNotPresentException e) {
            String missing = Messages.missingClass(e);
            if (missing == null) {
                throw e;
            }
            throw new RetortException("Revision " + script.id() + " (" + script.source() + ") needs class " + missing + " in its "
                    + direction.label() + "grade, and the class path lacks it; add the dependency that holds it. Nothing was executed for it.",
                    e);
        } catch (RuntimeException e) {
            throw new RetortException("Revision " + script.id() + " (" + script.source() + ") failed while recording its "
                    + direction.label() + "grade operations: " + e + ". Nothing was executed for it.", e);
        }
        return op;
    }

    /**
     * Whether the revision can be downgraded: false for a SQL revision file without a downgrade section, whose downgrade
     * fails. {@code show} and the linter then leave its downgrade out instead of failing.
     */
    public static boolean downgradable(RevisionScript script) {
        return !(script.migration().get() instanceof SqlMigration sql) || sql.file().hasDowngrade();
    }

    /** The class path resource of a SQL revision, or null for a Java one. */
    static String sqlFile(RevisionScript script) {
        return script.migration().get() instanceof SqlMigration sql ? sql.file().path() : null;
    }

    /** A supplier that loads the class (on first use) and creates an instance. */
    static Supplier<Migration> lazily(String className, ClassLoader loader) {
        return () -> {
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new RevisionGraphException("Migration " + className + " cannot be loaded: " + missing(e) + ".");
            }
            if (!Migration.class.isAssignableFrom(type)) {
                throw new RevisionGraphException("Class " + className + " is annotated @Revision but does not implement "
                        + Migration.class.getName() + " as this class loader sees it.");
            }
            return instantiate(type.asSubclass(Migration.class));
        };
    }

    static Migration instantiate(Class<? extends Migration> type) {
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
        } catch (LinkageError e) {
            throw new RevisionGraphException("Migration " + type.getName() + " cannot be loaded: " + missing(e) + ".");
        }
    }

    /** What a class failing to load lacks, in words. */
    private static String missing(Throwable e) {
        String missing = Messages.missingClass(e);
        return missing == null ? e.toString() : "class " + missing + " is missing from the class path; add the dependency that holds it";
    }
}
