package dev.retort.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.retort.Retort;
import dev.retort.command.Deployability;
import dev.retort.revision.ArtifactRevisions;

@Command(name = "check-deployable", description = "Whether this application jar (or the one --artifact names) may run against the "
        + "database: exit 0 when the database is at a revision the artifact knows, 1 when a newer version migrated it. Run it "
        + "before rolling back, so old code never meets a newer schema.")
final class CheckDeployableCommand extends RetortCommand.Base {

    @Option(names = "--artifact", paramLabel = "JAR", description = "Another application jar, whose revision index says what it knows.")
    Path artifact;

    @Override
    int run(Retort retort) {
        Deployability result;
        if (artifact == null) {
            result = retort.checkDeployable();
        } else {
            ArtifactRevisions revisions = ArtifactRevisions.read(artifact, retort.settings().migrationsPackage());
            result = retort.checkDeployable(revisions.heads(), revisions.revisions());
        }
        console.result(result.toJson(), List.of(result.summary()));
        return result.deployable() ? Main.OK : Main.FAILURE;
    }
}
