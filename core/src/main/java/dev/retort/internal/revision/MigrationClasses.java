package dev.retort.internal.revision;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import dev.retort.Callback;
import dev.retort.Migration;
import dev.retort.RepeatableMigration;
import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.command.Direction;
import dev.retort.internal.Messages;
import dev.retort.operation.Operations;
import dev.retort.revision.RepeatableScript;
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
                    revision.transactional(), type.getName(), () -> instantiate(type), null, revision.phase(), revision.expand()));
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
        return record(script, direction, platform, null);
    }

    /**
     * As {@link #record(RevisionScript, Direction, String)}, a SQL file's placeholders replaced by their values; with null
     * values, as written (what checksums and lint read).
     *
     * @throws RetortException naming a placeholder that has no value
     */
    public static Operations record(RevisionScript script, Direction direction, String platform, PlaceholderValues placeholders) {
        Operations op = new Operations(platform);
        try {
            Migration migration = script.migration().get();
            if (placeholders != null && migration instanceof SqlSourced sql) {
                for (String statement : sql.statements(direction, platform)) {
                    op.execute(placeholders.apply(statement, sql.path()));
                }
            } else if (direction == Direction.UP) {
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
                    + direction.label() + "grade operations: " + sentence(e) + " Nothing was executed for it.", e);
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

    /**
     * A repeatable as the engine runs it: a revision with no parents whose id is the repeatable's name and whose upgrade
     * is the repeatable's {@code apply}; it has no downgrade.
     */
    public static RevisionScript asRevision(RepeatableScript repeatable) {
        java.util.function.Supplier<Migration> migration = () -> {
            RepeatableMigration made = repeatable.migration().get();
            return made instanceof SqlSourced ? new SqlRepeatableRun(made) : new RepeatableRun(made);
        };
        return new RevisionScript(repeatable.name(), List.of(), repeatable.message(), "", repeatable.transactional(), repeatable.source(),
                migration);
    }

    /** A repeatable's {@code apply} as the upgrade of a revision. */
    private static class RepeatableRun implements Migration {
        final RepeatableMigration repeatable;

        RepeatableRun(RepeatableMigration repeatable) {
            this.repeatable = repeatable;
        }

        @Override
        public void upgrade(Operations op) {
            repeatable.apply(op);
        }

        @Override
        public void downgrade(Operations op) {
            // a repeatable is not taken back: the next change of its source replaces it
        }
    }

    /** A SQL repeatable's, which keeps its statements as written for the placeholders to be replaced in. */
    private static final class SqlRepeatableRun extends RepeatableRun implements SqlSourced {
        SqlRepeatableRun(RepeatableMigration repeatable) {
            super(repeatable);
        }

        @Override
        public String path() {
            return ((SqlSourced) repeatable).path();
        }

        @Override
        public List<String> statements(Direction direction, String platform) {
            return direction == Direction.UP ? ((SqlSourced) repeatable).statements(direction, platform) : List.of();
        }
    }

    /**
     * What a callback records at an event on a platform, a SQL file's placeholders replaced.
     *
     * @throws RetortException naming the callback when it fails while recording, or a placeholder without a value
     */
    public static Operations record(Callback callback, Callback.Event event, dev.retort.command.Step step, String platform,
                                    PlaceholderValues placeholders) {
        Operations op = new Operations(platform);
        Callback made = LazyCallback.unwrap(callback);
        try {
            if (made instanceof SqlSourced sql) {
                for (String statement : sql.statements(Direction.UP, platform)) {
                    op.execute(placeholders.apply(statement, sql.path()));
                }
            } else {
                made.handle(event, step, op);
            }
        } catch (RetortException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new RetortException("The " + event.fileName() + " callback " + callback.describe() + " failed while recording its "
                    + "operations: " + sentence(e) + " Nothing was executed for it.", e);
        }
        return op;
    }

    /** Whether a callback runs in a transaction of its own at a run's start or end (a SQL file may say it must not). */
    public static boolean transactional(Callback callback) {
        return SqlScriptFile.transactional(LazyCallback.unwrap(callback));
    }

    /** A repeatable class of the migrations package, named by its simple name and made when it is first needed. */
    static RepeatableScript repeatable(String className, ClassLoader loader) {
        String name = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
        return new RepeatableScript(name, "", true, className, () -> instance(className, loader, RepeatableMigration.class));
    }

    /** A callback class of the migrations package, made when a run first reaches an event. */
    static Callback callback(String className, ClassLoader loader) {
        return new LazyCallback(className, null, () -> instance(className, loader, Callback.class));
    }

    private static <T> T instance(String className, ClassLoader loader, Class<T> type) {
        Class<?> loaded;
        try {
            loaded = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RevisionGraphException("Class " + className + " cannot be loaded: " + missing(e) + ".");
        }
        try {
            java.lang.reflect.Constructor<?> constructor = loaded.getDeclaredConstructor();
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance());
        } catch (NoSuchMethodException e) {
            throw new RevisionGraphException(className + " needs a constructor without parameters.");
        } catch (InvocationTargetException e) {
            throw new RevisionGraphException(className + " failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new RevisionGraphException(className + " cannot be instantiated: " + e);
        }
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

    /** What went wrong, as a sentence ending in one full stop (a message may end in its own). */
    private static String sentence(Throwable e) {
        String text = e.toString();
        return text.endsWith(".") ? text : text + ".";
    }
}
