package dev.retort.internal.revision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;

import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.revision.RevisionScript;
import dev.retort.revision.RevisionSource;

/**
 * The migrations of a package inside an application archive read from outside the application: a Spring Boot
 * executable jar (classes in {@code BOOT-INF/classes}, libraries nested in {@code BOOT-INF/lib}), a plain or
 * shaded jar, or an exploded directory. ClassGraph unpacks what it must; the classes are loaded by a class
 * loader over the archive that takes Retort's own classes from the caller, so they are the same
 * {@link Migration} type.
 */
public final class ArchiveRevisions implements RevisionSource {

    private final Path archive;
    private final String packageName;

    /** The migrations of {@code packageName} inside {@code archive}. */
    public ArchiveRevisions(Path archive, String packageName) {
        this.archive = archive;
        this.packageName = packageName;
    }

    @Override
    public List<RevisionScript> revisions() {
        if (!Files.exists(archive)) {
            throw new RetortException("The application archive " + archive + " does not exist.");
        }
        // The scan result stays open: its class loader reads nested jars from the files it unpacked, for as long
        // as migrations may still be loaded.
        ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages(packageName).overrideClasspath(archive.toAbsolutePath().toString()).scan();
        return ClassPathRevisions.read(scan, packageName, className -> () -> {
            Class<?> type = scan.loadClass(className, false);
            if (!Migration.class.isAssignableFrom(type)) {
                throw new RetortException("Class " + className + " in " + archive + " implements another copy of dev.retort.Migration "
                        + "than the one running Retort.");
            }
            return MigrationClasses.instantiate(type.asSubclass(Migration.class));
        });
    }

    @Override
    public String describe() {
        return "package " + packageName + " in " + archive;
    }
}
