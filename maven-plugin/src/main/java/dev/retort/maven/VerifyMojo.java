package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.Problem;
import dev.retort.command.Verification;
import dev.retort.config.SettingNames;

/**
 * Proves the migrations on a throwaway database ({@code migrations.devDatabase}): one head; every revision upgraded,
 * downgraded and upgraded again with the schema compared after each step; the schema at head equal to the entities;
 * every revision rendering the same SQL each time. Fails naming each revision and difference. Reads the compiled
 * entities and migrations: run it after {@code compile} ({@code mvn compile migrations:verify}).
 */
@Mojo(name = "verify", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class VerifyMojo extends AbstractEntityMojo {

    @Override
    protected boolean usesDatabase() {
        return false; // only the dev database, never the configured one
    }

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        Verification result = retort.verify(entities());
        if (!result.passed()) {
            result.problems().stream().map(Problem::message).forEach(getLog()::error);
            throw new MojoFailureException("migrations:verify found " + result.problems().size() + " problem(s): "
                    + result.problems().get(0).message() + (result.problems().size() > 1 ? " (and more, listed above)" : "") + ".");
        }
        result.skipped().forEach(skipped -> getLog().warn("Skipped " + SettingNames.MAVEN.render(skipped)));
        getLog().info(String.format("Verified %d revision(s)%s in %.1f s: each upgrades, downgrades to the schema it started from and "
                + "upgrades again; the schema at head matches the entities; the SQL is the same every time.",
                result.revisions().size(), result.where(), result.elapsed().toMillis() / 1000.0));
    }
}
