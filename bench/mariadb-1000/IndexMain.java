import java.nio.file.Files;
import java.nio.file.Path;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.platform.Platforms;
import dev.retort.revision.ArtifactRevisions;

/** Writes the revision index of the benchmark's migrations into a class directory, as migrations:index does at build time
 * (for MariaDB: the mysql module serves two platforms, so this one is named). */
public final class IndexMain {
    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        try (Retort retort = Retort.configure().platform(Platforms.named("mariadb")).migrationsPackage("bench.migrations")
                .listener(MigrationListener.none()).load()) {
            Path file = classes.resolve(ArtifactRevisions.indexResource("bench.migrations"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, retort.revisionIndex());
        }
    }
}
