package dev.retort.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.CheckResult;
import dev.retort.command.Problem;

/**
 * The CI gate: fails the build when the revision graph has several heads, when an applied migration
 * was edited (its checksum changed), when the database is not at head, or when the entities differ
 * from the schema the migrations produce. Binds to {@code verify}; run on its own, it comes after {@code compile}
 * ({@code mvn compile migrations:check}), since it reads the compiled entities and migrations.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class CheckMojo extends AbstractEntityMojo {

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        CheckResult result = retort.check(entities());
        result.checks().forEach(getLog()::info);
        if (!result.passed()) {
            List<String> problems = result.problems().stream().map(CheckMojo::withHint).toList();
            problems.forEach(p -> getLog().error(p));
            throw new MojoFailureException("migrations:check found " + problems.size() + " problem(s): " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more, listed above)" : "") + ".");
        }
        getLog().info("Migrations check passed.");
    }

    /** The problem followed by the goal that fixes it, where there is one. */
    private static String withHint(Problem problem) {
        return switch (problem.kind()) {
            case SEVERAL_HEADS -> problem.message() + " with migrations:merge";
            case NOT_AT_HEAD -> problem.message() + " (migrations:upgrade)";
            default -> problem.message();
        };
    }
}
