package dev.retort.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.Summary;

/**
 * Applies pending revisions up to the target, each in its own transaction, under an advisory lock.
 * Bind it to {@code pre-integration-test} so integration tests run against a migrated database.
 */
@Mojo(name = "upgrade", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class UpgradeMojo extends AbstractWritingMojo {

    /** Where to go: {@code head}, {@code heads}, a revision id or unique prefix, {@code +N}, {@code <rev>+N}. */
    @Parameter(property = "migrations.target", defaultValue = "head")
    private String target;

    @Override
    protected dev.retort.fleet.FleetCommand fleetCommand() {
        return dev.retort.fleet.FleetCommand.UPGRADE;
    }

    @Override
    protected void run(Retort retort) {
        getLog().info(Summary.of(retort.upgrade(target)));
    }
}
