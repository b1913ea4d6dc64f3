package dev.retort.revision;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import dev.retort.Callback;
import dev.retort.Migration;
import dev.retort.internal.revision.ArchiveRevisions;
import dev.retort.internal.revision.ClassPathRevisions;
import dev.retort.internal.revision.Discovered;
import dev.retort.internal.revision.MigrationClasses;
import dev.retort.internal.revision.ScriptSplitter;
import dev.retort.platform.SqlDialect;

/**
 * Where the revisions come from. The default scans a package (and a resource path for SQL revision files) on a class
 * loader, which finds migrations in
 * class directories, plain and shaded jars, and Spring Boot executable jars run by their launcher; an
 * archive can also be read from outside, and a fixed list of classes needs no scanning at all (native images).
 */
@FunctionalInterface
public interface RevisionSource {

    /** Every revision this source holds, in no particular order. */
    List<RevisionScript> revisions();

    /** The repeatable revisions this source holds ({@code R__*.sql} files, {@code RepeatableMigration} classes); none by default. */
    default List<RepeatableScript> repeatables() {
        return List.of();
    }

    /** The callbacks this source holds (SQL files named after their event, {@code Callback} classes); none by default. */
    default List<Callback> callbacks() {
        return List.of();
    }

    /** What the source searches, for messages: {@code package db.migrations}. */
    default String describe() {
        return "the given revisions";
    }

    /** The migration classes of a package (sub-packages included) on a class loader. */
    static RevisionSource classPath(ClassLoader loader, String packageName) {
        return from(new ClassPathRevisions(loader, packageName));
    }

    /**
     * The migration classes of a package (sub-packages included) and the SQL revision files ({@code *.sql}) under a
     * resource path such as {@code db/migrations} (sub-directories included), on a class loader; the files are split
     * into statements by the lexer of the one database platform on the class path.
     */
    static RevisionSource classPath(ClassLoader loader, String packageName, String sqlLocation) {
        return from(new ClassPathRevisions(loader, packageName, sqlLocation, ScriptSplitter.ofOnlyPlatform()));
    }

    /**
     * As {@link #classPath(ClassLoader, String, String)}, the SQL revision files split into statements as {@code dialect}'s
     * database splits them.
     */
    static RevisionSource classPath(ClassLoader loader, String packageName, String sqlLocation, SqlDialect dialect) {
        return from(new ClassPathRevisions(loader, packageName, sqlLocation, ScriptSplitter.of(dialect)));
    }

    /**
     * The migration classes of a package inside an application archive read from outside: a Spring Boot
     * executable jar ({@code BOOT-INF/classes}, nested jars in {@code BOOT-INF/lib}), a plain or shaded jar, or
     * an exploded directory.
     */
    static RevisionSource archive(Path archive, String packageName) {
        return from(new ArchiveRevisions(archive, packageName, null, ScriptSplitter.ofOnlyPlatform()));
    }

    /**
     * As {@link #classPath(ClassLoader, String, String)}, the SQL revision files split into statements as the dialect the
     * supplier gives splits them, asked when the first file is read (a data source's platform is learnt from a connection).
     */
    static RevisionSource classPath(ClassLoader loader, String packageName, String sqlLocation, java.util.function.Supplier<SqlDialect> dialect) {
        return from(new ClassPathRevisions(loader, packageName, sqlLocation, ScriptSplitter.of(dialect)));
    }

    /**
     * As {@link #archive(Path, String)}, with the SQL revision files under {@code sqlLocation} inside the archive too,
     * split into statements by the lexer of the one database platform on the class path.
     */
    static RevisionSource archive(Path archive, String packageName, String sqlLocation) {
        return from(new ArchiveRevisions(archive, packageName, sqlLocation, ScriptSplitter.ofOnlyPlatform()));
    }

    /**
     * As {@link #archive(Path, String)}, with the SQL revision files under {@code sqlLocation} inside the archive too,
     * split into statements as {@code dialect}'s database splits them.
     */
    static RevisionSource archive(Path archive, String packageName, String sqlLocation, SqlDialect dialect) {
        return from(new ArchiveRevisions(archive, packageName, sqlLocation, ScriptSplitter.of(dialect)));
    }

    /** These migration classes and no others: nothing is scanned. */
    static RevisionSource classes(Collection<Class<? extends Migration>> migrations) {
        List<RevisionScript> scripts = MigrationClasses.scripts(migrations);
        return new RevisionSource() {
            @Override
            public List<RevisionScript> revisions() {
                return scripts;
            }

            @Override
            public String describe() {
                return migrations.size() + " listed migration class(es)";
            }
        };
    }

    /** These revisions, as built in code. */
    static RevisionSource of(Collection<RevisionScript> revisions) {
        List<RevisionScript> copy = List.copyOf(revisions);
        return () -> copy;
    }

    /** A source over a scan, which is not a source itself so the scan's package needs nothing of this one. */
    private static RevisionSource from(ClassPathRevisions scan) {
        return from(scan::discover, scan.describe());
    }

    private static RevisionSource from(ArchiveRevisions archive) {
        return from(archive::discover, archive.describe());
    }

    /** A source over one scan, made when first asked and shared by its revisions, repeatables and callbacks. */
    private static RevisionSource from(java.util.function.Supplier<Discovered> scan, String description) {
        return new RevisionSource() {
            private Discovered found;

            private synchronized Discovered found() {
                if (found == null) {
                    found = scan.get();
                }
                return found;
            }

            @Override
            public List<RevisionScript> revisions() {
                return found().revisions();
            }

            @Override
            public List<RepeatableScript> repeatables() {
                return found().repeatables();
            }

            @Override
            public List<Callback> callbacks() {
                return found().callbacks();
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
