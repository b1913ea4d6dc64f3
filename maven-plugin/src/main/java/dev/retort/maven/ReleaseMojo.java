package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.retort.Retort;
import dev.retort.command.ReleaseReport;
import dev.retort.lint.Finding;
import dev.retort.config.SettingNames;

/**
 * The release step of a deploy, for a CI job that runs before new code serves traffic: production guard,
 * validation (one head, no unknown revision in the database, no edited applied migration), upgrade to head under
 * the lock, a JSON report. Fails the build unless the database ends at head.
 */
@Mojo(name = "release", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ReleaseMojo extends AbstractWritingMojo {

    /** Where the JSON report goes. */
    @Parameter(property = "migrations.reportFile", defaultValue = "${project.build.directory}/migrations/release.json")
    private File reportFile;

    @Override
    protected void run(Retort retort) throws MojoFailureException {
        ReleaseReport report = retort.release(SettingNames.MAVEN);
        try {
            Files.createDirectories(reportFile.toPath().toAbsolutePath().getParent());
            Files.writeString(reportFile.toPath(), report.toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("The release ended (" + report.outcome() + ") but its report could not be written to "
                    + reportFile + ": " + e.getMessage(), e);
        }
        // Lint's findings read as migrations:lint and generate print them: warnings of the build.
        Set<String> findings = report.findings().stream().map(Finding::line).collect(Collectors.toSet());
        report.summary().forEach(line -> {
            if (findings.contains(line)) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        });
        getLog().info("Report: " + reportFile);
        if (!report.succeeded()) {
            throw new MojoFailureException(report.summary().get(report.summary().size() - 1));
        }
    }
}
